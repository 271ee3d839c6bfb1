package dev.orgerasure.keycloak.realm;

import dev.orgerasure.keycloak.audit.ReceiptLinks;
import dev.orgerasure.keycloak.cancel.CancelLinkResource;
import dev.orgerasure.keycloak.completion.ErasureCallbackResource;
import dev.orgerasure.keycloak.selfservice.SelfServiceResource;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jboss.resteasy.reactive.NoCache;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorResponse;

/** {@code /realms/{realm}/org-erasure}. */
public class OrgErasureRealmResource {

  private final KeycloakSession session;

  public OrgErasureRealmResource(KeycloakSession session) {
    this.session = session;
  }

  /** Where the erasure-service reports back. */
  @Path("erasures")
  public ErasureCallbackResource erasures() {
    return new ErasureCallbackResource(session);
  }

  /**
   * The audit log's public keys (JWKS), the same under every realm: the log outlives realms, so its
   * keys belong to none. Anyone may read them, to verify exports and receipts offline.
   */
  @GET
  @Path("audit-keys")
  @Produces(MediaType.APPLICATION_JSON)
  public String auditKeys() {
    return OrgErasureProvider.of(session).auditKeys().current(session).jwksJson();
  }

  /**
   * The audit log's latest checkpoint as a C2SP signed note, for witnesses and transparency-log
   * tools (docs/audit.md, "Standard checkpoint format"); public, as the keys are. {@code 404} while
   * the log is empty.
   */
  @GET
  @NoCache
  @Path("audit-checkpoint")
  @Produces(MediaType.TEXT_PLAIN)
  public Response auditCheckpoint() {
    return OrgErasureProvider.of(session)
        .audit()
        .latestCheckpointNote()
        .map(note -> Response.ok(note, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build())
        .orElseThrow(
            () -> ErrorResponse.error("The audit log is empty", Response.Status.NOT_FOUND));
  }

  /** The verifier keys of the audit log's checkpoint notes, one per line; public. */
  @GET
  @Path("audit-note-keys")
  @Produces(MediaType.TEXT_PLAIN)
  public Response auditNoteKeys() {
    return Response.ok(
            OrgErasureProvider.of(session).audit().noteVerifierKeys(),
            MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
        .build();
  }

  /**
   * The erasure receipt behind the link of the completion e-mail: the token is the permission, so
   * it works after the requester's account, and the realm, are gone. {@code 404} until the erasure
   * has completed, which is moments after the e-mail.
   */
  @GET
  @Path("receipt")
  @Produces(MediaType.APPLICATION_JSON)
  public Response receipt(@QueryParam("token") String token) {
    OrgErasureProvider erasures = OrgErasureProvider.of(session);
    String erasureId =
        new ReceiptLinks(
                erasures.auditKeys().current(session),
                Duration.ofDays(erasures.settings().receiptLinkLifetimeDays()))
            .erasureOf(token == null ? "" : token)
            .orElseThrow(
                () ->
                    ErrorResponse.error(
                        "This receipt link is not valid", Response.Status.FORBIDDEN));
    return erasures
        .audit()
        .receipt(erasureId)
        .map(
            receipt ->
                Response.ok(receipt.toJson())
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"erasure-receipt-" + erasureId + ".json\"")
                    .build())
        .orElseThrow(
            () ->
                ErrorResponse.error(
                    "The erasure has not completed yet; try again in a moment",
                    Response.Status.NOT_FOUND));
  }

  /** What the account console asks before it offers "Delete organisation". */
  /** Where the cancel link of the "erasure scheduled" e-mail leads. */
  @Path("cancel")
  public CancelLinkResource cancel() {
    return new CancelLinkResource(session);
  }

  @Path("self-service")
  public SelfServiceResource selfService() {
    return new SelfServiceResource(session);
  }
}
