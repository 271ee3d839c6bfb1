package dev.orgerasure.service.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.ContractLimits;
import dev.orgerasure.contract.ServiceApi;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin page's batched counts over HTTP, as Keycloak's dispatcher client calls them: the most
 * organisations one call may name, and what is refused. The call only reads; the refusals also
 * leave an organisation's rows as they were.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class OrganizationsDataApiIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment(testable = false)
  public static EnterpriseArchive service() {
    return ServiceArchive.asBuilt();
  }

  @Test
  public void asManyOrganisationsAsTheLimitAreCountedInOneCall() throws Exception {
    List<String> ids = newIds(ContractLimits.ORGANIZATIONS_PER_COUNT);

    HttpResponse<String> answer = post(json(ids));

    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(ids.size(), answer.body().split("\"organizationId\"").length - 1);
  }

  @Test
  public void oneOrganisationMoreThanTheLimitIsRefusedAndChangesNothing() throws Exception {
    assertRefusedChangingNothing(json(newIds(ContractLimits.ORGANIZATIONS_PER_COUNT + 1)));
  }

  @Test
  public void aBlankOrganisationIdIsRefusedAndChangesNothing() throws Exception {
    assertRefusedChangingNothing("[\"" + OrgData.newOrgId() + "\", \" \"]");
  }

  @Test
  public void malformedJsonIsRefusedAndChangesNothing() throws Exception {
    assertRefusedChangingNothing("[\"" + OrgData.newOrgId() + "\"");
  }

  private void assertRefusedChangingNothing(String body) throws Exception {
    String orgId = OrgData.newOrgId();
    Map<String, String> before;
    try (Connection db = TestServer.connect()) {
      OrgData.create(db, orgId, 2);
      before = OrgData.checksums(db, orgId);
    }

    HttpResponse<String> answer = post(body);

    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"error\":\"invalid-request\""), answer.body());
    try (Connection db = TestServer.connect()) {
      assertEquals(before, OrgData.checksums(db, orgId));
    }
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(TestServer.api(ServiceApi.ORGANIZATIONS_DATA))
            .header("Authorization", "Bearer " + TestServer.dispatcherToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> newIds(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(OrgData.newOrgId());
    }
    return ids;
  }

  private static String json(List<String> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
