package dev.orgerasure.service.api;

import dev.orgerasure.contract.ContractLimits;
import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.service.inventory.OrganizationDataCountService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * What the service holds for many organisations in one call: the admin page's list asks once for a
 * page of organisations, not once per organisation.
 */
@Path(ServiceApi.ORGANIZATIONS_DATA)
@DispatcherOnly
public class OrganizationsDataResource {

  @Inject private OrganizationDataCountService countService;

  /** Answers in the order asked; an unknown organisation holds zero rows. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public List<OrganizationData> counts(List<String> orgIds) {
    if (orgIds == null
        || orgIds.size() > ContractLimits.ORGANIZATIONS_PER_COUNT
        || orgIds.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > 255)) {
      throw new IllegalArgumentException(
          "Expected a list of at most "
              + ContractLimits.ORGANIZATIONS_PER_COUNT
              + " organisation ids");
    }
    return countService.countFor(orgIds.stream().distinct().toList());
  }
}
