package dev.orgerasure.e2e.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.GroupTenantFactory;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.demo.SelfServiceErasers;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One tenant kind's realm, as the whole-system tests that run for both kinds see it
 * (docs/erasure.md, "Tenant models"): realm {@code learning} with Keycloak Organizations, served by
 * the first erasure-service, or realm {@code learning-groups} with groups under {@code /tenants},
 * served by the second. Same servers, same tests; only where tenants, people and app data live
 * differs.
 */
final class Tenancy {

  private final TenantKind kind;
  private final SystemUnderTest sut;

  private Tenancy(TenantKind kind, SystemUnderTest sut) {
    this.kind = kind;
    this.sut = sut;
  }

  static Tenancy of(TenantKind kind, SystemUnderTest sut) {
    return new Tenancy(kind, sut);
  }

  TenantKind kind() {
    return kind;
  }

  WholeSystem system() {
    return sut.system();
  }

  KeycloakAdminClient masterAdmin() {
    return sut.masterAdmin();
  }

  String realm() {
    return isGroups() ? DemoRealm.GROUPS_REALM : DemoRealm.REALM;
  }

  String adminPath() {
    return "/admin/realms/" + realm();
  }

  /** A new tenant, named uniquely, with app data; the first member is its admin. */
  DemoOrg create(int memberCount) {
    return isGroups()
        ? new GroupTenantFactory(sut.system(), sut.masterAdmin()).createUnique(memberCount)
        : sut.createOrg(memberCount);
  }

  /** Adds the person to the tenant: to the organisation, or to the tenant group itself. */
  void addMember(DemoOrg tenant, Member member) {
    if (isGroups()) {
      new GroupTenantFactory(sut.system(), sut.masterAdmin()).join(member, tenant.id());
    } else {
      sut.masterAdmin()
          .post(adminPath() + "/organizations/" + tenant.id() + "/members", member.id());
    }
  }

  /** Takes the person out of the tenant: out of the organisation, or out of every group of it. */
  void removeMember(DemoOrg tenant, Member member) {
    if (!isGroups()) {
      sut.masterAdmin()
          .delete(adminPath() + "/organizations/" + tenant.id() + "/members/" + member.id());
      return;
    }
    String tenantPath = DemoRealm.TENANTS_PATH + "/" + tenant.name();
    stream(sut.masterAdmin().get(adminPath() + "/users/" + member.id() + "/groups"))
        .filter(
            group -> {
              String path = group.path("path").asText();
              return path.equals(tenantPath) || path.startsWith(tenantPath + "/");
            })
        .forEach(
            group ->
                sut.masterAdmin()
                    .delete(
                        adminPath()
                            + "/users/"
                            + member.id()
                            + "/groups/"
                            + group.path("id").asText()));
  }

  /** Makes the person a member of the tenant too, allowed to erase it themselves. */
  void designateAdmin(DemoOrg tenant, Member member) {
    addMember(tenant, member);
    selfServiceErasers().allow(tenant.id(), member);
  }

  /** Who may erase which tenant themselves, managed as the realm's erasure admin. */
  SelfServiceErasers selfServiceErasers() {
    return new SelfServiceErasers(sut.system(), realm());
  }

  Member realmAdmin() {
    return isGroups() ? sut.demo().groupsRealmAdmin() : sut.demo().realmAdmin();
  }

  /** The extension's admin API as the realm's admin, from an interactive console sign-in. */
  ErasureAdminApi asRealmAdmin() {
    return adminApi(realmAdmin());
  }

  /** The extension's admin API as this admin of the realm, from an interactive console sign-in. */
  ErasureAdminApi adminApi(Member admin) {
    return new ErasureAdminApi(
        sut.system().keycloakUrl(),
        realm(),
        new AdminConsoleLogin(sut.system().keycloakUrl())
            .login(realm(), admin.username(), admin.password())
            .accessToken());
  }

  /** Keycloak's admin REST API as this admin of the realm, with their own tokens. */
  KeycloakAdminClient adminClient(Member admin) {
    return new KeycloakAdminClient(
        sut.system().keycloakUrl(), realm(), admin.username(), admin.password());
  }

  TokenResponse memberLogin(Member member, boolean offline) {
    return sut.tokens()
        .password(realm(), DemoRealm.APP_CLIENT, member.username(), member.password(), offline);
  }

  TokenResponse memberRefresh(String refreshToken) {
    return sut.tokens().refresh(realm(), DemoRealm.APP_CLIENT, refreshToken);
  }

  /** The app database of the realm's erasure-service. */
  Callable<Connection> appDatabase() {
    return isGroups() ? sut.system()::groupsLearningDatabase : sut.system()::learningDatabase;
  }

  Path fileStoreRoot() {
    return isGroups() ? sut.system().groupsFileStoreRoot() : sut.system().fileStoreRoot();
  }

  /** Stops the realm's erasure-service gracefully. */
  void stopService() {
    if (isGroups()) {
      sut.system().stopGroupsLiberty();
    } else {
      sut.system().stopLiberty();
    }
  }

  /** {@code kill -9} of the realm's erasure-service. */
  void killService() {
    if (isGroups()) {
      sut.system().killGroupsLiberty();
    } else {
      sut.system().killLiberty();
    }
  }

  void startService() {
    if (isGroups()) {
      sut.system().startGroupsLiberty();
    } else {
      sut.system().startLiberty();
    }
  }

  boolean userExists(Member member) {
    return sut.masterAdmin().find(adminPath() + "/users/" + member.id()).isPresent();
  }

  boolean tenantExists(String id) {
    return sut.masterAdmin()
        .find(adminPath() + (isGroups() ? "/groups/" : "/organizations/") + id)
        .isPresent();
  }

  /**
   * Whether the tenant takes members and is not marked under erasure: an enabled organisation
   * without the mark, or a group without it (a group cannot be disabled).
   */
  boolean isOpen(DemoOrg tenant) {
    JsonNode found =
        sut.masterAdmin()
            .get(adminPath() + (isGroups() ? "/groups/" : "/organizations/") + tenant.id());
    boolean marked = found.path("attributes").has("org-erasure-request");
    return !marked && (isGroups() || found.path("enabled").asBoolean());
  }

  Map<String, Long> appRows(String tenantId) {
    return AppData.rowsOf(appDatabase(), tenantId);
  }

  Map<String, String> appDataOfEveryoneBut(String tenantId) {
    return AppData.everythingBut(appDatabase(), fileStoreRoot(), tenantId);
  }

  long appFiles(String tenantId) {
    return AppData.filesOf(fileStoreRoot(), tenantId);
  }

  /** How many tenants the person belongs to: organisations, or tenant groups under /tenants. */
  int tenantsOf(Member member) {
    if (!isGroups()) {
      return sut.masterAdmin()
          .get(adminPath() + "/organizations/members/" + member.id() + "/organizations")
          .size();
    }
    return (int)
        stream(sut.masterAdmin().get(adminPath() + "/users/" + member.id() + "/groups"))
            .map(group -> group.path("path").asText())
            .filter(path -> path.startsWith(DemoRealm.TENANTS_PATH + "/"))
            .map(path -> path.split("/")[2])
            .distinct()
            .count();
  }

  /** Everything a refused request must leave as it was, in this realm and its app database. */
  SystemState state() {
    return new SystemState(
        RealmState.read(sut.system(), realm()), AppState.read(appDatabase(), fileStoreRoot()));
  }

  private boolean isGroups() {
    return kind == TenantKind.GROUP;
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  @Override
  public String toString() {
    return realm();
  }
}
