package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * From hand-over on, the learning platform refuses every request, read or write, for the
 * organisation under erasure.
 */
@WholeSystemTest
class PlatformWritesIT {

  private final SystemUnderTest sut;
  private final HttpClient http = HttpClient.newHttpClient();

  PlatformWritesIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  /** One call of the learning API for an organisation, as one of its members. */
  private interface PlatformCall {
    HttpResponse<String> send(DemoOrg org, String accessToken) throws Exception;
  }

  private HttpRequest.Builder courses(DemoOrg org, String accessToken) {
    return HttpRequest.newBuilder(
            sut.system()
                .libertyUrl()
                .resolve("/learning/api/organizations/" + org.id() + "/courses"))
        .header("Authorization", "Bearer " + accessToken);
  }

  private HttpResponse<String> createCourse(DemoOrg org, String accessToken) throws Exception {
    return http.send(
        courses(org, accessToken)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"title\":\"New course\",\"description\":\"x\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> listCourses(DemoOrg org, String accessToken) throws Exception {
    return http.send(courses(org, accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The call succeeds for a member of an organisation before its erasure starts; once it is handed
   * over (grace period running) the same call is refused with 409 and changes nothing, while the
   * same call for another organisation still succeeds.
   */
  private void assertRefusedUnderErasureOnly(PlatformCall call, int success) throws Exception {
    DemoOrg erased = sut.createOrg(2);
    DemoOrg other = sut.createOrg(2);
    // Tokens taken before the lockout: the erased org's members cannot sign in afterwards.
    String erasedMember =
        sut.memberLogin(erased.learners().get(0), false).requireSuccess().accessToken();
    String otherMember =
        sut.memberLogin(other.learners().get(0), false).requireSuccess().accessToken();
    assertEquals(success, call.send(erased, erasedMember).statusCode());

    ErasureAdminApi api =
        new ErasureAdminApi(
            sut.system().keycloakUrl(),
            sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
    assertEquals(
        "SCHEDULED",
        api.startErasure(erased.id(), erased.name(), 3600).json().path("state").asText());
    Map<String, Long> rowsBefore = AppData.rowsOf(sut.system(), erased.id());

    HttpResponse<String> refused = call.send(erased, erasedMember);
    assertEquals(409, refused.statusCode());
    assertTrue(refused.body().contains("organisation-under-erasure"), refused.body());
    assertEquals(rowsBefore, AppData.rowsOf(sut.system(), erased.id()));
    assertEquals(success, call.send(other, otherMember).statusCode());
  }

  @Test
  void readForTheOrganisationUnderErasureIsRefusedAndReadsForOthersGoOn() throws Exception {
    assertRefusedUnderErasureOnly(this::listCourses, 200);
  }

  @Test
  void writeForTheOrganisationUnderErasureIsRefusedAndWritesForOthersGoOn() throws Exception {
    assertRefusedUnderErasureOnly(this::createCourse, 201);
  }
}
