package dev.orgerasure.e2e.demo;

import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates tenants of realm {@code learning-groups}: a group under {@code /tenants} whose members
 * are split between the group itself and its sub-group {@code teachers}, its admin (a member
 * allowed to erase it themselves), and app data in that realm's own app database, keyed by the
 * group id.
 */
public final class GroupTenantFactory {

  private static final String GROUPS_PATH = DemoRealm.GROUPS_ADMIN_PATH + "/groups";

  private final WholeSystem system;
  private final KeycloakAdminClient admin;
  private final MemberFactory users;
  private final SelfServiceErasers erasers;

  public GroupTenantFactory(WholeSystem system, KeycloakAdminClient admin) {
    this.system = system;
    this.admin = admin;
    this.users = new MemberFactory(admin, DemoRealm.GROUPS_REALM);
    this.erasers = new SelfServiceErasers(system, DemoRealm.GROUPS_REALM);
  }

  /** A tenant with a name no other call returns, e.g. "Test Group 3f9a1c2e". */
  public DemoOrg createUnique(int memberCount) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return create("Test Group " + suffix, "test-group-" + suffix + ".example", memberCount);
  }

  /**
   * The first member is the tenant's admin (in {@code teachers}); the others alternate between the
   * tenant group and {@code teachers}, so members of sub-groups only are covered.
   */
  public DemoOrg create(String name, String domain, int memberCount) {
    if (memberCount < 1) {
      throw new IllegalArgumentException("a tenant needs at least its admin");
    }
    String groupId = admin.post(GROUPS_PATH + "/" + tenantsGroupId() + "/children", group(name));
    String teachers = admin.post(GROUPS_PATH + "/" + groupId + "/children", group("teachers"));
    List<Member> members = users.create(domain, memberCount);
    List<String> groupOfEach = new ArrayList<>();
    groupOfEach.add(teachers);
    for (int i = 1; i < members.size(); i++) {
      groupOfEach.add(i % 2 == 1 ? groupId : teachers);
    }
    for (int i = 0; i < members.size(); i++) {
      join(members.get(i), groupOfEach.get(i));
    }
    Member tenantAdmin = members.get(0);
    erasers.allow(groupId, tenantAdmin);
    return new DemoOrg(
        groupId,
        name,
        domain,
        tenantAdmin,
        members,
        insertAppData(groupId, name, tenantAdmin, members));
  }

  /** Makes the user a member of the group too. */
  public void join(Member member, String groupId) {
    admin.put(DemoRealm.GROUPS_ADMIN_PATH + "/users/" + member.id() + "/groups/" + groupId, null);
  }

  /** The id of the tenant's sub-group of that name. */
  public String subGroupId(DemoOrg tenant, String name) {
    for (var child : admin.get(GROUPS_PATH + "/" + tenant.id() + "/children")) {
      if (child.path("name").asText().equals(name)) {
        return child.path("id").asText();
      }
    }
    throw new IllegalStateException(tenant.name() + " has no sub-group " + name);
  }

  private String tenantsGroupId() {
    return admin
        .get(DemoRealm.GROUPS_ADMIN_PATH + "/group-by-path" + DemoRealm.TENANTS_PATH)
        .path("id")
        .asText();
  }

  private static Map<String, String> group(String name) {
    return Map.of("name", name);
  }

  private AppDataSummary insertAppData(
      String groupId, String name, Member tenantAdmin, List<Member> members) {
    try (Connection db = system.groupsLearningDatabase()) {
      return LearningAppData.insert(
          db, system.groupsFileStoreRoot(), groupId, name, tenantAdmin, members);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert the app data of " + name, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the asset files of " + name, e);
    }
  }
}
