package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Erasure requests and audit records as Keycloak's database holds them. */
final class ErasureRecords {

  record Audit(
      String event,
      String status,
      JsonNode counts,
      long memberCount,
      boolean notificationSent,
      String notifiedToDigest,
      String notificationError,
      String tenantKind) {

    /**
     * Whether the record says the completion e-mail went to this address: its digest is SHA-256 of
     * the salt and the address in lower case (docs/audit.md, "Records"), recomputed here.
     */
    boolean notifiedTo(String email) {
      if (notifiedToDigest == null) {
        return false;
      }
      String[] parts = notifiedToDigest.split(":");
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(HexFormat.of().parseHex(parts[1]));
        byte[] hash =
            sha256.digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return parts[0].equals("sha256") && HexFormat.of().formatHex(hash).equals(parts[2]);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The service's report the record keeps (docs/contract.md). */
    PurgeReport appData() {
      try {
        return JSON.treeToValue(counts.path("appData"), PurgeReport.class);
      } catch (JsonProcessingException e) {
        throw new AssertionError("The audit record's report is not the contract's", e);
      }
    }

    /** Rows of the table the report says were deleted; -1 when it does not name the table. */
    long rowsDeleted(String table) {
      return appData().tables().stream()
          .filter(count -> count.table().equals(table))
          .mapToLong(TableCount::rows)
          .findFirst()
          .orElse(-1);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErasureRecords() {}

  static String state(WholeSystem system, String requestId) {
    return Sql.single(
        system::keycloakDatabase, "select state from org_erasure_request where id = ?", requestId);
  }

  /** The organisation's most recent erasure request. */
  static int gracePeriodSeconds(WholeSystem system, String requestId) {
    return Integer.parseInt(
        Sql.single(
            system::keycloakDatabase,
            "select grace_period_seconds from org_erasure_request where id = ?",
            requestId));
  }

  static String requestIdOf(WholeSystem system, String organizationId) {
    return Sql.single(
        system::keycloakDatabase,
        "select id from org_erasure_request where organization_id = ? order by requested_at desc limit 1",
        organizationId);
  }

  static String auditRecordId(WholeSystem system, String requestId) {
    return Sql.single(
        system::keycloakDatabase,
        "select audit_record_id from org_erasure_request where id = ?",
        requestId);
  }

  static String lastError(WholeSystem system, String requestId) {
    return Sql.single(
        system::keycloakDatabase,
        "select last_error from org_erasure_request where id = ?",
        requestId);
  }

  /** The erasure's state as one look saw it, with its last error should the wait fail. */
  private record StateSeen(String state, String lastError) {
    @Override
    public String toString() {
      return state + " (last error: " + lastError + ")";
    }
  }

  /** Waits until the erasure reaches one of {@code states}; fails after {@code timeout}. */
  static String awaitState(
      WholeSystem system, String requestId, Set<String> states, Duration timeout) {
    return await("erasure " + requestId + " reaching " + states)
        .atMost(timeout)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(100))
        .until(() -> stateSeen(system, requestId), seen -> states.contains(seen.state()))
        .state();
  }

  private static StateSeen stateSeen(WholeSystem system, String requestId) {
    String sql = "select state, last_error from org_erasure_request where id = ?";
    try (Connection db = system.keycloakDatabase();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, requestId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? new StateSeen(rows.getString(1), rows.getString(2))
            : new StateSeen(null, null);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The record of the erasure's completion, the one with its final counts. */
  static Audit completionRecord(WholeSystem system, String requestId) {
    return auditRecords(system, requestId).stream()
        .filter(record -> record.event().equals("COMPLETED"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no completion record of " + requestId));
  }

  /** Every audit record of the erasure, in log order. */
  static List<Audit> auditRecords(WholeSystem system, String requestId) {
    String sql =
        "select event, status, counts, member_count, notification_sent, notified_to_digest,"
            + " notification_error,"
            + " cast(record_json as jsonb) -> 'tenant' ->> 'kind'"
            + " from org_erasure_audit where request_id = ? order by seq";
    try (Connection db = system.keycloakDatabase();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, requestId);
      List<Audit> records = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          records.add(
              new Audit(
                  rows.getString(1),
                  rows.getString(2),
                  JSON.readTree(rows.getString(3)),
                  rows.getLong(4),
                  rows.getBoolean(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8)));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
