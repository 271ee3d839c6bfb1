package dev.orgerasure.e2e.benchmark;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Benchmark data only: writes many people straight into Keycloak's database, each with the same
 * pre-hashed password and a membership of one group (an organisation's internal group, or a tenant
 * group) and the realm's default roles (which let them take offline tokens), and the admin event
 * that creating them through the admin API with admin events on would have left (so that the
 * realm's admin events grow with its people, as they do where people are provisioned), in a few
 * batched statements. Keycloak has not cached these rows, so it reads them like any other. The
 * realm's password policy must be {@link #PASSWORD_POLICY}.
 */
final class BulkMembers {

  static final String PASSWORD = "bench-password";

  /**
   * The algorithm is named too: Keycloak re-hashes, after sign-in and in the background, a password
   * stored with another algorithm than the policy's (argon2 by default), which would compete with
   * what is measured.
   */
  static final String PASSWORD_POLICY = "hashAlgorithm(pbkdf2-sha512) and hashIterations(1)";

  private static final int HASH_ITERATIONS = 1;
  private static final int BATCH = 1_000;

  record Person(String id, String username) {}

  private final Connection keycloakDb;
  private final String secretData;
  private final String credentialData;

  BulkMembers(Connection keycloakDb) {
    this.keycloakDb = keycloakDb;
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    this.secretData =
        "{\"value\":\"%s\",\"salt\":\"%s\",\"additionalParameters\":{}}"
            .formatted(Base64.getEncoder().encodeToString(hash(salt)), b64(salt));
    this.credentialData =
        "{\"hashIterations\":%d,\"algorithm\":\"pbkdf2-sha512\",\"additionalParameters\":{}}"
            .formatted(HASH_ITERATIONS);
  }

  /**
   * {@code count} people named {@code prefix-N@domain}, members of the group as {@code
   * membershipType} ({@code UNMANAGED} or {@code MANAGED} for an organisation's group).
   */
  List<Person> insert(
      String realmId, String groupId, String prefix, String domain, int count, String membership)
      throws SQLException {
    List<Person> people = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      people.add(new Person(UUID.randomUUID().toString(), prefix + "-" + i + "@" + domain));
    }
    boolean autoCommit = keycloakDb.getAutoCommit();
    keycloakDb.setAutoCommit(false);
    try (PreparedStatement users =
            keycloakDb.prepareStatement(
                "insert into user_entity (id, email, email_constraint, email_verified, enabled,"
                    + " first_name, last_name, realm_id, username, created_timestamp, not_before)"
                    + " values (?, ?, ?, true, true, ?, 'Bench', ?, ?, ?, 0)");
        PreparedStatement credentials =
            keycloakDb.prepareStatement(
                "insert into credential (id, type, user_id, created_date, secret_data,"
                    + " credential_data, priority, version) values (?, 'password', ?, ?, ?, ?, 10, 0)");
        PreparedStatement memberships =
            keycloakDb.prepareStatement(
                "insert into user_group_membership (group_id, user_id, membership_type)"
                    + " values (?, ?, ?)");
        PreparedStatement defaultRoles =
            keycloakDb.prepareStatement(
                "insert into user_role_mapping (role_id, user_id)"
                    + " select default_role, ? from realm where id = ?");
        PreparedStatement adminEvents =
            keycloakDb.prepareStatement(
                "insert into admin_event_entity (id, admin_event_time, realm_id, operation_type,"
                    + " auth_realm_id, resource_path, representation, resource_type)"
                    + " select ?, ?, ?, 'CREATE', id, ?, ?, 'USER' from realm where name = 'master'")) {
      long now = System.currentTimeMillis();
      int pending = 0;
      for (Person person : people) {
        users.setString(1, person.id());
        users.setString(2, person.username());
        users.setString(3, person.username());
        users.setString(4, person.username().substring(0, person.username().indexOf('@')));
        users.setString(5, realmId);
        users.setString(6, person.username());
        users.setLong(7, now);
        users.addBatch();
        credentials.setString(1, UUID.randomUUID().toString());
        credentials.setString(2, person.id());
        credentials.setLong(3, now);
        credentials.setString(4, secretData);
        credentials.setString(5, credentialData);
        credentials.addBatch();
        memberships.setString(1, groupId);
        memberships.setString(2, person.id());
        memberships.setString(3, membership);
        memberships.addBatch();
        defaultRoles.setString(1, person.id());
        defaultRoles.setString(2, realmId);
        defaultRoles.addBatch();
        adminEvents.setString(1, UUID.randomUUID().toString());
        adminEvents.setLong(2, now);
        adminEvents.setString(3, realmId);
        adminEvents.setString(4, "users/" + person.id());
        adminEvents.setString(
            5,
            "{\"username\":\"%s\",\"email\":\"%s\",\"enabled\":true,\"lastName\":\"Bench\"}"
                .formatted(person.username(), person.username()));
        adminEvents.addBatch();
        if (++pending == BATCH) {
          flush(users, credentials, memberships, defaultRoles, adminEvents);
          pending = 0;
        }
      }
      flush(users, credentials, memberships, defaultRoles, adminEvents);
      keycloakDb.commit();
      analyze(
          keycloakDb,
          "user_entity, credential, user_group_membership, user_role_mapping, admin_event_entity");
    } catch (SQLException | RuntimeException e) {
      keycloakDb.rollback();
      throw e;
    } finally {
      keycloakDb.setAutoCommit(autoCommit);
    }
    return people;
  }

  /**
   * Statistics for the planner after a bulk load, as any bulk load should be followed by: otherwise
   * the tables keep the statistics of before the load until autovacuum gets to them, and what is
   * measured next would depend on when it does.
   */
  static void analyze(Connection db, String tables) throws SQLException {
    try (Statement analyze = db.createStatement()) {
      analyze.execute("analyze " + tables);
    }
    if (!db.getAutoCommit()) {
      db.commit();
    }
  }

  private static void flush(PreparedStatement... statements) throws SQLException {
    for (PreparedStatement statement : statements) {
      statement.executeBatch();
    }
  }

  private static byte[] hash(byte[] salt) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
          .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, HASH_ITERATIONS, 512))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
