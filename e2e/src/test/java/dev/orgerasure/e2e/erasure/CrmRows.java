package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.S3BucketServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's rows in the example CRM (docs/examples/crm/schema.sql), written as the CRM would
 * write them, and read back per inventory table. Every statement that knows the CRM's schema is
 * here.
 */
final class CrmRows {

  /** How each inventory table's rows of a tenant are found: by its own column or its parent's. */
  private static final Map<String, String> OF_TENANT =
      Map.ofEntries(
          Map.entry("organisations", "SELECT %s FROM organisations t WHERE t.org_id = ?"),
          Map.entry("memberships", "SELECT %s FROM memberships t WHERE t.org_id = ?"),
          Map.entry("org_settings", "SELECT %s FROM org_settings t WHERE t.org_id = ?"),
          Map.entry("integrations", "SELECT %s FROM integrations t WHERE t.org_id = ?"),
          Map.entry(
              "integration_events",
              "SELECT %s FROM integration_events t JOIN integrations i"
                  + " ON i.id = t.integration_id WHERE i.org_id = ?"),
          Map.entry("contacts", "SELECT %s FROM contacts t WHERE t.org_id = ?"),
          Map.entry("deals", "SELECT %s FROM deals t WHERE t.org_id = ?"),
          Map.entry("activities", "SELECT %s FROM activities t WHERE t.org_id = ?"),
          Map.entry("attachments", "SELECT %s FROM attachments t WHERE t.org_id = ?"),
          Map.entry(
              "onboarding_progress", "SELECT %s FROM onboarding_progress t WHERE t.org_id = ?"));

  static final List<String> TABLES =
      List.of(
          "organisations",
          "memberships",
          "org_settings",
          "integrations",
          "integration_events",
          "contacts",
          "deals",
          "activities",
          "attachments",
          "onboarding_progress");

  private CrmRows() {}

  /**
   * The tenant, its settings, an integration with events, and for each member: a person (unless
   * there), a membership, two contacts, a deal with an activity and an attachment (its file
   * uploaded to {@code files}); {@code onboardedHere} went through onboarding in this tenant.
   * {@code orgId} is the CRM's own id of the tenant, {@code keycloakOrgId} the Keycloak
   * organisation it maps to.
   */
  static void insert(
      Connection db,
      S3BucketServer files,
      String orgId,
      String keycloakOrgId,
      String name,
      List<String> members,
      List<String> onboardedHere)
      throws SQLException {
    update(
        db,
        "INSERT INTO organisations (org_id, keycloak_org_id, name) VALUES (?, ?, ?)",
        orgId,
        keycloakOrgId,
        name);
    update(
        db, "INSERT INTO org_settings (org_id, name, value) VALUES (?, 'currency', 'EUR')", orgId);
    update(db, "INSERT INTO org_settings (org_id, name, value) VALUES (?, 'region', 'eu')", orgId);
    Object integration =
        insertReturningId(
            db,
            "INSERT INTO integrations (org_id, provider, api_token) VALUES (?, 'mail', ?)",
            orgId,
            "token-" + orgId);
    for (int event = 0; event < 3; event++) {
      update(
          db,
          "INSERT INTO integration_events (integration_id, payload) VALUES (?, ?)",
          integration,
          "event " + event + " of " + orgId);
    }
    for (String userId : members) {
      update(
          db,
          "INSERT INTO people (user_id, full_name) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING",
          userId,
          "Person " + userId);
      update(
          db,
          "INSERT INTO memberships (org_id, person_id)"
              + " SELECT ?, id FROM people WHERE user_id = ?",
          orgId,
          userId);
      for (int contact = 0; contact < 2; contact++) {
        update(
            db,
            "INSERT INTO contacts (org_id, owner_id, name, email) VALUES (?, ?, ?, ?)",
            orgId,
            userId,
            "Contact " + contact,
            "contact" + contact + "@customer.example");
      }
      String deal =
          insertReturningId(
                  db,
                  "INSERT INTO deals (org_id, owner_id, title, amount)"
                      + " VALUES (?, ?, 'Renewal', 1200)",
                  orgId,
                  userId)
              .toString();
      update(
          db,
          "INSERT INTO activities (org_id, owner_id, deal_id, note)"
              + " VALUES (?, ?, ?::uuid, 'Called the customer')",
          orgId,
          userId,
          deal);
      byte[] offer = ("Offer for deal " + deal).getBytes(StandardCharsets.UTF_8);
      String objectKey = orgId + "/deals/" + deal + "/offer.txt";
      files.put(objectKey, offer);
      update(
          db,
          "INSERT INTO attachments (org_id, deal_id, object_key, size_bytes)"
              + " VALUES (?, ?::uuid, ?, ?)",
          orgId,
          deal,
          objectKey,
          offer.length);
    }
    for (String userId : onboardedHere) {
      update(
          db,
          "INSERT INTO onboarding_progress (user_id, org_id, step) VALUES (?, ?, 3)",
          userId,
          orgId);
    }
  }

  /** The keys of the files the tenant's attachments name in the file store. */
  static List<String> attachmentFiles(Connection db, String orgId) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (ResultSet rows =
        query(db, "SELECT object_key FROM attachments WHERE org_id = ? ORDER BY 1", orgId)) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }

  /** The tenant's rows per inventory table, as the purge finds them. */
  static Map<String, Long> counts(Connection db, String orgId) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      try (ResultSet rows = query(db, OF_TENANT.get(table).formatted("count(*)"), orgId)) {
        rows.next();
        counts.put(table, rows.getLong(1));
      }
    }
    return counts;
  }

  /** Each inventory table's rows of the tenant as one MD5 over the rows in a fixed order. */
  static Map<String, String> checksums(Connection db, String orgId) throws SQLException {
    Map<String, String> checksums = new LinkedHashMap<>();
    for (String table : TABLES) {
      String sql = OF_TENANT.get(table).formatted("md5(string_agg(t::text, '|' ORDER BY t::text))");
      try (ResultSet rows = query(db, sql, orgId)) {
        rows.next();
        checksums.put(table, rows.getString(1));
      }
    }
    return checksums;
  }

  /** A person's rows, by table, as {@code org_id} values (null when reset). */
  static List<String> ownedBy(Connection db, String table, String ownerColumn, String userId)
      throws SQLException {
    List<String> orgIds = new ArrayList<>();
    try (ResultSet rows =
        query(db, "SELECT org_id FROM " + table + " WHERE " + ownerColumn + " = ?", userId)) {
      while (rows.next()) {
        orgIds.add(rows.getString(1));
      }
    }
    return orgIds;
  }

  /**
   * The person's row in {@code people}, which belongs to no tenant, whole as text; null without
   * one.
   */
  static String personRow(Connection db, String userId) throws SQLException {
    try (ResultSet rows = query(db, "SELECT p::text FROM people p WHERE p.user_id = ?", userId)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** {@code org_id|step} of the person's onboarding, or null without one. */
  static String onboardingOf(Connection db, String userId) throws SQLException {
    try (ResultSet rows =
        query(
            db,
            "SELECT coalesce(org_id, '') || '|' || step FROM onboarding_progress"
                + " WHERE user_id = ?",
            userId)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static ResultSet query(Connection db, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    statement.closeOnCompletion();
    bind(statement, parameters);
    return statement.executeQuery();
  }

  private static void update(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    }
  }

  private static Object insertReturningId(Connection db, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql + " RETURNING id")) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getObject(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }
}
