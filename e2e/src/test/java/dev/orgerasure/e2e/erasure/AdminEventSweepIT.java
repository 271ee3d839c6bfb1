package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.demo.MemberFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sweep of admin events after an erasure takes the events about the erased members and nothing
 * else, even when a member's username is a key of every account's JSON (docs/erasure.md,
 * "Deletion").
 */
@WholeSystemTest
class AdminEventSweepIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);
  private static final Set<String> DONE = ErasureStates.DONE;

  private final SystemUnderTest sut;

  AdminEventSweepIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void erasingMembersNamedLikeJsonKeysKeepsEveryOtherAdminEvent() throws Exception {
    DemoOrg org = sut.createOrg(1);
    List<Member> erased = new ArrayList<>(org.members());
    MemberFactory people = new MemberFactory(sut.masterAdmin(), DemoRealm.REALM);
    for (String username : List.of("enabled", "email")) {
      Member member = people.createWithUsername(username, org.domain());
      sut.masterAdmin()
          .post(DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/members", member.id());
      erased.add(member);
    }
    Set<String> others = adminEventsNotAbout(erased);
    assertTrue(
        withKeysEnabledAndEmail(others) > 0,
        "the realm holds other accounts' admin events, with the keys enabled and email");

    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(
            sut.system(), started.json().path("id").asText(), DONE, COMPLETION));

    Set<String> kept = new HashSet<>(others);
    kept.retainAll(adminEventsNotAbout(erased));
    assertEquals(others.size(), kept.size(), "admin events that are not about the erased members");
  }

  /**
   * The ids of realm learning's admin events that name none of these people: not their id anywhere,
   * nor their username as the details of their organisation membership.
   */
  private Set<String> adminEventsNotAbout(List<Member> members) throws SQLException {
    try (Connection db = sut.system().keycloakDatabase();
        PreparedStatement statement =
            db.prepareStatement(
                "select e.id from admin_event_entity e join realm r on r.id = e.realm_id"
                    + " where r.name = ?"
                    + " and not concat_ws('|', e.resource_path, e.representation, e.details_json)"
                    + " like any (?)"
                    + " and coalesce(nullif(e.details_json, '')::jsonb ->> 'username', '')"
                    + " <> all (?)")) {
      statement.setString(1, DemoRealm.REALM);
      statement.setArray(
          2, db.createArrayOf("text", members.stream().map(m -> "%" + m.id() + "%").toArray()));
      statement.setArray(
          3, db.createArrayOf("text", members.stream().map(Member::username).toArray()));
      Set<String> ids = new HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  private long withKeysEnabledAndEmail(Set<String> eventIds) throws SQLException {
    try (Connection db = sut.system().keycloakDatabase();
        PreparedStatement statement =
            db.prepareStatement(
                "select count(*) from admin_event_entity where id = any (?)"
                    + " and representation like '%\"enabled\"%'"
                    + " and representation like '%\"email\"%'")) {
      statement.setArray(1, db.createArrayOf("text", eventIds.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
