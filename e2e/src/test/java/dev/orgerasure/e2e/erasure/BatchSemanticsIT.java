package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lockout and the deletion work on whole batches of members at once, yet keep what Keycloak
 * promises for each user: its caches see the change at once, no session survives, and every
 * provider that listens for a user's removal hears of each deleted member.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TenantKind.class)
@WholeSystemTest
class BatchSemanticsIT {

  private static final int GRACE_PERIOD_SECONDS = 3600;
  private static final Duration COMPLETION = Duration.ofMinutes(3);

  @Parameter private TenantKind kind;

  private final SystemUnderTest base;
  private Tenancy sut;

  BatchSemanticsIT(SystemUnderTest base) {
    this.base = base;
  }

  @BeforeEach
  void tenancy() {
    sut = Tenancy.of(kind, base);
  }

  @Test
  void aUserCachedJustBeforeTheLockoutReadsDisabledRightAfterIt() {
    DemoOrg org = sut.create(7);
    for (Member member : org.members()) {
      sut.memberLogin(member, false).requireSuccess();
      assertTrue(user(member).path("enabled").asBoolean());
    }

    start(org, GRACE_PERIOD_SECONDS);

    for (Member member : org.members()) {
      assertFalse(user(member).path("enabled").asBoolean(), member.username());
      assertFalse(sut.memberLogin(member, false).isSuccess(), member.username());
    }
  }

  @Test
  void anOfflineSessionCreatedJustBeforeTheLockoutIsGone() {
    DemoOrg org = sut.create(7);
    Member last = org.learners().get(org.learners().size() - 1);
    TokenResponse offline = sut.memberLogin(last, true).requireSuccess();

    start(org, GRACE_PERIOD_SECONDS);

    assertEquals(0, RealmState.sessionsOf(base.system(), last.id()));
    assertEquals(0, base.masterAdmin().get(userPath(last) + "/sessions").size());
    TokenResponse refresh = sut.memberRefresh(offline.refreshToken());
    assertFalse(refresh.isSuccess());
    assertEquals("invalid_grant", refresh.error());
  }

  /**
   * Keycloak's authorization services listen for user removal and delete the resources a removed
   * user owned; they must hear of every deleted member, and of nobody else.
   */
  @Test
  void everyDeletedMemberIsHeardOfByKeycloaksUserRemovalListeners() throws Exception {
    DemoOrg org = sut.create(8);
    DemoOrg other = sut.create(2);
    String client = resourceServer();
    for (Member member : org.members()) {
      ownResource(client, member);
    }
    Member bystander = other.members().get(0);
    ownResource(client, bystander);

    String erasure = start(org, 0);
    ErasureRecords.awaitState(base.system(), erasure, Set.of("COMPLETED"), COMPLETION);

    Set<String> owners = resourceOwners(client);
    for (Member member : org.members()) {
      assertFalse(sut.userExists(member), member.username());
      assertFalse(owners.contains(member.id()), member.username());
    }
    assertTrue(owners.contains(bystander.id()));
  }

  private String start(DemoOrg org, int gracePeriodSeconds) {
    ErasureAdminApi.Answer answer =
        sut.asRealmAdmin().startErasure(org.id(), org.name(), gracePeriodSeconds);
    assertEquals(201, answer.status(), answer.body());
    assertEquals(org.members().size(), answer.json().path("membersLocked").asInt());
    return answer.json().path("id").asText();
  }

  private JsonNode user(Member member) {
    return base.masterAdmin().get(userPath(member));
  }

  private String userPath(Member member) {
    return sut.adminPath() + "/users/" + member.id();
  }

  /** A confidential client with authorization services, where users can own resources. */
  private String resourceServer() {
    return base.masterAdmin()
        .post(
            sut.adminPath() + "/clients",
            Map.of(
                "clientId", "resource-server-" + UUID.randomUUID(),
                "publicClient", false,
                "serviceAccountsEnabled", true,
                "authorizationServicesEnabled", true));
  }

  private void ownResource(String client, Member member) {
    base.masterAdmin()
        .post(
            sut.adminPath() + "/clients/" + client + "/authz/resource-server/resource",
            Map.of(
                "name",
                "notes of " + member.username(),
                "owner",
                Map.of("id", member.id()),
                "ownerManagedAccess",
                true));
  }

  private Set<String> resourceOwners(String client) {
    List<String> owners = new ArrayList<>();
    base.masterAdmin()
        .get(sut.adminPath() + "/clients/" + client + "/authz/resource-server/resource?max=1000")
        .forEach(resource -> owners.add(resource.path("owner").path("id").asText()));
    return Set.copyOf(owners);
  }
}
