package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way to ask wrongly gets a clear error and changes nothing: the realm's state (users, orgs,
 * sessions, erasure requests, enabled flags) and the app database are the same before and after.
 */
@WholeSystemTest
class StartErasureRefusalsIT {

  /** Long enough that no purge runs while a test compares states. */
  private static final int GRACE_PERIOD_SECONDS = 3600;

  private final SystemUnderTest sut;
  private DemoOrg org;

  StartErasureRefusalsIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @BeforeEach
  void anOrganisationWithSignedInMembers() {
    org = sut.createOrg(3);
    for (Member member : org.members()) {
      sut.memberLogin(member, true).requireSuccess();
    }
  }

  private ErasureAdminApi asRealmAdmin() {
    return new ErasureAdminApi(
        sut.system().keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
  }

  private void assertRefusedAndNothingChanged(
      int status, String message, Callable<ErasureAdminApi.Answer> attempt) throws Exception {
    SystemState before = SystemState.read(sut.system());

    ErasureAdminApi.Answer answer = attempt.call();

    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.errorMessage().contains(message), answer.body());
    assertEquals(before, SystemState.read(sut.system()));
  }

  @Test
  void wrongConfirmationChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "does not match", () -> api.startErasure(org.id(), org.name() + "x"));
  }

  @Test
  void confirmationInAnotherCaseChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "does not match", () -> api.startErasure(org.id(), org.name().toUpperCase()));
  }

  @Test
  void confirmationWithSurroundingSpacesChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "does not match", () -> api.startErasure(org.id(), " " + org.name() + " "));
  }

  @Test
  void unknownOrganisationIsNotFoundAndChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        404,
        "not found",
        () -> api.startErasure("00000000-0000-0000-0000-000000000000", org.name()));
  }

  @Test
  void malformedJsonChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400,
        "not valid JSON",
        () -> api.startErasureWithBody(org.id(), "{\"confirmation\": \"" + org.name()));
  }

  @Test
  void unknownMemberPolicyChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "memberPolicy", () -> api.startErasure(org.id(), org.name(), 0, "KEEP"));
  }

  @Test
  void missingConfirmationChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "confirmation", () -> api.startErasureWithBody(org.id(), "{}"));
  }

  @Test
  void bodyOver64KiBIsTooLargeAndChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    String huge =
        "{\"confirmation\": \""
            + org.name()
            + "\", \"padding\": \""
            + "x".repeat(70 * 1024)
            + "\"}";
    assertRefusedAndNothingChanged(
        413, "larger than", () -> api.startErasureWithBody(org.id(), huge));
  }

  @Test
  void adminWithoutTheErasureRoleIsForbiddenAndChangesNothing() throws Exception {
    Member admin = Admins.realmAdminWithoutErasureRole(sut);
    ErasureAdminApi api =
        new ErasureAdminApi(sut.system().keycloakUrl(), sut.adminConsoleLogin(admin).accessToken());
    assertRefusedAndNothingChanged(
        403, "erase-organizations", () -> api.startErasure(org.id(), org.name()));
  }

  @Test
  void passwordGrantTokenIsForbiddenAndChangesNothing() throws Exception {
    Member admin = sut.demo().realmAdmin();
    String token =
        sut.tokens()
            .password("learning", "admin-cli", admin.username(), admin.password())
            .requireSuccess()
            .accessToken();
    ErasureAdminApi api = new ErasureAdminApi(sut.system().keycloakUrl(), token);
    assertRefusedAndNothingChanged(
        403, "interactive", () -> api.startErasure(org.id(), org.name()));
  }

  @Test
  void serviceAccountTokenIsForbiddenAndChangesNothing() throws Exception {
    String token = Admins.serviceAccountWithErasureRoleToken(sut);
    ErasureAdminApi api = new ErasureAdminApi(sut.system().keycloakUrl(), token);
    assertRefusedAndNothingChanged(
        403, "interactive", () -> api.startErasure(org.id(), org.name()));
  }

  @Test
  void impersonatedSessionIsForbiddenAndChangesNothing() throws Exception {
    String token = Admins.impersonatedConsoleToken(sut, sut.demo().realmAdmin());
    ErasureAdminApi api = new ErasureAdminApi(sut.system().keycloakUrl(), token);
    assertRefusedAndNothingChanged(
        403, "impersonated", () -> api.startErasure(org.id(), org.name()));
  }

  @Test
  void doubleSubmitReturnsTheExistingErasure() {
    ErasureAdminApi api = asRealmAdmin();
    ErasureAdminApi.Answer first = api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);
    SystemState afterFirst = SystemState.read(sut.system());

    ErasureAdminApi.Answer second = api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);

    assertEquals(201, first.status(), first.body());
    assertEquals(200, second.status(), second.body());
    assertEquals(first.json().path("id").asText(), second.json().path("id").asText());
    assertEquals(afterFirst, SystemState.read(sut.system()));
  }

  @Test
  void concurrentSubmitsMakeOneErasure() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    int submitters = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    try {
      List<Future<ErasureAdminApi.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < submitters; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);
                }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (Future<ErasureAdminApi.Answer> future : answers) {
        ErasureAdminApi.Answer answer = future.get();
        assertTrue(answer.status() == 201 || answer.status() == 200, answer.body());
        created += answer.status() == 201 ? 1 : 0;
        ids.add(answer.json().path("id").asText());
      }
      assertEquals(1, created);
      assertEquals(1, ids.size());
      assertEquals(1, LockedMembers.requestsFor(sut.system(), org.id()));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Keycloak's guard against granting admin roles covers only its built-in ones, so an admin who
   * may manage users can give himself the custom erasure role: that alone must not let him erase.
   */
  @Test
  void adminWhoOnlyManagesUsersAndGrantsHimselfTheErasureRoleIsRefused() throws Exception {
    Member userManager = Admins.adminWith(sut, "manage-users");
    String token = sut.adminConsoleLogin(userManager).accessToken();
    String realmManagement =
        sut.masterAdmin()
            .get(DemoRealm.ADMIN_PATH + "/clients?clientId=realm-management")
            .get(0)
            .path("id")
            .asText();
    JsonNode eraseRole =
        sut.masterAdmin()
            .get(
                DemoRealm.ADMIN_PATH
                    + "/clients/"
                    + realmManagement
                    + "/roles/"
                    + DemoRealm.ERASE_ROLE);
    HttpResponse<String> selfGrant =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        sut.system()
                            .keycloakUrl()
                            .resolve(
                                DemoRealm.ADMIN_PATH
                                    + "/users/"
                                    + userManager.id()
                                    + "/role-mappings/clients/"
                                    + realmManagement))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + eraseRole + "]"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(204, selfGrant.statusCode(), selfGrant.body());

    ErasureAdminApi api =
        new ErasureAdminApi(
            sut.system().keycloakUrl(), sut.adminConsoleLogin(userManager).accessToken());
    assertRefusedAndNothingChanged(
        403, "powers the erasure uses", () -> api.startErasure(org.id(), org.name()));
  }

  /**
   * A realm that cannot hand erasures over (no dispatcher client) is refused before anyone is
   * locked out: such a lockout could never finish.
   */
  @Test
  void realmWithoutTheDispatcherClientIsRefusedBeforeLockout() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    JsonNode dispatcher =
        sut.masterAdmin()
            .get(DemoRealm.ADMIN_PATH + "/clients?clientId=" + DemoRealm.DISPATCHER_CLIENT)
            .get(0);
    String path = DemoRealm.ADMIN_PATH + "/clients/" + dispatcher.path("id").asText();
    sut.masterAdmin()
        .put(path, ((ObjectNode) dispatcher.deepCopy()).put("clientId", "renamed-dispatcher"));
    try {
      assertRefusedAndNothingChanged(
          409, "cannot be handed over", () -> api.startErasure(org.id(), org.name()));
    } finally {
      sut.masterAdmin().put(path, dispatcher);
    }
  }

  /**
   * The service trusts one realm. Another realm set up just like it (the dispatcher, its role, the
   * service's client) is refused before lockout: the service would never take its erasures over.
   */
  @Test
  void realmTheServiceDoesNotServeIsRefusedBeforeLockout() throws Exception {
    String realm = "elsewhere";
    String adminPath = "/admin/realms/" + realm;
    KeycloakAdminClient admin = sut.masterAdmin();
    DemoData.createRealm(admin, realm, sut.system().smtpPort());
    try {
      Member realmAdmin = DemoData.createRealmAdmin(admin, realm);
      String orgId =
          admin.post(
              adminPath + "/organizations",
              Map.of(
                  "name",
                  "Elsewhere Ltd",
                  "alias",
                  "elsewhere-ltd",
                  "domains",
                  List.of(Map.of("name", "elsewhere.example"))));
      String memberId =
          admin.post(
              adminPath + "/users",
              Map.of(
                  "username", "pat",
                  "email", "pat@elsewhere.example",
                  "firstName", "Pat",
                  "lastName", "Else",
                  "enabled", true,
                  "credentials",
                      List.of(Map.of("type", "password", "value", "pat", "temporary", false))));
      admin.post(adminPath + "/organizations/" + orgId + "/members", memberId);
      String refreshToken =
          sut.tokens()
              .password(realm, DemoRealm.APP_CLIENT, "pat", "pat", false)
              .requireSuccess()
              .refreshToken();
      ErasureAdminApi api =
          new ErasureAdminApi(
              sut.system().keycloakUrl(),
              realm,
              new AdminConsoleLogin(sut.system().keycloakUrl())
                  .login(realm, realmAdmin.username(), realmAdmin.password())
                  .accessToken());

      assertRefusedAndNothingChanged(
          409,
          "does not accept this realm's dispatcher",
          () -> api.startErasure(orgId, "Elsewhere Ltd"));

      assertTrue(admin.get(adminPath + "/users/" + memberId).path("enabled").asBoolean());
      assertTrue(admin.get(adminPath + "/organizations/" + orgId).path("enabled").asBoolean());
      assertEquals(1, admin.get(adminPath + "/organizations/" + orgId + "/members").size());
      sut.tokens().refresh(realm, DemoRealm.APP_CLIENT, refreshToken).requireSuccess();
    } finally {
      admin.delete(adminPath);
    }
  }
}
