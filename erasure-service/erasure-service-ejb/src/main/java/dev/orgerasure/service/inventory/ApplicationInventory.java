package dev.orgerasure.service.inventory;

import dev.orgerasure.db.inventory.DataInventory;
import dev.orgerasure.db.inventory.DeclaredInventory;
import dev.orgerasure.service.contract.InventoryCounts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's data inventory (docs/inventory.md), read from its file at deploy and checked
 * against the database's catalogue once the service's migrations have run. When the file or the
 * check fails, every problem is logged, readiness is down with them, and nothing is purged or
 * accepted for purging: an inventory that does not match its database could leave a tenant's rows
 * behind, or fail half-way. While it fails, it is read and checked again when asked for, at most
 * every few seconds: the application may create its tables after the service has started.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ApplicationInventory {

  private static final Logger LOG = Logger.getLogger(ApplicationInventory.class.getName());

  @Resource(lookup = "jdbc/erasure")
  private DataSource dataSource;

  // Optional: MicroProfile Config takes the empty default for "not set".
  @Inject
  @ConfigProperty(name = "erasure.inventory.file")
  Optional<String> file;

  @Inject
  @ConfigProperty(name = "erasure.inventory.schema")
  String schema;

  private static final Duration RECHECK_INTERVAL = Duration.ofSeconds(5);

  private final Object checking = new Object();
  private volatile Instant nextCheck = Instant.MIN;
  private volatile DataInventory inventory;
  private volatile List<String> problems = List.of("the inventory has not been read yet");

  @PostConstruct
  void read() {
    synchronized (checking) {
      if (inventory == null && !Instant.now().isBefore(nextCheck)) {
        check();
        nextCheck = Instant.now().plus(RECHECK_INTERVAL);
      }
    }
  }

  private void check() {
    String path = file.orElse("").trim();
    String source = path.isEmpty() ? DeclaredInventory.LEARNING_PLATFORM : path;
    List<String> before = problems;
    try (Connection connection = dataSource.getConnection()) {
      InventoryCheck check = InventoryCheck.of(path, connection, schema);
      inventory = check.inventory().orElse(null);
      problems = check.problems();
    } catch (SQLException e) {
      problems = List.of("the database's catalogue could not be read: " + e.getMessage());
    }
    if (problems.equals(before)) {
      return; // logged when they arose
    }
    if (problems.isEmpty()) {
      LOG.info(
          () ->
              "Data inventory of "
                  + inventory.application()
                  + " ("
                  + source
                  + ") matches schema "
                  + schema
                  + ": "
                  + inventory.tablesInPurgeOrder().size()
                  + " tables");
    } else {
      LOG.severe(
          () ->
              "Data inventory "
                  + source
                  + " does not match schema "
                  + schema
                  + "; nothing is purged until it does:\n  "
                  + String.join("\n  ", problems));
    }
  }

  /**
   * The checked inventory.
   *
   * @throws InventoryNotReadyException when the file or the check failed
   */
  @Lock(LockType.READ)
  public DataInventory inventory() {
    if (inventory == null) {
      read();
    }
    DataInventory checked = inventory;
    if (checked == null) {
      throw new InventoryNotReadyException(problems);
    }
    return checked;
  }

  /** Counts of the inventory's tables in the contract's shape. */
  @Lock(LockType.READ)
  public InventoryCounts counts() {
    return new InventoryCounts(inventory().tablesInPurgeOrder());
  }

  /** What keeps the inventory from being used; empty when it is ready. */
  @Lock(LockType.READ)
  public List<String> problems() {
    if (inventory == null) {
      read();
    }
    return problems;
  }
}
