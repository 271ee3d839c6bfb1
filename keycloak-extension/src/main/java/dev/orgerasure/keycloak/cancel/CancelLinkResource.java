package dev.orgerasure.keycloak.cancel;

import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/org-erasure/cancel}: where the cancel link of the "erasure scheduled"
 * e-mail leads. Opening it only shows what cancelling does and asks to confirm (mail scanners that
 * follow links cancel nothing); the confirmation spends the link and cancels. The link is spent
 * before the cancel, so that two clicks never cancel twice, and given back when the cancel failed
 * for a passing reason (the service is down): it stays usable until the grace period ends. Every
 * refusal is a themed page that says why, and changes nothing.
 */
public class CancelLinkResource {

  private static final Logger LOG = Logger.getLogger(CancelLinkResource.class);

  static final String CONFIRM_PAGE = "org-erasure-cancel.ftl";
  static final String CANCELLED_PAGE = "org-erasure-cancelled.ftl";
  static final String REFUSED_PAGE = "org-erasure-cancel-refused.ftl";

  private final KeycloakSession session;

  public CancelLinkResource(KeycloakSession session) {
    this.session = session;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response confirmPage(@QueryParam("token") String token) {
    Optional<CancelLinkToken> link = new CancelLinks(session).verify(token);
    Optional<ErasureRepresentation> erasure = link.flatMap(this::erasure);
    if (erasure.isEmpty() || !erasure.get().cancellable()) {
      return refused(
          erasure.isPresent() ? "orgErasureCancelTooLate" : "orgErasureCancelLinkInvalid");
    }
    return forms()
        .setAttribute("organizationName", erasure.get().organizationName())
        .setAttribute("memberCount", erasure.get().memberCount())
        .setAttribute("token", token)
        .setAttribute("action", session.getContext().getUri().getRequestUri().getPath())
        .createForm(CONFIRM_PAGE);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response cancel(@FormParam("token") String token) {
    CancelLinks links = new CancelLinks(session);
    Optional<CancelLinkToken> link = links.verify(token);
    if (link.isEmpty() || !links.spend(link.get())) {
      return refused("orgErasureCancelLinkInvalid");
    }
    Optional<ErasureRepresentation> erasure = erasure(link.get());
    if (erasure.isEmpty()) {
      return refused("orgErasureCancelLinkInvalid");
    }
    try {
      ErasureRepresentation cancelled = OrgErasureProvider.of(session).cancel(erasure.get().id());
      LOG.infof("Erasure %s cancelled through the e-mailed link", cancelled.id());
      return forms()
          .setAttribute("organizationName", cancelled.organizationName())
          .createForm(CANCELLED_PAGE);
    } catch (CancelRefusedException e) {
      LOG.infof(
          "Erasure %s: cancel through the link refused: %s", erasure.get().id(), e.getMessage());
      if (e.isPassing()) {
        links.unspend(link.get());
        return refused("orgErasureCancelTryAgain", Response.Status.SERVICE_UNAVAILABLE);
      }
      return refused("orgErasureCancelTooLate");
    }
  }

  private Optional<ErasureRepresentation> erasure(CancelLinkToken link) {
    return OrgErasureProvider.of(session)
        .requests()
        .find(session.getContext().getRealm().getId(), link.getErasureId())
        .map(ErasureRepresentation::of);
  }

  private Response refused(String reasonKey) {
    return refused(reasonKey, Response.Status.CONFLICT);
  }

  private Response refused(String reasonKey, Response.Status status) {
    return forms().setAttribute("reason", reasonKey).setStatus(status).createForm(REFUSED_PAGE);
  }

  private LoginFormsProvider forms() {
    return session.getProvider(LoginFormsProvider.class);
  }
}
