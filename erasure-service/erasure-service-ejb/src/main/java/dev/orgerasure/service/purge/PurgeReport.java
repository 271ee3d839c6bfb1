package dev.orgerasure.service.purge;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.erasure.PurgeProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counts sent to Keycloak once the app data is gone. */
public record PurgeReport(
    String requestId,
    String organizationId,
    Map<String, Long> tables,
    long filesDeleted,
    long filesFailed) {

  public static PurgeReport of(Purge purge) {
    Map<String, Long> tables = new LinkedHashMap<>();
    for (PurgeProgress row : purge.progress()) {
      tables.put(row.tableName(), row.rowsDeleted());
    }
    return new PurgeReport(
        purge.requestId(), purge.orgId(), tables, purge.filesDeleted(), purge.filesFailed());
  }

  /**
   * The JSON body of the callback:
   * {"requestId","organizationId","tables":{...},"categories":{...},"files":{...}}; {@code
   * categories} names each table's inventory category, for people reading the counts.
   */
  public Map<String, Object> toJsonBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", requestId);
    body.put("organizationId", organizationId);
    body.put("tables", tables);
    Map<String, String> categories = new LinkedHashMap<>();
    tables
        .keySet()
        .forEach(
            table ->
                categories.put(
                    table,
                    DataInventory.appTable(table).map(InventoryTable::category).orElse(table)));
    body.put("categories", categories);
    Map<String, Long> files = new LinkedHashMap<>();
    files.put("deleted", filesDeleted);
    files.put("failed", filesFailed);
    body.put("files", files);
    return body;
  }
}
