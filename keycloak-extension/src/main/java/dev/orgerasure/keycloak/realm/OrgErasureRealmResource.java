package dev.orgerasure.keycloak.realm;

import dev.orgerasure.keycloak.completion.ErasureCallbackResource;
import dev.orgerasure.keycloak.selfservice.SelfServiceResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;

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

  /** What the account console asks before it offers "Delete organisation". */
  @Path("self-service")
  public SelfServiceResource selfService() {
    return new SelfServiceResource(session);
  }
}
