package dev.orgerasure.service.api;

import dev.orgerasure.contract.ServedRealm;
import dev.orgerasure.contract.ServiceApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The realm this service serves. Answering at all proves the caller's realm is trusted (its token
 * passed the issuer and dispatcher checks); Keycloak asks before locking anyone out.
 */
@Path(ServiceApi.SERVED_REALM)
@DispatcherOnly
public class ServedRealmResource {

  @Inject
  @ConfigProperty(name = "erasure.keycloak.realm")
  String realm;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ServedRealm servedRealm() {
    return new ServedRealm(realm);
  }
}
