package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin whom Keycloak's fine-grained admin permissions (v2) give one tenant group and the
 * realm's users (docs/erasure.md, "Who may erase"): the erasure's reads show them only what they
 * may manage, and an erasure of a tenant with a member denied to them is refused. In realm {@code
 * learning-groups}, whose tenants are groups, with the permissions switched on for each test and
 * off after it.
 */
@WholeSystemTest
class FineGrainedPermissionsIT {

  private final SystemUnderTest base;
  private Tenancy sut;
  private KeycloakAdminClient master;
  private String permissionsClient;
  private DemoOrg own;
  private DemoOrg other;
  private Member delegated;
  private String delegatedPolicy;
  private final List<String> created = new ArrayList<>();

  FineGrainedPermissionsIT(SystemUnderTest base) {
    this.base = base;
  }

  @BeforeEach
  void anAdminDelegatedOneTenantAndTheRealmsUsers() {
    sut = Tenancy.of(TenantKind.GROUP, base);
    master = sut.masterAdmin();
    master.put(sut.adminPath(), Map.of("adminPermissionsEnabled", true));
    permissionsClient =
        master
            .get(sut.adminPath() + "/clients?clientId=admin-permissions")
            .get(0)
            .path("id")
            .asText();
    own = sut.create(2);
    other = sut.create(2);
    // Legacy roles would switch the permissions off for users and groups; organisations are not
    // this realm's tenants, so their role is the one given.
    delegated = Admins.adminIn(base, sut.realm(), "manage-organizations", DemoRealm.ERASE_ROLE);
    delegatedPolicy = policy(delegated, "POSITIVE");
    permission(
        "Groups",
        List.of(own.id()),
        List.of("view", "manage", "view-members", "manage-members"),
        delegatedPolicy);
    permission("Users", List.of(), List.of("view", "manage"), delegatedPolicy);
  }

  /**
   * Keycloak decides a permission unanimously over every permission that applies, so one test's
   * permissions would refuse the next test's admin: each test's go with it.
   */
  @AfterEach
  void permissionsOff() {
    // Permissions before the policies they name: newest first.
    for (int i = created.size() - 1; i >= 0; i--) {
      master.delete(authz("/policy/" + created.get(i)));
    }
    master.put(sut.adminPath(), Map.of("adminPermissionsEnabled", false));
  }

  @Test
  void delegatedAdminListsOnlyTheTenantsTheyMayManage() {
    ErasureAdminApi.Answer answer = sut.adminApi(delegated).organizations();
    assertEquals(200, answer.status(), answer.body());
    JsonNode listed = answer.json();

    List<String> ids = idsOf(listed);
    assertTrue(ids.contains(own.id()), listed.toString());
    assertFalse(ids.contains(other.id()), listed.toString());
  }

  @Test
  void delegatedAdminCannotFollowAnotherTenantsErasure() {
    ErasureAdminApi.Answer started =
        sut.asRealmAdmin().startErasure(other.id(), other.name(), 3600);
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();
    try {
      ErasureAdminApi api = sut.adminApi(delegated);

      ErasureAdminApi.Answer listed = api.erasures();
      assertEquals(200, listed.status(), listed.body());
      assertFalse(idsOf(listed.json()).contains(erasure), listed.body());
      assertEquals(403, api.erasure(erasure).status());
      assertEquals(403, api.purge(erasure).status());
    } finally {
      assertEquals(200, sut.asRealmAdmin().cancel(erasure).status());
    }
  }

  /**
   * Managing users as a kind is not enough: the erasure deletes every member, and a deny on one of
   * them refuses the erasure, with nothing changed.
   */
  @Test
  void erasureOfATenantWithAMemberDeniedToTheAdminIsRefused() {
    Member denied = own.learners().get(0);
    permission("Users", List.of(denied.id()), List.of("manage"), policy(delegated, "NEGATIVE"));
    ErasureAdminApi api = sut.adminApi(delegated);

    SystemState before = sut.state();
    ErasureAdminApi.Answer answer = api.startErasure(own.id(), own.name(), 3600);

    assertEquals(403, answer.status(), answer.body());
    assertTrue(answer.errorMessage().contains("may not manage all of them"), answer.body());
    assertEquals(before, sut.state());
  }

  private String policy(Member user, String logic) {
    String id =
        master
            .postForJson(
                authz("/policy/user"),
                Map.of(
                    "name",
                    "policy-" + UUID.randomUUID(),
                    "users",
                    List.of(user.id()),
                    "logic",
                    logic))
            .path("id")
            .asText();
    created.add(id);
    return id;
  }

  /**
   * A scope permission of the resource type; without resources it covers all of that type (an empty
   * list does not: Keycloak then grants nothing on the type as a whole).
   */
  private void permission(
      String resourceType, List<String> resources, List<String> scopes, String policy) {
    Map<String, Object> permission = new HashMap<>();
    permission.put("name", "permission-" + UUID.randomUUID());
    permission.put("resourceType", resourceType);
    permission.put("scopes", scopes);
    permission.put("policies", List.of(policy));
    if (!resources.isEmpty()) {
      permission.put("resources", resources);
    }
    created.add(master.postForJson(authz("/permission/scope"), permission).path("id").asText());
  }

  private String authz(String path) {
    return sut.adminPath() + "/clients/" + permissionsClient + "/authz/resource-server" + path;
  }

  private static List<String> idsOf(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(node -> node.path("id").asText())
        .toList();
  }
}
