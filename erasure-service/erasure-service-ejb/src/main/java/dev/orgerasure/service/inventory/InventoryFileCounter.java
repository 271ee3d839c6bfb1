package dev.orgerasure.service.inventory;

import dev.orgerasure.db.inventory.InventoryFiles;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the files a tenant's rows name, as the inventory's {@code files} entries describe them. */
public interface InventoryFileCounter {

  /** The file-store paths the tenant's rows name; close the stream after use. */
  Stream<String> pathsOf(InventoryFiles files, String orgId);

  /**
   * Files and their bytes per tenant, as the rows record them (bytes only with a size column);
   * tenants without are left out.
   */
  Map<String, FileTotals> totalsOf(InventoryFiles files, List<String> orgIds);

  record FileTotals(long files, long bytes) {

    FileTotals plus(FileTotals other) {
      return new FileTotals(files + other.files, bytes + other.bytes);
    }
  }
}
