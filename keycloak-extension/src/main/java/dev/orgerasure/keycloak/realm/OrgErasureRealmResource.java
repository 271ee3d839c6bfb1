package dev.orgerasure.keycloak.realm;

import dev.orgerasure.keycloak.completion.ErasureCallbackResource;
import dev.orgerasure.keycloak.selfservice.SelfServiceResource;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

  /**
   * The audit log's public keys (JWKS), the same under every realm: the log outlives realms, so its
   * keys belong to none. Anyone may read them, to verify exports and receipts offline.
   */
  @GET
  @Path("audit-keys")
  @Produces(MediaType.APPLICATION_JSON)
  public String auditKeys() {
    return OrgErasureProvider.of(session).auditKeys().store().jwksJson();
  }

  /** What the account console asks before it offers "Delete organisation". */
  @Path("self-service")
  public SelfServiceResource selfService() {
    return new SelfServiceResource(session);
  }
}
