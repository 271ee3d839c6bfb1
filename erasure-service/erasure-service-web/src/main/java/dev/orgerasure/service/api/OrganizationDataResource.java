package dev.orgerasure.service.api;

import dev.orgerasure.service.inventory.OrganizationDataCountService;
import dev.orgerasure.service.inventory.OrganizationDataCounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the service holds for one organisation; read by Keycloak's admin page before an erasure. */
@Path("organizations/{orgId}/data")
@RolesAllowed(ErasureResource.ROLE)
public class OrganizationDataResource {

  @Inject private OrganizationDataCountService countService;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public OrganizationDataCounts counts(@PathParam("orgId") String orgId) {
    return countService.countFor(orgId);
  }
}
