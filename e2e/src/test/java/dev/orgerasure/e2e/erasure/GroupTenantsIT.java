package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.AdminConsole;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.browser.ErasurePage;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.GroupTenantFactory;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What only group tenants have (docs/erasure.md, "Tenant models"): members of sub-groups, a person
 * in two tenant groups, groups that are not tenants, and another realm's tenants. The behaviours
 * both kinds share run for both in the parameterised tests (LockoutIT, ErasureCompletionIT, …).
 */
@WholeSystemTest
class GroupTenantsIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  private final SystemUnderTest base;
  private final Tenancy groups;
  private final GroupTenantFactory factory;

  GroupTenantsIT(SystemUnderTest base) {
    this.base = base;
    this.groups = Tenancy.of(TenantKind.GROUP, base);
    this.factory = new GroupTenantFactory(base.system(), base.masterAdmin());
  }

  private String eraseAndAwaitCompletion(DemoOrg tenant) {
    ErasureAdminApi.Answer started = groups.asRealmAdmin().startErasure(tenant.id(), tenant.name());
    assertEquals(201, started.status(), started.body());
    String id = started.json().path("id").asText();
    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(base.system(), id, Set.of("COMPLETED"), COMPLETION));
    return id;
  }

  @Test
  void memberOnlyOfASubGroupIsLockedOutAndErasedWithTheGroupAndItsSubGroups() throws Exception {
    DemoOrg tenant = groups.create(3);
    Member teacher = tenant.members().get(2);
    String teachers = factory.subGroupId(tenant, "teachers");
    TokenResponse offline = groups.memberLogin(teacher, true).requireSuccess();

    ErasureAdminApi.Answer started =
        groups.asRealmAdmin().startErasure(tenant.id(), tenant.name(), 3600);

    assertEquals(201, started.status(), started.body());
    assertEquals(3, started.json().path("membersLocked").asInt(), started.body());
    assertEquals("GROUP", started.json().path("tenantKind").asText(), started.body());
    assertFalse(groups.memberRefresh(offline.refreshToken()).isSuccess());
    assertEquals(200, groups.asRealmAdmin().cancel(started.json().path("id").asText()).status());

    eraseAndAwaitCompletion(tenant);
    assertFalse(groups.userExists(teacher));
    assertFalse(groups.tenantExists(tenant.id()));
    assertFalse(groups.tenantExists(teachers));
  }

  @Test
  void personInTwoTenantGroupsIsKeptAndLosesOnlyTheErasedTenantsGroups() throws Exception {
    DemoOrg erased = groups.create(3);
    DemoOrg other = groups.create(2);
    Member shared = erased.members().get(2);
    Member alone = erased.members().get(0);
    factory.join(shared, other.id());
    Map<String, String> othersBefore = groups.appDataOfEveryoneBut(erased.id());

    String id = eraseAndAwaitCompletion(erased);

    assertEquals(
        "PENDING",
        Onboarding.stateOf(groups.appDatabase(), shared.id()),
        "the kept person's own row is reset, not deleted");
    assertEquals("NO ROW", Onboarding.stateOf(groups.appDatabase(), alone.id()));
    assertTrue(groups.userExists(shared));
    assertTrue(RealmState.isEnabled(base.system(), shared.id()));
    assertEquals(1, groups.tenantsOf(shared));
    assertTrue(groups.memberLogin(shared, false).isSuccess());
    assertEquals(
        1,
        ErasureRecords.completionRecord(base.system(), id)
            .counts()
            .path("membersKeptInOtherTenants")
            .asLong());
    assertEquals(othersBefore, groups.appDataOfEveryoneBut(erased.id()));
  }

  @Test
  void detachKeepsTheGroupTenantsPeopleInNoTenantWithTheirOnboardingReset() throws Exception {
    DemoOrg tenant = groups.create(3);
    ErasureAdminApi.Answer started =
        groups.asRealmAdmin().startErasure(tenant.id(), tenant.name(), 0, "DETACH");
    assertEquals(201, started.status(), started.body());

    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(
            base.system(), started.json().path("id").asText(), Set.of("COMPLETED"), COMPLETION));

    assertFalse(groups.tenantExists(tenant.id()));
    for (Member member : tenant.members()) {
      assertTrue(groups.userExists(member), member.username());
      assertTrue(RealmState.isEnabled(base.system(), member.id()), member.username());
      assertEquals(0, groups.tenantsOf(member), member.username());
      assertEquals(
          "PENDING", Onboarding.stateOf(groups.appDatabase(), member.id()), member.username());
    }
  }

  @Test
  void groupOutsideTheParentPathIsNotATenantAndCannotBeErased() {
    String staff =
        base.masterAdmin()
            .get(DemoRealm.GROUPS_ADMIN_PATH + "/group-by-path/staff")
            .path("id")
            .asText();
    String tenantsParent =
        base.masterAdmin()
            .get(DemoRealm.GROUPS_ADMIN_PATH + "/group-by-path" + DemoRealm.TENANTS_PATH)
            .path("id")
            .asText();
    ErasureAdminApi admin = groups.asRealmAdmin();
    for (var listed : admin.organizations().json()) {
      assertFalse(
          Set.of(staff, tenantsParent).contains(listed.path("id").asText()), listed.toString());
    }
    SystemState before = groups.state();

    assertEquals(404, admin.startErasure(staff, "staff").status());
    assertEquals(404, admin.startErasure(tenantsParent, "tenants").status());

    assertEquals(before, groups.state());
  }

  @Test
  void anotherRealmsTenantsAreInvisible() {
    Tenancy organisations = Tenancy.of(TenantKind.ORGANIZATION, base);
    DemoOrg organisation = organisations.create(1);
    DemoOrg group = groups.create(1);
    ErasureAdminApi groupsAdmin = groups.asRealmAdmin();
    ErasureAdminApi organisationsAdmin = organisations.asRealmAdmin();
    SystemState groupsBefore = groups.state();
    SystemState organisationsBefore = organisations.state();

    assertEquals(404, groupsAdmin.startErasure(organisation.id(), organisation.name()).status());
    assertEquals(404, organisationsAdmin.startErasure(group.id(), group.name()).status());

    assertEquals(groupsBefore, groups.state());
    assertEquals(organisationsBefore, organisations.state());
  }

  @Test
  void consolePageSaysTheRealmUsesGroupsAndListsItsTenantsWithTheirCounts() {
    DemoOrg tenant = groups.create(3);
    try (Browser browser = Browser.start("group-tenants-console-page")) {
      AdminConsole console =
          new AdminConsole(browser, base.system().keycloakUrl(), DemoRealm.GROUPS_REALM);
      console.signIn(groups.realmAdmin());
      ErasurePage page = console.openErasurePageFromNavigation().shown();
      assertTrue(
          page.tenantModelText().contains("groups under " + DemoRealm.TENANTS_PATH),
          page.tenantModelText());
      assertEquals(
          "3",
          page.organisationRow(tenant.name())
              .findElements(org.openqa.selenium.By.tagName("td"))
              .get(1)
              .getText());
      browser.screenshot("01-group-tenants");
      page.openEraseDialog(tenant.name());
      browser.screenshot("02-erase-dialog");
    }
  }
}
