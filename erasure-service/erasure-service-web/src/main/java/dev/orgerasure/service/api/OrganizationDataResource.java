package dev.orgerasure.service.api;

import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.service.inventory.OrganizationDataCountService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the service holds for one organisation; read by Keycloak's admin page before an erasure. */
@Path(ServiceApi.ORGANIZATION_DATA)
@DispatcherOnly
public class OrganizationDataResource {

  @Inject private OrganizationDataCountService countService;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public OrganizationData counts(@PathParam("orgId") String orgId) {
    return countService.countFor(orgId);
  }
}
