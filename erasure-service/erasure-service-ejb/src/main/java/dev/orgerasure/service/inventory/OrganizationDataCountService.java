package dev.orgerasure.service.inventory;

import dev.orgerasure.contract.FileInventory;
import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.db.inventory.InventoryFiles;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.contract.InventoryCounts;
import dev.orgerasure.service.filestore.FileStore;
import dev.orgerasure.service.learning.AssetRepository;
import dev.orgerasure.service.learning.AssetRepository.FileTotals;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.Stream;

/** Counts an organisation's data per inventory category: what an erasure would remove. */
@Stateless
public class OrganizationDataCountService {

  @Inject private InventoryRowCounter rowCounter;

  @Inject private AssetRepository assetRepository;

  @Inject private FileStore fileStore;

  @Inject private ApplicationInventory inventory;

  public OrganizationData countFor(String orgId) {
    List<TableCount> tables =
        inventory.inventory().tablesInPurgeOrder().stream()
            .map(table -> InventoryCounts.of(table, rowCounter.countRows(table, orgId)))
            .toList();
    return new OrganizationData(orgId, tables, countFiles(orgId));
  }

  /**
   * The same counts for many organisations at once (the admin page's list), one statement per
   * inventory table; files and bytes here are those the asset rows record, without looking at the
   * file store.
   */
  public List<OrganizationData> countFor(List<String> orgIds) {
    Map<InventoryTable, Map<String, Long>> rows = new LinkedHashMap<>();
    for (InventoryTable table : inventory.inventory().tablesInPurgeOrder()) {
      rows.put(table, rowCounter.countRowsByOrganization(table, orgIds));
    }
    Map<String, FileTotals> files = assetRepository.fileTotalsOf(orgIds);
    InventoryFiles assetFiles = assetFiles();
    return orgIds.stream()
        .map(
            orgId -> {
              FileTotals totals = files.getOrDefault(orgId, new FileTotals(0, 0));
              return new OrganizationData(
                  orgId,
                  rows.entrySet().stream()
                      .map(
                          table ->
                              InventoryCounts.of(
                                  table.getKey(), table.getValue().getOrDefault(orgId, 0L)))
                      .toList(),
                  new FileInventory(
                      assetFiles.category(),
                      assetFiles.personalData(),
                      totals.files(),
                      totals.bytes()));
            })
        .toList();
  }

  private FileInventory countFiles(String orgId) {
    InventoryFiles assetFiles = assetFiles();
    try (Stream<String> paths = assetRepository.filePathsOf(orgId)) {
      LongSummaryStatistics presentFiles =
          paths.mapToLong(fileStore::sizeOf).filter(size -> size >= 0).summaryStatistics();
      return new FileInventory(
          assetFiles.category(),
          assetFiles.personalData(),
          presentFiles.getCount(),
          presentFiles.getSum());
    }
  }

  /** The demo's asset files: the platform's own repository reads them. */
  private InventoryFiles assetFiles() {
    return inventory
        .inventory()
        .filesOf("assets")
        .orElseThrow(() -> new IllegalStateException("the inventory names no asset files"));
  }
}
