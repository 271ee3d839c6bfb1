package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cancel puts back what the erasure recorded, never what the tenant says during the grace period
 * (docs/erasure.md, "Cancelling an erasure"): the tenant's attributes are its managers' to edit, so
 * state planted there must not reach a member or another identity provider.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TenantKind.class)
@WholeSystemTest
class CancelRestoreIT {

  private static final int ONE_HOUR = 3600;
  private static final Duration STATE_CHANGE = Duration.ofMinutes(2);

  @Parameter private TenantKind kind;

  private final SystemUnderTest base;
  private Tenancy sut;

  CancelRestoreIT(SystemUnderTest base) {
    this.base = base;
  }

  @BeforeEach
  void tenancy() {
    sut = Tenancy.of(kind, base);
  }

  @Test
  void cancelRestoresOnlyWhatTheErasureRecordedNotWhatTheTenantSaysNow() throws Exception {
    DemoOrg org = sut.create(3);
    DemoOrg other = sut.create(1);
    Member kept = org.learners().get(0);
    sut.addMember(other, kept);
    String planted = plantedTarget();
    ErasureAdminApi api = sut.asRealmAdmin();
    ErasureAdminApi.Answer started = api.startErasure(org.id(), org.name(), ONE_HOUR);
    assertEquals(201, started.status(), started.body());
    String erasureId = started.json().path("id").asText();
    ErasureRecords.awaitState(base.system(), erasureId, Set.of("SCHEDULED"), STATE_CHANGE);
    assertEquals(1, sut.tenantsOf(kept));

    plantRestoreState(org, kept, planted);
    ErasureAdminApi.Answer cancelled = api.cancel(erasureId);

    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", ErasureRecords.state(base.system(), erasureId));
    assertEquals(2, sut.tenantsOf(kept));
    if (kind == TenantKind.GROUP) {
      assertFalse(groupIdsOf(kept).contains(planted), "joined the planted group");
    } else {
      assertFalse(
          sut.masterAdmin()
              .get(sut.adminPath() + "/identity-provider/instances/" + planted)
              .path("enabled")
              .asBoolean(),
          "enabled the planted identity provider");
    }
  }

  /**
   * What a manager would like a cancel to hand out: a group that makes its members realm admins, or
   * a disabled identity provider of the realm that the organisation never had.
   */
  private String plantedTarget() {
    KeycloakAdminClient master = sut.masterAdmin();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    if (kind == TenantKind.GROUP) {
      String group = master.post(sut.adminPath() + "/groups", Map.of("name", "admins-" + suffix));
      String realmManagement =
          master
              .get(sut.adminPath() + "/clients?clientId=realm-management")
              .get(0)
              .path("id")
              .asText();
      JsonNode realmAdmin =
          master.get(sut.adminPath() + "/clients/" + realmManagement + "/roles/realm-admin");
      master.post(
          sut.adminPath() + "/groups/" + group + "/role-mappings/clients/" + realmManagement,
          List.of(realmAdmin));
      return group;
    }
    String alias = "dormant-" + suffix;
    master.post(
        sut.adminPath() + "/identity-provider/instances",
        Map.of(
            "alias",
            alias,
            "providerId",
            "oidc",
            "enabled",
            false,
            "config",
            Map.of(
                "clientId", "dormant",
                "clientSecret", "dormant",
                "authorizationUrl", "http://127.0.0.1:9/auth",
                "tokenUrl", "http://127.0.0.1:9/token")));
    return alias;
  }

  /**
   * A manager of the realm edits the tenant during the grace period, with his own token, where the
   * erasure once kept its restore state: a user manager adds the admins' group to the kept member's
   * "left groups" attribute of the tenant group; an organisation manager lists the dormant provider
   * among the organisation's "closed providers".
   */
  private void plantRestoreState(DemoOrg org, Member kept, String planted) {
    if (kind == TenantKind.GROUP) {
      KeycloakAdminClient userManager =
          sut.adminClient(Admins.adminIn(base, sut.realm(), "manage-users"));
      String path = sut.adminPath() + "/groups/" + org.id();
      ObjectNode group = (ObjectNode) userManager.get(path);
      attributesOf(group).putArray("org-erasure-left-groups." + kept.id()).add(planted);
      userManager.put(path, group);
      return;
    }
    KeycloakAdminClient orgManager =
        sut.adminClient(Admins.adminIn(base, sut.realm(), "manage-organizations"));
    String path = sut.adminPath() + "/organizations/" + org.id();
    ObjectNode organization = (ObjectNode) orgManager.get(path);
    attributesOf(organization).putArray("org-erasure-closed-providers").add(planted);
    orgManager.put(path, organization);
  }

  private static ObjectNode attributesOf(ObjectNode representation) {
    return representation.has("attributes")
        ? (ObjectNode) representation.get("attributes")
        : representation.putObject("attributes");
  }

  private Set<String> groupIdsOf(Member member) {
    JsonNode groups = sut.masterAdmin().get(sut.adminPath() + "/users/" + member.id() + "/groups");
    return Set.copyOf(
        StreamSupport.stream(groups.spliterator(), false)
            .map(group -> group.path("id").asText())
            .toList());
  }
}
