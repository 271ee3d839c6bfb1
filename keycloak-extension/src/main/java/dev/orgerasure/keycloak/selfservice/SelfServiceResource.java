package dev.orgerasure.keycloak.selfservice;

import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/org-erasure/self-service}: the organisations the signed-in user may erase
 * themselves (docs/erasure.md, "Who may erase"), so the account console shows "Delete organisation"
 * to org admins only. The caller is known by Keycloak's own sign-in cookie, as on Keycloak's login
 * pages: the account console's tokens stay inside its bundle. It is a same-origin read of the
 * caller's own facts; nothing else can read it (no CORS) and it changes nothing.
 */
public class SelfServiceResource {

  private final KeycloakSession session;

  public SelfServiceResource(KeycloakSession session) {
    this.session = session;
  }

  @GET
  @Path("organizations")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, String>> administeredOrganizations() {
    RealmModel realm = session.getContext().getRealm();
    AuthenticationManager.AuthResult signedIn =
        new AuthenticationManager().authenticateIdentityCookie(session, realm);
    if (signedIn == null) {
      throw ErrorResponse.error("Not signed in", Response.Status.UNAUTHORIZED);
    }
    OrgErasureProvider erasures = OrgErasureProvider.of(session);
    return erasures.selfServiceErasers().erasableBy(erasures.tenants(), signedIn.user()).stream()
        .map(tenant -> Map.of("id", tenant.id(), "name", tenant.name()))
        .toList();
  }
}
