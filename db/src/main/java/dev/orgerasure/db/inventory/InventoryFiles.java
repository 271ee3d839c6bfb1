package dev.orgerasure.db.inventory;

import java.util.Objects;

/**
 * Files in the file store that belong to an organisation, found through the rows of one table.
 *
 * @param category the label shown to people
 * @param personalData whether the files may hold personal data
 * @param table the table whose rows name the files
 * @param pathColumn the column holding each file's path, relative to the file-store root
 * @param sizeColumn the column recording each file's size in bytes, for the counts people see; or
 *     {@code null}
 */
public record InventoryFiles(
    String category, boolean personalData, String table, String pathColumn, String sizeColumn) {

  public InventoryFiles {
    Objects.requireNonNull(category, "category");
    SqlNames.checked("files: table name", table);
    SqlNames.checked("files of " + table + ": path column", pathColumn);
    if (sizeColumn != null) {
      SqlNames.checked("files of " + table + ": size column", sizeColumn);
    }
  }
}
