package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An erasure in its grace period can be cancelled from the console (docs/erasure.md, "Cancelling an
 * erasure"): everything its lockout changed is put back exactly, the app data is untouched, the
 * audit records the cancel. After the grace period a cancel is refused and changes nothing.
 */
@WholeSystemTest
class CancelErasureIT {

  private static final int ONE_HOUR = 3600;
  private static final Duration STATE_CHANGE = Duration.ofMinutes(2);

  private final SystemUnderTest sut;

  CancelErasureIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  private ErasureAdminApi asRealmAdmin() {
    return new ErasureAdminApi(
        sut.system().keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
  }

  private String eraseWithGracePeriod(DemoOrg org, int seconds) {
    ErasureAdminApi.Answer started = asRealmAdmin().startErasure(org.id(), org.name(), seconds);
    assertEquals(201, started.status(), started.body());
    String id = started.json().path("id").asText();
    ErasureRecords.awaitState(sut.system(), id, Set.of("SCHEDULED"), STATE_CHANGE);
    return id;
  }

  private JsonNode organisation(DemoOrg org) {
    return sut.masterAdmin().get(DemoRealm.ADMIN_PATH + "/organizations/" + org.id());
  }

  private Map<String, List<String>> membershipsOf(List<Member> members) {
    Map<String, List<String>> memberships = new HashMap<>();
    for (Member member : members) {
      List<String> ids = new ArrayList<>();
      sut.masterAdmin()
          .get(DemoRealm.ADMIN_PATH + "/organizations/members/" + member.id() + "/organizations")
          .forEach(organization -> ids.add(organization.path("id").asText()));
      ids.sort(String::compareTo);
      memberships.put(member.username(), ids);
    }
    return memberships;
  }

  private Map<String, Boolean> enabledFlagsOf(List<Member> members) {
    Map<String, Boolean> flags = new HashMap<>();
    for (Member member : members) {
      flags.put(member.username(), RealmState.isEnabled(sut.system(), member.id()));
    }
    return flags;
  }

  @Test
  void cancelDuringTheGracePeriodPutsEveryMemberBackAndLeavesTheAppDataAsItWas() throws Exception {
    DemoOrg org = sut.createOrg(4);
    DemoOrg other = sut.createOrg(2);
    Member disabledBefore = org.learners().get(0);
    Member alsoInOther = org.learners().get(1);
    String userPath = DemoRealm.ADMIN_PATH + "/users/" + disabledBefore.id();
    sut.masterAdmin()
        .put(userPath, ((ObjectNode) sut.masterAdmin().get(userPath)).put("enabled", false));
    sut.masterAdmin()
        .post(DemoRealm.ADMIN_PATH + "/organizations/" + other.id() + "/members", alsoInOther.id());
    PartnerIdentityProvider partner = PartnerIdentityProvider.linkedTo(sut, org);
    try {
      Map<String, Boolean> enabledBefore = enabledFlagsOf(org.members());
      Map<String, List<String>> membershipsBefore = membershipsOf(org.members());
      Map<String, String> appDataBefore = AppData.everythingBut(sut.system(), "no-organisation");

      String erasure = eraseWithGracePeriod(org, ONE_HOUR);
      assertFalse(organisation(org).path("enabled").asBoolean());
      assertFalse(partner.isEnabled());
      ErasureAdminApi.Answer cancelled = asRealmAdmin().cancel(erasure);

      assertEquals(200, cancelled.status(), cancelled.body());
      assertEquals("CANCELLED", cancelled.json().path("state").asText(), cancelled.body());
      assertEquals(enabledBefore, enabledFlagsOf(org.members()));
      assertEquals(membershipsBefore, membershipsOf(org.members()));
      assertTrue(organisation(org).path("enabled").asBoolean());
      assertTrue(partner.isEnabled());
      assertEquals(appDataBefore, AppData.everythingBut(sut.system(), "no-organisation"));
      assertEquals(
          "CANCELLED", asRealmAdmin().purge(erasure).json().path("state").asText(), erasure);
      assertEquals(
          "CANCELLED",
          ErasureRecords.auditRecords(sut.system(), erasure).stream()
              .map(ErasureRecords.Audit::event)
              .reduce((first, second) -> second)
              .orElseThrow());
      String token = sut.memberLogin(org.learners().get(2), false).requireSuccess().accessToken();
      HttpResponse<String> courses =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          sut.system()
                              .libertyUrl()
                              .resolve("/learning/api/organizations/" + org.id() + "/courses"))
                      .header("Authorization", "Bearer " + token)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, courses.statusCode(), courses.body());
    } finally {
      partner.remove();
    }
  }

  @Test
  void aSecondCancelIsRefusedAndChangesNothing() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String erasure = eraseWithGracePeriod(org, ONE_HOUR);
    ErasureAdminApi admin = asRealmAdmin();
    assertEquals(200, admin.cancel(erasure).status());
    SystemState before = SystemState.read(sut.system());

    ErasureAdminApi.Answer again = admin.cancel(erasure);

    assertEquals(409, again.status(), again.body());
    assertTrue(again.errorMessage().contains("grace period"), again.body());
    assertEquals(before, SystemState.read(sut.system()));
  }

  /**
   * An erasure no hand-over attempt reached (the service was down: every connection refused) is not
   * the service's: it is cancelled in Keycloak alone, and the service, back, never purges it.
   */
  @Test
  void anErasureTheServiceNeverReceivedIsCancelledWhileTheServiceIsDown() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Map<String, Long> rowsBefore = AppData.rowsOf(sut.system(), org.id());
    ErasureAdminApi admin = asRealmAdmin();
    String erasure;
    sut.system().stopLiberty();
    try {
      ErasureAdminApi.Answer started = admin.startErasure(org.id(), org.name(), ONE_HOUR);
      assertEquals(201, started.status(), started.body());
      erasure = started.json().path("id").asText();
      assertEquals("FAILED_RETRYING", ErasureRecords.state(sut.system(), erasure));

      ErasureAdminApi.Answer cancelled = admin.cancel(erasure);

      assertEquals(200, cancelled.status(), cancelled.body());
      assertEquals("CANCELLED", ErasureRecords.state(sut.system(), erasure));
      for (Member member : org.members()) {
        assertTrue(RealmState.isEnabled(sut.system(), member.id()), member.username());
      }
    } finally {
      sut.system().startLiberty();
    }
    // A fixed period is right: a run of the scheduled task (every second), which would hand a
    // pending erasure over, leaves no trace to await; through about five runs, no purge appears.
    await("no purge at the service through a few runs of the scheduled task")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(7))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                Sql.count(
                    sut.system()::learningDatabase,
                    "select count(*) from purge where org_id = ?",
                    org.id()),
            purges -> purges == 0);
    assertEquals(rowsBefore, AppData.rowsOf(sut.system(), org.id()));
  }

  /**
   * The service cancelled the purge but Keycloak never heard (the answer was lost): asking again
   * succeeds, since the service's cancel is idempotent, and puts every member back.
   */
  @Test
  void aCancelWhoseAnswerWasLostSucceedsWhenAskedAgain() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String erasure = eraseWithGracePeriod(org, ONE_HOUR);
    assertEquals(200, cancelAtTheService(erasure).statusCode());
    assertEquals("SCHEDULED", ErasureRecords.state(sut.system(), erasure));

    ErasureAdminApi.Answer cancelled = asRealmAdmin().cancel(erasure);

    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", ErasureRecords.state(sut.system(), erasure));
    for (Member member : org.members()) {
      assertTrue(RealmState.isEnabled(sut.system(), member.id()), member.username());
    }
  }

  /**
   * Keycloak stopped between the service's cancel and its own record of it: its claim on the
   * erasure lapsed with the erasure still in its grace period. The scheduled task asks the service
   * and finishes the cancel.
   */
  @Test
  void aCancelKeycloakStoppedInTheMiddleOfIsFinishedByTheScheduledTask() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String erasure = eraseWithGracePeriod(org, ONE_HOUR);
    assertEquals(200, cancelAtTheService(erasure).statusCode());
    assertEquals(
        1,
        Sql.update(
            sut.system()::keycloakDatabase,
            "update org_erasure_request set finisher_lease_until = ? where id = ?",
            System.currentTimeMillis() - 1_000,
            erasure));

    assertEquals(
        "CANCELLED",
        ErasureRecords.awaitState(sut.system(), erasure, Set.of("CANCELLED"), STATE_CHANGE));
    for (Member member : org.members()) {
      assertTrue(RealmState.isEnabled(sut.system(), member.id()), member.username());
    }
  }

  /** The service's own cancel, as Keycloak's dispatcher asks it. */
  private HttpResponse<String> cancelAtTheService(String erasure) throws Exception {
    String token = sut.dispatcherToken();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    sut.system()
                        .libertyUrl()
                        .resolve("/erasure/api/erasures/" + erasure + "/cancel"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void cancelAfterTheGracePeriodIsRefusedAndTheErasureGoesOn() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String erasure = eraseWithGracePeriod(org, 2);
    // Over as the service judges it, on the machine's one clock: started, or past grace_until.
    await("the end of the erasure's grace period at the service")
        .atMost(Duration.ofMillis(2500))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                Sql.count(
                    sut.system()::learningDatabase,
                    "select count(*) from purge where request_id = ?"
                        + " and (state <> 'SCHEDULED' or grace_until <= now())",
                    erasure),
            over -> over == 1);

    ErasureAdminApi.Answer late = asRealmAdmin().cancel(erasure);

    assertEquals(409, late.status(), late.body());
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(sut.system(), erasure, Set.of("COMPLETED"), STATE_CHANGE));
    for (Member member : org.members()) {
      assertFalse(RealmState.userExists(sut.system(), member.id()), member.username());
    }
  }

  @Test
  void cancelNeedsTheErasureRoleAndPowers() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String erasure = eraseWithGracePeriod(org, ONE_HOUR);
    try {
      List<ErasureAdminApi> refusedAdmins = new ArrayList<>();
      for (Member admin :
          List.of(
              Admins.realmAdminWithoutErasureRole(sut),
              Admins.adminWith(sut, "manage-users", "erase-organizations"))) {
        refusedAdmins.add(
            new ErasureAdminApi(
                sut.system().keycloakUrl(), sut.adminConsoleLogin(admin).accessToken()));
      }
      SystemState before = SystemState.read(sut.system());
      for (ErasureAdminApi refusedAdmin : refusedAdmins) {
        ErasureAdminApi.Answer refused = refusedAdmin.cancel(erasure);
        assertEquals(403, refused.status(), refused.body());
      }
      assertEquals(before, SystemState.read(sut.system()));
    } finally {
      asRealmAdmin().cancel(erasure);
    }
  }
}
