package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An erasure removes exactly the tenant's people: a member of another organisation, and an
 * administrator, keep their accounts and lose only this membership (docs/erasure.md, "Who is
 * erased").
 */
@WholeSystemTest
class MemberRulesIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);
  private static final Set<String> DONE = ErasureStates.DONE;

  private final SystemUnderTest sut;

  MemberRulesIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  private ErasureAdminApi asRealmAdmin() {
    return new ErasureAdminApi(
        sut.system().keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
  }

  private void addMember(DemoOrg org, Member member) {
    sut.masterAdmin()
        .post(DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/members", member.id());
  }

  private List<String> organisationsOf(Member member) {
    List<String> ids = new ArrayList<>();
    sut.masterAdmin()
        .get(DemoRealm.ADMIN_PATH + "/organizations/members/" + member.id() + "/organizations")
        .forEach(organization -> ids.add(organization.path("id").asText()));
    return ids;
  }

  /**
   * Starts the erasure while the service is down, so it waits for the hand-over after the lockout
   * while {@code meanwhile} runs; then brings the service back. Answers the erasure's id.
   */
  private String eraseWhileTheServiceIsDown(DemoOrg org, Runnable meanwhile) {
    sut.system().stopLiberty();
    try {
      ErasureAdminApi.Answer started = asRealmAdmin().startErasure(org.id(), org.name());
      assertEquals(201, started.status(), started.body());
      meanwhile.run();
      return started.json().path("id").asText();
    } finally {
      sut.system().startLiberty();
    }
  }

  private JsonNode user(Member member) {
    return sut.masterAdmin().get(DemoRealm.ADMIN_PATH + "/users/" + member.id());
  }

  @Test
  void memberOfAnotherOrganisationKeepsTheirAccountAndLosesOnlyThisMembership() throws Exception {
    DemoOrg erased = sut.createOrg(3);
    DemoOrg other = sut.createOrg(3);
    Member shared = erased.learners().get(0);
    addMember(other, shared);
    sut.memberLogin(shared, true).requireSuccess();
    Map<String, String> otherDataBefore = AppData.everythingBut(sut.system(), erased.id());

    ErasureAdminApi.Answer preview = asRealmAdmin().membersPreview(erased.id());
    assertEquals(
        1, preview.json().path("erase").path("keptInOtherTenants").asLong(), preview.body());

    ErasureAdminApi.Answer started = asRealmAdmin().startErasure(erased.id(), erased.name());
    assertEquals(201, started.status(), started.body());
    assertEquals(1, started.json().path("membersKeptInOtherTenants").asLong(), started.body());
    assertEquals(0, RealmState.sessionsOf(sut.system(), shared.id()));
    String requestId = started.json().path("id").asText();
    assertEquals("COMPLETED", ErasureRecords.awaitState(sut.system(), requestId, DONE, COMPLETION));

    assertTrue(user(shared).path("enabled").asBoolean());
    assertEquals(List.of(other.id()), organisationsOf(shared));
    assertEquals(
        "PENDING",
        Onboarding.stateOf(sut.system(), shared.id()),
        "the kept person's own row is reset, not deleted");
    assertEquals("NO ROW", Onboarding.stateOf(sut.system(), erased.learners().get(1).id()));
    assertEquals(otherDataBefore, AppData.everythingBut(sut.system(), erased.id()));
    for (Member member : erased.members()) {
      assertEquals(
          !member.equals(shared),
          !RealmState.userExists(sut.system(), member.id()),
          member.username());
    }
    ErasureRecords.Audit audit = ErasureRecords.completionRecord(sut.system(), requestId);
    assertEquals(1, audit.counts().path("membersKeptInOtherTenants").asLong());
    assertEquals(erased.members().size() - 1, audit.counts().path("identitiesDeleted").asLong());
  }

  @Test
  void realmAdminWhoIsAMemberIsKept() throws Exception {
    DemoOrg erased = sut.createOrg(2);
    Member admin = Admins.realmAdminWithoutErasureRole(sut);
    addMember(erased, admin);

    ErasureAdminApi.Answer started = asRealmAdmin().startErasure(erased.id(), erased.name());
    assertEquals(201, started.status(), started.body());
    assertEquals(1, started.json().path("membersKeptAsAdministrators").asLong(), started.body());
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(
            sut.system(), started.json().path("id").asText(), DONE, COMPLETION));

    assertTrue(RealmState.userExists(sut.system(), admin.id()));
    assertTrue(user(admin).path("enabled").asBoolean());
    assertTrue(organisationsOf(admin).isEmpty());
    assertFalse(RealmState.userExists(sut.system(), erased.learners().get(0).id()));
  }

  /**
   * A managed member exists only through this organisation's identity provider, so they are erased
   * even when they also belong to another organisation; that organisation keeps everything else.
   */
  @Test
  void managedMemberWhoAlsoBelongsToAnotherOrganisationIsErased() throws Exception {
    DemoOrg erased = sut.createOrg(2);
    DemoOrg other = sut.createOrg(2);
    PartnerIdentityProvider partner = PartnerIdentityProvider.linkedTo(sut, erased);
    try {
      Member managed = partner.signInFirstTime();
      assertEquals("MANAGED", membershipType(erased, managed));
      addMember(other, managed);
      Map<String, String> otherDataBefore = AppData.everythingBut(sut.system(), erased.id());

      ErasureAdminApi.Answer started = asRealmAdmin().startErasure(erased.id(), erased.name());
      assertEquals(201, started.status(), started.body());
      assertEquals(0, started.json().path("membersKeptInOtherTenants").asLong(), started.body());
      assertEquals(
          "COMPLETED",
          ErasureRecords.awaitState(
              sut.system(), started.json().path("id").asText(), DONE, COMPLETION));

      assertFalse(RealmState.userExists(sut.system(), managed.id()));
      assertEquals(
          other.members().size(),
          sut.masterAdmin()
              .get(DemoRealm.ADMIN_PATH + "/organizations/" + other.id() + "/members")
              .size());
      assertEquals(otherDataBefore, AppData.everythingBut(sut.system(), erased.id()));
    } finally {
      partner.remove();
    }
  }

  /**
   * The organisation's identity provider is unlinked, as Keycloak's own delete does, never deleted:
   * a kept administrator linked to it keeps the link, and it is enabled again as it was.
   */
  @Test
  void erasureUnlinksTheOrganisationsProviderAndAKeptAdminKeepsTheirLinkToIt() throws Exception {
    DemoOrg erased = sut.createOrg(2);
    PartnerIdentityProvider partner = PartnerIdentityProvider.linkedTo(sut, erased);
    try {
      Member admin = Admins.realmAdminWithoutErasureRole(sut);
      addMember(erased, admin);
      partner.link(admin);

      ErasureAdminApi.Answer started = asRealmAdmin().startErasure(erased.id(), erased.name());
      assertEquals(201, started.status(), started.body());
      assertFalse(partner.isEnabled());
      assertEquals(
          "COMPLETED",
          ErasureRecords.awaitState(
              sut.system(), started.json().path("id").asText(), DONE, COMPLETION));

      assertTrue(RealmState.userExists(sut.system(), admin.id()));
      assertEquals(List.of(partner.alias()), partner.linksOf(admin));
      assertTrue(partner.isEnabled());
    } finally {
      partner.remove();
    }
  }

  private String membershipType(DemoOrg org, Member member) {
    for (JsonNode listed :
        sut.masterAdmin().get(DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/members")) {
      if (listed.path("id").asText().equals(member.id())) {
        return listed.path("membershipType").asText();
      }
    }
    return "NONE";
  }

  @Test
  void memberAddedWhileTheErasureRunsIsLockedOutAndAccountedFor() throws Exception {
    DemoOrg erased = sut.createOrg(3);
    DemoOrg donor = sut.createOrg(2);
    Member late = donor.learners().get(0);
    String requestId =
        eraseWhileTheServiceIsDown(
            erased,
            () -> {
              // Leaves the donor organisation, so that the erasure has no reason to keep them.
              sut.masterAdmin()
                  .delete(
                      DemoRealm.ADMIN_PATH
                          + "/organizations/"
                          + donor.id()
                          + "/members/"
                          + late.id());
              addMember(erased, late);
            });
    assertEquals("COMPLETED", ErasureRecords.awaitState(sut.system(), requestId, DONE, COMPLETION));

    assertFalse(RealmState.userExists(sut.system(), late.id()));
    ErasureRecords.Audit audit = ErasureRecords.completionRecord(sut.system(), requestId);
    assertEquals(erased.members().size() + 1, audit.counts().path("membersLocked").asLong());
    assertEquals(erased.members().size() + 1, audit.counts().path("identitiesDeleted").asLong());
  }

  @Test
  void memberWhoJoinsAnotherOrganisationAfterTheLockoutIsKeptAndEnabledAgain() throws Exception {
    DemoOrg erased = sut.createOrg(3);
    DemoOrg other = sut.createOrg(2);
    Member joiner = erased.learners().get(0);
    String requestId =
        eraseWhileTheServiceIsDown(
            erased,
            () -> {
              assertFalse(user(joiner).path("enabled").asBoolean());
              addMember(other, joiner);
            });
    assertEquals("COMPLETED", ErasureRecords.awaitState(sut.system(), requestId, DONE, COMPLETION));

    assertTrue(user(joiner).path("enabled").asBoolean());
    assertEquals(List.of(other.id()), organisationsOf(joiner));
    ErasureRecords.Audit audit = ErasureRecords.completionRecord(sut.system(), requestId);
    assertEquals(1, audit.counts().path("membersKeptInOtherTenants").asLong());
    assertEquals(erased.members().size() - 1, audit.counts().path("identitiesDeleted").asLong());
  }
}
