package dev.orgerasure.service.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The caller's onboarding over HTTP, as a member's client calls it: a token of the realm the
 * service trusts ({@link TestRealm}), checked by Liberty's mpJwt, then the resource and the
 * platform. Runs on the client side; the data is prepared over JDBC.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class OnboardingApiIT {

  private static final String ONBOARDING = "learning/me/onboarding";
  private static final Answer PENDING =
      new Answer(200, "{\"state\":\"PENDING\",\"organizationId\":null}");

  private final HttpClient http = HttpClient.newHttpClient();

  @Deployment(testable = false)
  public static EnterpriseArchive service() {
    return ServiceArchive.asBuilt();
  }

  @Test
  public void aPersonWithoutOnboardingIsPendingAndCompletesItIntoTheirOrganisation()
      throws Exception {
    String orgId = newOrganisation();
    String user = newMemberOf(orgId);

    assertEquals(PENDING, get(user));
    assertEquals(completedInto(orgId), put(user, choice(orgId)));
    assertEquals(completedInto(orgId), get(user));

    try (Connection db = TestServer.connect()) {
      List<String> row = OrgData.onboardingOf(db, List.of(user));
      assertEquals(1, row.size());
      assertTrue(row.get(0).startsWith("COMPLETED|" + orgId + "|2"), row.get(0));
    }
  }

  @Test
  public void completingIntoAnOrganisationOfWhichTheCallerIsNotAMemberIsRefusedAndChangesNothing()
      throws Exception {
    String orgId = newOrganisation();
    String otherId = newOrganisation();
    String user = newMemberOf(orgId);
    put(user, choice(orgId));

    assertEquals(
        new Answer(
            403,
            "{\"error\":\"not-a-member\","
                + "\"message\":\"The caller is not a member of this organisation.\"}"),
        put(user, choice(otherId)));
    assertEquals(completedInto(orgId), get(user));
  }

  @Test
  public void completingIntoAnOrganisationUnderErasureIsRefused() throws Exception {
    String orgId = newOrganisation();
    String user = newMemberOf(orgId);
    try (Connection db = TestServer.connect()) {
      // Handed over with a long grace period: under erasure, nothing deleted yet.
      OrgData.update(
          db,
          "INSERT INTO purge (request_id, org_id, org_name, state, requested_at, grace_until)"
              + " VALUES (?, ?, ?, 'SCHEDULED', now(), now() + interval '1 day')",
          UUID.randomUUID().toString(),
          orgId,
          "Org " + orgId);
    }

    Answer refused = put(user, choice(orgId));

    assertEquals(409, refused.status());
    assertTrue(refused.body().contains("\"error\":\"organisation-under-erasure\""), refused.body());
    assertEquals(PENDING, get(user));
  }

  @Test
  public void aRequestWithoutATokenOrWithoutAnOrganisationIsRefused() throws Exception {
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(TestServer.api(ONBOARDING)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());

    Answer invalid = put(newMemberOf(newOrganisation()), "{}");
    assertEquals(
        new Answer(
            400, "{\"error\":\"invalid-request\",\"message\":\"organizationId is missing\"}"),
        invalid);
  }

  private record Answer(int status, String body) {}

  private static Answer completedInto(String orgId) {
    return new Answer(200, "{\"state\":\"COMPLETED\",\"organizationId\":\"" + orgId + "\"}");
  }

  private static String choice(String orgId) {
    return "{\"organizationId\":\"" + orgId + "\"}";
  }

  private Answer get(String user) throws IOException, InterruptedException {
    return send(request(user).GET());
  }

  private Answer put(String user, String json) throws IOException, InterruptedException {
    return send(
        request(user)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpRequest.Builder request(String user) {
    return HttpRequest.newBuilder(TestServer.api(ONBOARDING))
        .header("Authorization", "Bearer " + TestServer.accessToken(user));
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private static String newOrganisation() throws SQLException {
    String orgId = OrgData.newOrgId();
    try (Connection db = TestServer.connect()) {
      OrgData.create(db, orgId, 1);
    }
    return orgId;
  }

  /** A person of their own, so that no other test touches their onboarding. */
  private static String newMemberOf(String orgId) throws SQLException {
    String user = UUID.randomUUID().toString();
    try (Connection db = TestServer.connect()) {
      OrgData.update(
          db,
          "INSERT INTO memberships (org_id, user_id, role) VALUES (?, ?, 'LEARNER')",
          orgId,
          user);
    }
    return user;
  }
}
