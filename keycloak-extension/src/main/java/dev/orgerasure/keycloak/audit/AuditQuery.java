package dev.orgerasure.keycloak.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which audit records a reader asks for. {@code realmId} is null only for the master realm's
 * readers, who see every realm's records, those of deleted realms too; the other filters are
 * optional: organisation name (part of it, any case), time range in epoch milliseconds (from
 * inclusive, to exclusive), status and erasure.
 */
public record AuditQuery(
    String realmId, String organization, Long from, Long to, String status, String erasureId) {

  /** Every record of the log: what a complete export holds. */
  public boolean isWholeLog() {
    return realmId == null
        && organization == null
        && from == null
        && to == null
        && status == null
        && erasureId == null;
  }

  /** The JPQL condition on {@code a} and its parameters. */
  String where(Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> named = new LinkedHashMap<>();
    if (realmId != null) {
      conditions.add("a.realmId = :realmId");
      named.put("realmId", realmId);
    }
    if (organization != null) {
      conditions.add("lower(a.organizationName) like :organization");
      named.put("organization", "%" + organization.toLowerCase() + "%");
    }
    if (from != null) {
      conditions.add("a.recordedAt >= :from");
      named.put("from", from);
    }
    if (to != null) {
      conditions.add("a.recordedAt < :to");
      named.put("to", to);
    }
    if (status != null) {
      conditions.add("a.status = :status");
      named.put("status", status);
    }
    if (erasureId != null) {
      conditions.add("a.requestId = :erasureId");
      named.put("erasureId", erasureId);
    }
    parameters.putAll(named);
    return conditions.isEmpty() ? "" : " and " + String.join(" and ", conditions);
  }
}
