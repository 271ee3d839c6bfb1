package dev.orgerasure.e2e.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admins of realm learning that tests need beside the demo's realm admin. */
final class Admins {

  private Admins() {}

  /** A realm admin ({@code realm-admin} role) who was not granted {@code erase-organizations}. */
  static Member realmAdminWithoutErasureRole(SystemUnderTest sut) {
    return adminWith(sut, "realm-admin");
  }

  /** A user of the demo realm holding only these {@code realm-management} roles. */
  static Member adminWith(SystemUnderTest sut, String... realmManagementRoles) {
    KeycloakAdminClient admin = sut.masterAdmin();
    String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "admin-" + UUID.randomUUID();
    String id =
        admin.post(
            DemoRealm.ADMIN_PATH + "/users",
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
    grantRealmManagementRoles(admin, id, realmManagementRoles);
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
    grantRealmManagementRoles(admin, serviceAccount, "realm-admin", DemoRealm.ERASE_ROLE);
    return sut.tokens()
        .clientCredentials(DemoRealm.REALM, clientId, secret)
        .requireSuccess()
        .accessToken();
  }

  private static void grantRealmManagementRoles(
      KeycloakAdminClient admin, String userId, String... roleNames) {
    String realmManagement =
        admin
            .get(DemoRealm.ADMIN_PATH + "/clients?clientId=realm-management")
            .get(0)
            .path("id")
            .asText();
    List<JsonNode> roles =
        Arrays.stream(roleNames)
            .map(
                name ->
                    admin.get(
                        DemoRealm.ADMIN_PATH + "/clients/" + realmManagement + "/roles/" + name))
            .toList();
    admin.post(
        DemoRealm.ADMIN_PATH + "/users/" + userId + "/role-mappings/clients/" + realmManagement,
        roles);
  }
}
