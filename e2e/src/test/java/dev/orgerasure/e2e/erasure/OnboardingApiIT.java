package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo platform's onboarding API over HTTP, as a member's client calls it with a token of the
 * realm's {@code learning-app} client: Liberty's mpJwt checks the token, the platform its audience
 * and the caller's membership.
 */
@WholeSystemTest
class OnboardingApiIT {

  private final SystemUnderTest sut;
  private final HttpClient http = HttpClient.newHttpClient();

  OnboardingApiIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  private record Answer(int status, String body) {}

  @Test
  void aPersonWithoutOnboardingIsPendingAndCompletesItIntoTheirOrganisation() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Member member = org.learners().get(0);
    Sql.update(
        sut.system()::learningDatabase, "DELETE FROM onboarding WHERE user_id = ?", member.id());
    String token = tokenOf(member);

    assertEquals(new Answer(200, "{\"state\":\"PENDING\",\"organizationId\":null}"), get(token));
    assertEquals(completedInto(org), put(token, choice(org)));
    assertEquals(completedInto(org), get(token));
  }

  @Test
  void completingIntoAnOrganisationOfWhichTheCallerIsNotAMemberIsRefusedAndChangesNothing()
      throws Exception {
    DemoOrg org = sut.createOrg(2);
    DemoOrg other = sut.createOrg(2);
    String token = tokenOf(org.learners().get(0));

    assertEquals(
        new Answer(
            403,
            "{\"error\":\"not-a-member\","
                + "\"message\":\"The caller is not a member of this organisation.\"}"),
        put(token, choice(other)));
    assertEquals(completedInto(org), get(token));
  }

  @Test
  void aRequestWithoutATokenIsUnauthorized() throws Exception {
    HttpResponse<String> anonymous =
        http.send(HttpRequest.newBuilder(onboarding()).GET().build(), BODY);

    assertEquals(401, anonymous.statusCode());
  }

  @Test
  void aChoiceWithoutAnOrganisationIsRefusedAndChangesNothing() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String token = tokenOf(org.learners().get(0));

    assertEquals(
        new Answer(
            400, "{\"error\":\"invalid-request\",\"message\":\"organizationId is missing\"}"),
        put(token, "{}"));
    assertEquals(completedInto(org), get(token));
  }

  /** A valid token of the realm from a client of its own carries no audience of the platform. */
  @Test
  void aTokenOfTheRealmIssuedToAnotherClientIsForbidden() throws Exception {
    String otherClientsToken =
        ImpostorClients.token(sut, ImpostorClients.create(sut.masterAdmin(), List.of()));

    Answer refused = get(otherClientsToken);

    assertEquals(403, refused.status(), refused.body());
    assertEquals(
        "{\"error\":\"wrong-audience\","
            + "\"message\":\"The token was not issued for the learning platform.\"}",
        refused.body());
  }

  private static final HttpResponse.BodyHandler<String> BODY = HttpResponse.BodyHandlers.ofString();

  private URI onboarding() {
    return sut.system().libertyUrl().resolve("/learning/api/me/onboarding");
  }

  private String tokenOf(Member member) {
    return sut.memberLogin(member, false).requireSuccess().accessToken();
  }

  private static Answer completedInto(DemoOrg org) {
    return new Answer(200, "{\"state\":\"COMPLETED\",\"organizationId\":\"" + org.id() + "\"}");
  }

  private static String choice(DemoOrg org) {
    return "{\"organizationId\":\"" + org.id() + "\"}";
  }

  private Answer get(String token) throws Exception {
    return send(HttpRequest.newBuilder(onboarding()).header("Authorization", "Bearer " + token));
  }

  private Answer put(String token, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(onboarding())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Answer send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.build(), BODY);
    return new Answer(response.statusCode(), response.body());
  }
}
