package dev.orgerasure.service.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.service.inventory.OrganizationDataCountService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin page's batched counts answer what the per-organisation counts answer. */
@ExtendWith(ArquillianExtension.class)
public class OrganizationDataCountIT {

  @Deployment
  public static EnterpriseArchive service() {
    return ServiceArchive.withTest(OrganizationDataCountIT.class);
  }

  @Inject private OrganizationDataCountService counts;

  @Test
  public void theBatchedCountsOfManyOrganisationsEqualEachOrganisationsOwnRowCounts()
      throws Exception {
    String small = OrgData.newOrgId();
    String large = OrgData.newOrgId();
    List<String> largeFiles;
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, small, 2);
      largeFiles = OrgData.create(db, large, 7);
    }
    String unknown = OrgData.newOrgId();

    List<OrganizationData> batched = counts.countFor(List.of(large, unknown, small));

    assertEquals(
        List.of(large, unknown, small),
        batched.stream().map(OrganizationData::organizationId).toList());
    assertEquals(rows(counts.countFor(large)), rows(batched.get(0)));
    assertEquals(rows(counts.countFor(small)), rows(batched.get(2)));
    assertEquals(0L, batched.get(1).tables().stream().mapToLong(TableCount::rows).sum());
    assertEquals(largeFiles.size(), batched.get(0).files().files());
  }

  private static List<Long> rows(OrganizationData data) {
    return data.tables().stream().map(TableCount::rows).toList();
  }
}
