package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lockout at the start of an erasure, for both tenant kinds (docs/erasure.md, "Tenant models").
 */
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
  private JsonNode erase(DemoOrg org) {
    ErasureAdminApi.Answer answer =
        asRealmAdmin().startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);
    assertEquals(201, answer.status(), answer.body());
    assertEquals("SCHEDULED", answer.json().path("state").asText(), answer.body());
    assertEquals(org.members().size(), answer.json().path("membersLocked").asInt());
    return answer.json();
  }

  /**
   * A client that asked for back-channel logout hears of each member's ended session, as Keycloak's
   * own logout tells it, so that the application's own session ends too.
   */
  @Test
  void clientsThatAskedForBackChannelLogoutAreToldOfEachEndedSession() throws Exception {
    DemoOrg org = sut.create(2);
    Member member = org.learners().get(0);
    try (BackchannelLogouts logouts = BackchannelLogouts.start()) {
      String clientId = logouts.registerClient(sut);
      String sessionId =
          BackchannelLogouts.claims(
                  base.tokens()
                      .password(sut.realm(), clientId, member.username(), member.password())
                      .requireSuccess()
                      .accessToken())
              .path("sid")
              .asText();

      erase(org);

      JsonNode logout = logouts.await(sessionId, Duration.ofSeconds(30));
      assertEquals(member.id(), logout.path("sub").asText(), logout.toString());
      assertTrue(
          logout.path("events").has("http://schemas.openid.net/event/backchannel-logout"),
          logout.toString());
    }
  }

  /**
   * Keycloak refuses a token issued before a user's not-before, to the second; the lockout's
   * not-before lies past the second it ran in, so a token issued in that very second is refused
   * too. Tries a few tenants until a token lands in the lockout's second.
   */
  @Test
  void notBeforeLiesPastATokenIssuedInTheLockoutsOwnSecond() {
    ErasureAdminApi api = asRealmAdmin();
    for (int attempt = 0; attempt < 10; attempt++) {
      DemoOrg org = sut.create(1);
      Member member = org.admin();
      long issuedAt =
          BackchannelLogouts.claims(sut.memberLogin(member, false).requireSuccess().accessToken())
              .path("iat")
              .asLong();

      ErasureAdminApi.Answer started = api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);

      assertEquals(201, started.status(), started.body());
      long lockoutSecond = started.json().path("lockedAt").asLong() / 1000;
      long notBefore =
          Sql.count(
              base.system()::keycloakDatabase,
              "select not_before from user_entity where id = ?",
              member.id());
      assertTrue(notBefore > issuedAt, "not-before " + notBefore + ", issued at " + issuedAt);
      if (issuedAt == lockoutSecond) {
        return;
      }
    }
    throw new AssertionError("no token was issued in the second of its lockout in 10 attempts");
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
