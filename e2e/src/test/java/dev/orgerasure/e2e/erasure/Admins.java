package dev.orgerasure.e2e.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admins of the demo realms that tests need beside the demo's realm admins. */
final class Admins {

  private Admins() {}

  /** A realm admin ({@code realm-admin} role) who was not granted {@code erase-organizations}. */
  static Member realmAdminWithoutErasureRole(SystemUnderTest sut) {
    return adminWith(sut, "realm-admin");
  }

  /** A user of realm learning holding only these {@code realm-management} roles. */
  static Member adminWith(SystemUnderTest sut, String... realmManagementRoles) {
    return adminIn(sut, DemoRealm.REALM, realmManagementRoles);
  }

  /** A user of the realm holding only these {@code realm-management} roles. */
  static Member adminIn(SystemUnderTest sut, String realm, String... realmManagementRoles) {
    return adminIn(sut.masterAdmin(), realm, realmManagementRoles);
  }

  /** As {@link #adminIn(SystemUnderTest, String, String...)}, made by this master admin. */
  static Member adminIn(KeycloakAdminClient admin, String realm, String... realmManagementRoles) {
    String adminPath = "/admin/realms/" + realm;
    String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "admin-" + UUID.randomUUID();
    String id =
        admin.post(
            adminPath + "/users",
            Map.of(
                "username",
                username,
                "email",
                username + "@learning.example",
                "firstName",
                "Plain",
                "lastName",
                "Admin",
                "enabled",
                true,
                "emailVerified",
                true,
                "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false))));
    grantRealmManagementRoles(admin, adminPath, id, realmManagementRoles);
    return new Member(id, username, password, "Plain", "Admin");
  }

  /**
   * A service-account token of a confidential client that holds every admin role, erasure included.
   */
  static String serviceAccountWithErasureRoleToken(SystemUnderTest sut) {
    KeycloakAdminClient admin = sut.masterAdmin();
    String clientId = "erasure-bot-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = UUID.randomUUID().toString();
    String id =
        admin.post(
            DemoRealm.ADMIN_PATH + "/clients",
            Map.of(
                "clientId", clientId,
                "publicClient", false,
                "secret", secret,
                "serviceAccountsEnabled", true,
                "standardFlowEnabled", false));
    String serviceAccount =
        admin
            .get(DemoRealm.ADMIN_PATH + "/clients/" + id + "/service-account-user")
            .path("id")
            .asText();
    grantRealmManagementRoles(
        admin, DemoRealm.ADMIN_PATH, serviceAccount, "realm-admin", DemoRealm.ERASE_ROLE);
    return sut.tokens()
        .clientCredentials(DemoRealm.REALM, clientId, secret)
        .requireSuccess()
        .accessToken();
  }

  /**
   * An admin console access token of a session the master admin opened as {@code user} through
   * Keycloak's impersonation endpoint: the endpoint answers with the SSO cookies of the new user
   * session, and the console's silent login ({@code prompt=none}) turns them into tokens.
   */
  static String impersonatedConsoleToken(SystemUnderTest sut, Member user) {
    String masterToken =
        sut.tokens()
            .password(
                "master", "admin-cli", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD)
            .requireSuccess()
            .accessToken();
    HttpClient browser = AdminConsoleLogin.browser();
    HttpRequest impersonate =
        HttpRequest.newBuilder(
                sut.system()
                    .keycloakUrl()
                    .resolve(DemoRealm.ADMIN_PATH + "/users/" + user.id() + "/impersonation"))
            .header("Authorization", "Bearer " + masterToken)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> answer = browser.send(impersonate, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "impersonation answered " + answer.statusCode() + ": " + answer.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new AdminConsoleLogin(sut.system().keycloakUrl())
        .silentLogin(browser, DemoRealm.REALM)
        .requireSuccess()
        .accessToken();
  }

  private static void grantRealmManagementRoles(
      KeycloakAdminClient admin, String adminPath, String userId, String... roleNames) {
    String realmManagement =
        admin.get(adminPath + "/clients?clientId=realm-management").get(0).path("id").asText();
    List<JsonNode> roles =
        Arrays.stream(roleNames)
            .map(name -> admin.get(adminPath + "/clients/" + realmManagement + "/roles/" + name))
            .toList();
    admin.post(adminPath + "/users/" + userId + "/role-mappings/clients/" + realmManagement, roles);
  }
}
