package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may start an erasure (docs/erasure.md, "Who may erase"): an admin without the role or the
 * powers, a token that is not from an interactive console session, an impersonation, a realm the
 * service does not serve; each refused with nothing changed. Asking wrongly is in
 * StartErasureRefusalsIT.
 */
@WholeSystemTest
class AdminRefusalsIT {

  /** Long enough that no purge runs while a test compares states. */
  private static final int GRACE_PERIOD_SECONDS = 3600;

  private final SystemUnderTest sut;
  private DemoOrg org;

  AdminRefusalsIT(SystemUnderTest sut) {
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
  void adminWithoutTheErasureRoleIsForbiddenAndChangesNothing() throws Exception {
    Member admin = Admins.realmAdminWithoutErasureRole(sut);
    ErasureAdminApi api =
        new ErasureAdminApi(sut.system().keycloakUrl(), sut.adminConsoleLogin(admin).accessToken());
    assertRefusedAndNothingChanged(
        403, "erase-organizations", () -> api.startErasure(org.id(), org.name()));
  }

  @Test
  void adminWithoutTheErasureRoleCannotReadThePagesBatchedCounts() throws Exception {
    Member admin = Admins.realmAdminWithoutErasureRole(sut);
    ErasureAdminApi api =
        new ErasureAdminApi(sut.system().keycloakUrl(), sut.adminConsoleLogin(admin).accessToken());
    assertRefusedAndNothingChanged(403, "erase-organizations", api::appDataPage);
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
