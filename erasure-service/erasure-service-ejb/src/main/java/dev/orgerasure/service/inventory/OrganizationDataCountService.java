package dev.orgerasure.service.inventory;

import dev.orgerasure.contract.FileInventory;
import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryFiles;
import dev.orgerasure.service.contract.InventoryCounts;
import dev.orgerasure.service.filestore.FileStore;
import dev.orgerasure.service.learning.AssetRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.stream.Stream;

/** Counts an organisation's data per inventory category: what an erasure would remove. */
@Stateless
public class OrganizationDataCountService {

  @Inject private InventoryRowCounter rowCounter;

  @Inject private AssetRepository assetRepository;

  @Inject private FileStore fileStore;

  public OrganizationData countFor(String orgId) {
    List<TableCount> tables =
        DataInventory.appTablesInPurgeOrder().stream()
            .map(table -> InventoryCounts.of(table, rowCounter.countRows(table, orgId)))
            .toList();
    return new OrganizationData(orgId, tables, countFiles(orgId));
  }

  private FileInventory countFiles(String orgId) {
    InventoryFiles assetFiles = DataInventory.assetFiles();
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
}
