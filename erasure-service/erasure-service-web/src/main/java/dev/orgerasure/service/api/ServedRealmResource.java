package dev.orgerasure.service.api;

import dev.orgerasure.contract.ServedRealm;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.service.keycloak.KeycloakSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The realm this service serves. Answering at all proves the caller's realm is trusted (its token
 * passed the issuer and dispatcher checks); Keycloak asks before locking anyone out.
 */
@Path(ServiceApi.SERVED_REALM)
@DispatcherOnly
public class ServedRealmResource {

  @Inject private KeycloakSettings keycloak;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ServedRealm servedRealm() {
    return new ServedRealm(keycloak.realm());
  }
}
