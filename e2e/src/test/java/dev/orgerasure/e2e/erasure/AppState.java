package dev.orgerasure.e2e.erasure;

import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The app database and file store as checksums: one md5 over every row of each inventory table (in
 * primary-key order), and the count of files. Equal states mean no row and no file changed.
 */
record AppState(Map<String, String> tableChecksums, long files) {

  static AppState read(WholeSystem system) {
    return read(system::learningDatabase, system.fileStoreRoot());
  }

  /** The state of one erasure-service's app database and file store. */
  static AppState read(Callable<Connection> database, Path fileStoreRoot) {
    Map<String, String> checksums = new LinkedHashMap<>();
    try (Connection db = database.call();
        Statement statement = db.createStatement()) {
      for (InventoryTable table : DeclaredInventory.learningPlatform().tables()) {
        String sql =
            "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                + " from "
                + table.name()
                + " t";
        try (ResultSet rows = statement.executeQuery(sql)) {
          rows.next();
          checksums.put(table.name(), rows.getString(1));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new AppState(checksums, countFiles(fileStoreRoot));
  }

  private static long countFiles(Path root) {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
