package dev.orgerasure.e2e.erasure;

import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * An organisation's app data, or everybody else's, as row counts, row checksums and file checksums.
 */
final class AppData {

  private AppData() {}

  /** Rows of the organisation per inventory table. */
  static Map<String, Long> rowsOf(WholeSystem system, String organizationId) {
    return rowsOf(system::learningDatabase, organizationId);
  }

  /** Rows of the tenant per inventory table, in one erasure-service's app database. */
  static Map<String, Long> rowsOf(Callable<Connection> database, String organizationId) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (InventoryTable table : DeclaredInventory.learningPlatform().tables()) {
      rows.put(
          table.name(),
          Sql.count(
              database,
              "select count(*) from " + table.name() + " where org_id = ?",
              organizationId));
    }
    return rows;
  }

  /**
   * Checksums of every row NOT of the organisation, per table, and of every file outside its
   * folder.
   */
  static Map<String, String> everythingBut(WholeSystem system, String organizationId) {
    return everythingBut(system::learningDatabase, system.fileStoreRoot(), organizationId);
  }

  /**
   * As {@link #everythingBut(WholeSystem, String)}, in one erasure-service's database and store.
   */
  static Map<String, String> everythingBut(
      Callable<Connection> database, Path root, String organizationId) {
    Map<String, String> checksums = new TreeMap<>();
    for (InventoryTable table : DeclaredInventory.learningPlatform().tables()) {
      checksums.put(
          table.name(),
          Sql.single(
              database,
              "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                  + table.name()
                  + " t where org_id <> ?",
              organizationId));
    }
    filesUnder(root).stream()
        .filter(file -> !file.startsWith(root.resolve(organizationId)))
        .forEach(file -> checksums.put(root.relativize(file).toString(), sha256(file)));
    return checksums;
  }

  static long filesOf(WholeSystem system, String organizationId) {
    return filesOf(system.fileStoreRoot(), organizationId);
  }

  static long filesOf(Path root, String organizationId) {
    return filesUnder(root.resolve(organizationId)).size();
  }

  private static List<Path> filesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
