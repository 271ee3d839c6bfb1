package dev.orgerasure.db.inventory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code java -jar db/target/inventory-propose-VERSION.jar JDBC_URL USER TENANT_COLUMN [SCHEMA]}:
 * prints a first inventory for the application's database on standard output, and on standard error
 * what it could not decide and what the deploy-time check would refuse (docs/inventory.md,
 * "Proposing an inventory"). The password is read from the environment variable {@code
 * INVENTORY_DB_PASSWORD}, so that it stays out of the shell's history.
 */
public final class ProposeInventoryCommand {

  private ProposeInventoryCommand() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 3 || args.length > 4) {
      System.err.println(
          "usage: java -jar inventory-propose.jar JDBC_URL USER TENANT_COLUMN [SCHEMA]\n"
              + "       (password in INVENTORY_DB_PASSWORD)");
      System.exit(2);
    }
    String schema = args.length == 4 ? args[3] : "public";
    String password = System.getenv().getOrDefault("INVENTORY_DB_PASSWORD", "");
    try (Connection connection = DriverManager.getConnection(args[0], args[1], password)) {
      SchemaCatalog catalog = SchemaCatalog.read(connection, schema);
      InventoryProposal proposal = InventoryProposal.propose(catalog, args[2], "My application");
      System.out.print(proposal.toJson());
      print("To decide", proposal.undecided());
      print(
          "The check at deploy would refuse",
          DataInventory.problems(proposal.inventory(), catalog));
    } catch (InvalidInventoryException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  private static void print(String heading, List<String> lines) {
    if (!lines.isEmpty()) {
      System.err.println(heading + ":");
      lines.forEach(line -> System.err.println("  - " + line));
    }
  }
}
