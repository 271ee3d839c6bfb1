package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The lockout at the start of an erasure, for both tenant kinds (README, "Tenant models"). */
@ParameterizedClass(name = "{0}")
@EnumSource(TenantKind.class)
@WholeSystemTest
class LockoutIT {

  private static final int GRACE_PERIOD_SECONDS = 3600;

  @Parameter private TenantKind kind;

  private final SystemUnderTest base;
  private Tenancy sut;

  LockoutIT(SystemUnderTest base) {
    this.base = base;
  }

  @BeforeEach
  void tenancy() {
    sut = Tenancy.of(kind, base);
  }

  private ErasureAdminApi asRealmAdmin() {
    return sut.asRealmAdmin();
  }

  /**
   * Starts an erasure with a long grace period, so the lockout can be looked at before the purge.
   */
  private void erase(DemoOrg org) {
    ErasureAdminApi.Answer answer =
        asRealmAdmin().startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);
    assertEquals(201, answer.status(), answer.body());
    assertEquals("SCHEDULED", answer.json().path("state").asText(), answer.body());
    assertEquals(org.members().size(), answer.json().path("membersLocked").asInt());
  }

  @Test
  void memberCannotLogInAfterLockout() {
    DemoOrg org = sut.create(3);
    Member member = org.learners().get(0);
    assertTrue(sut.memberLogin(member, false).isSuccess());

    erase(org);

    TokenResponse login = sut.memberLogin(member, false);
    assertFalse(login.isSuccess());
    assertEquals("invalid_grant", login.error());
  }

  @Test
  void memberRefreshTokenIsRejectedAfterLockout() {
    DemoOrg org = sut.create(3);
    TokenResponse tokens = sut.memberLogin(org.learners().get(0), false).requireSuccess();

    erase(org);

    TokenResponse refresh = sut.memberRefresh(tokens.refreshToken());
    assertFalse(refresh.isSuccess());
    assertEquals("invalid_grant", refresh.error());
  }

  @Test
  void memberOfflineTokenIsRejectedAfterLockout() {
    DemoOrg org = sut.create(3);
    TokenResponse offline = sut.memberLogin(org.learners().get(0), true).requireSuccess();

    erase(org);

    TokenResponse refresh = sut.memberRefresh(offline.refreshToken());
    assertFalse(refresh.isSuccess());
    assertEquals("invalid_grant", refresh.error());
  }

  @Test
  void lockoutRemovesEveryOnlineAndOfflineSessionOfEveryMember() {
    DemoOrg org = sut.create(4);
    for (Member member : org.members()) {
      sut.memberLogin(member, false).requireSuccess();
      sut.memberLogin(member, true).requireSuccess();
      assertTrue(RealmState.sessionsOf(base.system(), member.id()) >= 2);
    }

    erase(org);

    for (Member member : org.members()) {
      assertEquals(0, RealmState.sessionsOf(base.system(), member.id()), member.username());
      assertFalse(
          base.masterAdmin()
              .get(sut.adminPath() + "/users/" + member.id())
              .path("enabled")
              .asBoolean());
    }
  }

  @Test
  void lockoutKeepsEachMembersFormerEnabledFlag() {
    DemoOrg org = sut.create(3);
    Member alreadyDisabled = org.learners().get(0);
    String userPath = sut.adminPath() + "/users/" + alreadyDisabled.id();
    ObjectNode user = (ObjectNode) base.masterAdmin().get(userPath);
    base.masterAdmin().put(userPath, user.put("enabled", false));

    erase(org);

    Map<String, Boolean> formerlyEnabled = LockedMembers.of(base.system(), org.id());
    assertEquals(org.members().size(), formerlyEnabled.size());
    for (Member member : org.members()) {
      assertEquals(
          !member.equals(alreadyDisabled), formerlyEnabled.get(member.id()), member.username());
    }
  }

  @Test
  void memberOfAnotherOrganisationIsUntouchedAndStillLogsIn() {
    DemoOrg erased = sut.create(3);
    DemoOrg other = sut.create(3);
    Member bystander = other.learners().get(0);
    TokenResponse before = sut.memberLogin(bystander, true).requireSuccess();

    erase(erased);

    assertTrue(sut.memberLogin(bystander, false).isSuccess());
    assertTrue(sut.memberRefresh(before.refreshToken()).isSuccess());
    assertTrue(
        base.masterAdmin()
            .get(sut.adminPath() + "/users/" + bystander.id())
            .path("enabled")
            .asBoolean());
  }

  @Test
  void organisationListShowsTheErasureState() {
    DemoOrg org = sut.create(2);
    erase(org);

    ErasureAdminApi.Answer list = asRealmAdmin().organizations();
    assertEquals(200, list.status());
    boolean found = false;
    for (var entry : list.json()) {
      if (entry.path("id").asText().equals(org.id())) {
        found = true;
        assertEquals(org.members().size(), entry.path("memberCount").asInt());
        assertEquals("SCHEDULED", entry.path("erasure").path("state").asText());
      }
    }
    assertTrue(found);
  }

  @Test
  void tenantIsMarkedAndClosedToNewMembersAtLockout() {
    DemoOrg org = sut.create(2);
    assertTrue(sut.isOpen(org));

    erase(org);

    assertFalse(sut.isOpen(org));
  }
}
