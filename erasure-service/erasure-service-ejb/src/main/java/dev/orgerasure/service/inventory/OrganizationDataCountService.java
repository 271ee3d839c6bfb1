package dev.orgerasure.service.inventory;

import dev.orgerasure.contract.FileInventory;
import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.InventoryFiles;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.contract.InventoryCounts;
import dev.orgerasure.service.filestore.FileStore;
import dev.orgerasure.service.inventory.InventoryFileCounter.FileTotals;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Counts an organisation's data per inventory category: what an erasure would remove. */
@Stateless
public class OrganizationDataCountService {

  /** The files' label when the inventory names none. */
  private static final String NO_FILES = "Files";

  @Inject private InventoryRowCounter rowCounter;

  @Inject private InventoryFileCounter fileCounter;

  @Inject private FileStore fileStore;

  @Inject private ApplicationInventory inventory;

  @Inject private TenantKeys tenantKeys;

  /** The organisation's counts; all nought when the application holds no tenant for it. */
  public OrganizationData countFor(String orgId) {
    DataInventory checked = inventory.inventory();
    Optional<String> tenantKey = tenantKeys.keyOf(orgId);
    List<TableCount> tables =
        countedBeforeTheDecision(checked)
            .map(
                table ->
                    InventoryCounts.of(
                        table, tenantKey.map(key -> rowCounter.countRows(table, key)).orElse(0L)))
            .toList();
    FileTotals present = new FileTotals(0, 0);
    if (tenantKey.isPresent()) {
      for (InventoryFiles files : checked.files()) {
        try (Stream<String> paths = fileCounter.pathsOf(files, tenantKey.get())) {
          long[] sizes = paths.mapToLong(fileStore::sizeOf).filter(size -> size >= 0).toArray();
          present = present.plus(new FileTotals(sizes.length, Arrays.stream(sizes).sum()));
        }
      }
    }
    return new OrganizationData(orgId, tables, fileInventory(checked, present));
  }

  /**
   * The same counts for many organisations at once (the admin page's list), one statement per
   * inventory table; files and bytes here are those the rows record, without looking at the file
   * store.
   */
  public List<OrganizationData> countFor(List<String> orgIds) {
    DataInventory checked = inventory.inventory();
    Map<String, String> keys = tenantKeys.keysOf(orgIds);
    List<String> tenants = List.copyOf(new LinkedHashSet<>(keys.values()));
    Map<InventoryTable, Map<String, Long>> rows = new LinkedHashMap<>();
    for (InventoryTable table : countedBeforeTheDecision(checked).toList()) {
      rows.put(table, rowCounter.countRowsByOrganization(table, tenants));
    }
    Map<String, FileTotals> files = new HashMap<>();
    for (InventoryFiles stored : checked.files()) {
      fileCounter
          .totalsOf(stored, tenants)
          .forEach((tenant, totals) -> files.merge(tenant, totals, FileTotals::plus));
    }
    return orgIds.stream()
        .map(
            orgId -> {
              // An organisation the application holds no tenant for has nothing counted.
              Optional<String> tenant = Optional.ofNullable(keys.get(orgId));
              return new OrganizationData(
                  orgId,
                  rows.entrySet().stream()
                      .map(
                          table ->
                              InventoryCounts.of(
                                  table.getKey(), tenant.map(table.getValue()::get).orElse(0L)))
                      .toList(),
                  fileInventory(checked, tenant.map(files::get).orElse(new FileTotals(0, 0))));
            })
        .toList();
  }

  /**
   * The tables whose rows of an organisation are known before Keycloak decides whom the erasure
   * deletes: all but those of people's own rows outside any tenant, which hold no organisation's
   * rows; their rows go with the members the erasure deletes, and the purge's report counts them.
   */
  private static Stream<InventoryTable> countedBeforeTheDecision(DataInventory checked) {
    return checked.tablesInPurgeOrder().stream().filter(table -> !table.isOutsideTenants());
  }

  /** The inventory's files as one line for people: their categories, and personal if any is. */
  private static FileInventory fileInventory(DataInventory checked, FileTotals totals) {
    String category =
        checked.files().isEmpty()
            ? NO_FILES
            : checked.files().stream()
                .map(InventoryFiles::category)
                .collect(Collectors.joining(", "));
    boolean personalData = checked.files().stream().anyMatch(InventoryFiles::personalData);
    return new FileInventory(category, personalData, totals.files(), totals.bytes());
  }
}
