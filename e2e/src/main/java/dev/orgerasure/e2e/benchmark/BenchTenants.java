package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.e2e.benchmark.BulkMembers.Person;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.GroupTenantFactory;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import dev.orgerasure.e2e.keycloak.TokenEndpoint;
import dev.orgerasure.e2e.keycloak.TokenResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's tenants on one Keycloak (a node or a cluster): organisations of a realm and
 * groups of realm {@code learning-groups} made through the admin API, their members written
 * straight into that Keycloak's database (not timed), some of them signed in for real.
 */
final class BenchTenants {

  private static final int THREADS = 4;

  /** A tenant and its members; {@code signedIn} hold an online and an offline session each. */
  record Tenant(
      String realm, String id, String name, List<Person> members, List<TokenResponse> signedIn) {

    List<String> memberIds() {
      return members.stream().map(Person::id).toList();
    }
  }

  private final BenchKeycloak keycloak;
  private final KeycloakAdminClient admin;
  private final String realm;

  /**
   * @param admin the master realm's admin on that Keycloak
   * @param realm the realm of the organisations
   */
  BenchTenants(BenchKeycloak keycloak, KeycloakAdminClient admin, String realm) {
    this.keycloak = keycloak;
    this.admin = admin;
    this.realm = realm;
  }

  /** An organisation of the realm with {@code members}, the first {@code signedIn}. */
  Tenant organization(String name, int members, int signedIn, String membership) throws Exception {
    String alias = name.toLowerCase().replace(' ', '-');
    String domain = alias + ".example";
    String id = createOrganization(name, alias, domain);
    List<Person> people;
    try (Connection db = keycloak.connect()) {
      String groupId = ErasureQueries.single(db, "select group_id from org where id = ?", id);
      people =
          new BulkMembers(db)
              .insert(realmId(db, realm), groupId, alias, domain, members, membership);
    }
    return new Tenant(realm, id, name, people, signIn(realm, people.subList(0, signedIn)));
  }

  /**
   * A group tenant of realm {@code learning-groups}, made as the group tenants' admins make one.
   */
  Tenant group(GroupTenantFactory groups, String name, int members, int signedIn) throws Exception {
    String alias = name.toLowerCase().replace(' ', '-');
    String domain = alias + ".example";
    DemoOrg group = groups.create(name, domain, 1);
    List<Person> people;
    try (Connection db = keycloak.connect()) {
      people =
          new BulkMembers(db)
              .insert(
                  realmId(db, DemoRealm.GROUPS_REALM),
                  group.id(),
                  alias,
                  domain,
                  members,
                  "UNMANAGED");
    }
    return new Tenant(
        DemoRealm.GROUPS_REALM,
        group.id(),
        name,
        people,
        signIn(DemoRealm.GROUPS_REALM, people.subList(0, signedIn)));
  }

  /** {@code count} organisations without members, named {@code prefix 0, 1, …}; their ids. */
  List<String> emptyOrganizations(String prefix, int count) throws Exception {
    List<Callable<String>> creations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + " " + i;
      String alias = name.toLowerCase().replace(' ', '-');
      creations.add(() -> createOrganization(name, alias, alias + ".example"));
    }
    return inParallel(creations);
  }

  /** The admin events the realm holds: what the identity deletion searches for erased people. */
  long adminEvents(String realm) throws SQLException {
    try (Connection db = keycloak.connect()) {
      return Long.parseLong(
          ErasureQueries.single(
              db,
              "select count(*)::text from admin_event_entity"
                  + " where realm_id = (select id from realm where name = ?)",
              realm));
    }
  }

  /** Benchmark realms ask for one hash iteration, so signing people in is not what is timed. */
  void cheapPasswords(String realm) {
    admin.put("/admin/realms/" + realm, Map.of("passwordPolicy", BulkMembers.PASSWORD_POLICY));
  }

  /** Every member disabled, no session of theirs left, and a signed-in member's refresh refused. */
  void requireLockedOut(Tenant tenant) throws Exception {
    try (Connection db = keycloak.connect()) {
      Array ids = db.createArrayOf("varchar", tenant.memberIds().toArray());
      long enabled =
          count(db, "select count(*) from user_entity where id = any(?) and enabled", ids);
      long sessions =
          count(db, "select count(*) from offline_user_session where user_id = any(?)", ids);
      if (enabled != 0 || sessions != 0) {
        throw new IllegalStateException(
            tenant.name() + ": " + enabled + " enabled, " + sessions + " sessions after lockout");
      }
    }
    if (!tenant.signedIn().isEmpty()) {
      TokenResponse refreshed =
          new TokenEndpoint(keycloak.url())
              .refresh(
                  tenant.realm(), DemoRealm.APP_CLIENT, tenant.signedIn().get(0).refreshToken());
      if (refreshed.isSuccess()) {
        throw new IllegalStateException(tenant.name() + ": an offline token still refreshes");
      }
    }
  }

  /** An enabled organisation with one domain, through the admin API; answers its id. */
  private String createOrganization(String name, String alias, String domain) {
    return admin.createOrganization(realm, name, alias, domain);
  }

  /** Each person an online session and an offline one, as the learning app would. */
  private List<TokenResponse> signIn(String realm, List<Person> people) throws Exception {
    TokenEndpoint tokens = new TokenEndpoint(keycloak.url());
    List<Callable<TokenResponse>> signIns = new ArrayList<>();
    for (Person person : people) {
      signIns.add(
          () -> {
            tokens
                .password(realm, DemoRealm.APP_CLIENT, person.username(), BulkMembers.PASSWORD)
                .requireSuccess();
            return tokens
                .password(
                    realm, DemoRealm.APP_CLIENT, person.username(), BulkMembers.PASSWORD, true)
                .requireSuccess();
          });
    }
    return inParallel(signIns);
  }

  private static <T> List<T> inParallel(List<Callable<T>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> result : pool.invokeAll(work)) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String realmId(Connection db, String realm) throws SQLException {
    return ErasureQueries.single(db, "select id from realm where name = ?", realm);
  }

  private static long count(Connection db, String sql, Array ids) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setArray(1, ids);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
