package dev.orgerasure.db.inventory;

import dev.orgerasure.contract.DetachAction;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data inventory as its file declares it (docs/inventory.md): the application's tables that
 * hold a tenant's data, what each member policy does to them, and the files their rows name. The
 * purge order is not declared: {@link DataInventory#of} reads it from the database's foreign keys.
 *
 * @param application the application's name, for people
 * @param tenantColumn the column, in every table, that holds the tenant's id
 * @param keycloakIds where the tenants' Keycloak ids are kept, when the tenant column holds the
 *     application's own ids; null when it holds Keycloak's
 */
public record DeclaredInventory(
    String application,
    String tenantColumn,
    List<InventoryTable> tables,
    List<InventoryFiles> files,
    KeycloakIds keycloakIds) {

  /** The format this reader understands, named by the file's {@code format}. */
  public static final String FORMAT = "org-erasure-inventory/1";

  /** The demo learning platform's inventory, shipped with the migrations. */
  public static final String LEARNING_PLATFORM = "inventory/learning-platform.json";

  private static final Set<String> INVENTORY_MEMBERS =
      Set.of("format", "application", "tenantColumn", "keycloakIds", "tables", "files");
  private static final Set<String> KEYCLOAK_IDS_MEMBERS = Set.of("table", "column");
  private static final Set<String> TABLE_MEMBERS =
      Set.of(
          "table",
          "category",
          "personalData",
          "key",
          "person",
          "tenantVia",
          "underDetach",
          "reset");
  private static final Set<String> VIA_MEMBERS = Set.of("column", "parent");
  private static final Set<String> FILES_MEMBERS =
      Set.of("category", "personalData", "table", "pathColumn", "sizeColumn");

  public DeclaredInventory {
    SqlNames.checked("tenantColumn", tenantColumn);
    tables = List.copyOf(tables);
    files = List.copyOf(files);
    if (tables.stream().allMatch(InventoryTable::isOutsideTenants)) {
      throw new InvalidInventoryException("the inventory lists no table holding tenants' rows");
    }
    Set<String> names = new HashSet<>();
    for (InventoryTable table : tables) {
      if (!names.add(table.name())) {
        throw new InvalidInventoryException("table " + table.name() + " is listed twice");
      }
      // Else the reset rows would stay the tenant's, and the purge would find them again.
      if (table.underDetach() == DetachAction.RESET
          && !table.resets().contains(ColumnReset.toNull(tenantColumn))) {
        throw new InvalidInventoryException(
            table.name() + ": a reset must set the tenant column " + tenantColumn + " to null");
      }
    }
    for (InventoryTable table : tables) {
      if (table.isReachedThroughParent()) {
        // The chain of parents ends at a table with the tenant column, never in a loop.
        Set<String> seen = new HashSet<>();
        InventoryTable current = table;
        while (current.isReachedThroughParent()) {
          if (!seen.add(current.name())) {
            throw new InvalidInventoryException(
                table.name() + ": its tenantVia parents form a loop " + seen);
          }
          String parent = current.tenantVia().parent();
          current =
              tables.stream()
                  .filter(candidate -> candidate.name().equals(parent))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new InvalidInventoryException(
                              table.name()
                                  + ": its tenantVia parent "
                                  + parent
                                  + " is not in the inventory"));
        }
        if (current.isOutsideTenants()) {
          throw new InvalidInventoryException(
              table.name()
                  + ": its tenantVia parents end at "
                  + current.name()
                  + ", which holds no tenant's rows (KEEP)");
        }
      }
    }
    if (keycloakIds != null
        && !(names.contains(keycloakIds.table())
            && table(tables, keycloakIds.table()).isOnePerTenant(tenantColumn))) {
      throw new InvalidInventoryException(
          "keycloakIds: "
              + keycloakIds.table()
              + " is not a listed table keyed by the tenant column "
              + tenantColumn
              + " alone, the tenants' own table");
    }
    Set<String> tablesWithFiles = new HashSet<>();
    for (InventoryFiles stored : files) {
      if (!names.contains(stored.table())) {
        throw new InvalidInventoryException(
            "files are named by table " + stored.table() + ", which the inventory does not list");
      }
      if (table(tables, stored.table()).isReachedThroughParent()) {
        throw new InvalidInventoryException(
            "table "
                + stored.table()
                + " names files but reaches its tenant through a parent: not supported yet");
      }
      // Its batches delete some people's rows and reset the others', without handling files.
      if (table(tables, stored.table()).isPerPerson()) {
        throw new InvalidInventoryException(
            "table "
                + stored.table()
                + " names files but holds people's own rows: not supported yet; keep the files in"
                + " a table of their own");
      }
      if (!tablesWithFiles.add(stored.table())) {
        throw new InvalidInventoryException("table " + stored.table() + " names files twice");
      }
    }
  }

  /** The listed table of that name. */
  public InventoryTable table(String name) {
    return table(tables, name);
  }

  private static InventoryTable table(List<InventoryTable> tables, String name) {
    return tables.stream()
        .filter(table -> table.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an inventory table: " + name));
  }

  /** The tenant's files in the file store named by the rows of {@code table}, if its rows do. */
  public Optional<InventoryFiles> filesOf(String table) {
    return files.stream().filter(stored -> stored.table().equals(table)).findFirst();
  }

  /** The demo learning platform's inventory, from the class path. */
  public static DeclaredInventory learningPlatform() {
    try (InputStream in =
        DeclaredInventory.class.getClassLoader().getResourceAsStream(LEARNING_PLATFORM)) {
      if (in == null) {
        throw new IllegalStateException(LEARNING_PLATFORM + " is not on the class path");
      }
      return read(in, LEARNING_PLATFORM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DeclaredInventory read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new InvalidInventoryException("cannot read the inventory file " + file, e);
    }
  }

  /**
   * Reads an inventory file; {@code source} names it in messages.
   *
   * @throws InvalidInventoryException naming the first thing wrong with it
   */
  public static DeclaredInventory read(InputStream in, String source) {
    JsonObject inventory;
    try (JsonReader reader = Json.createReader(in)) {
      inventory = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidInventoryException(source + ": not a JSON object: " + e.getMessage(), e);
    }
    try {
      onlyMembers(inventory, INVENTORY_MEMBERS, "the inventory");
      if (!FORMAT.equals(text(inventory, "format", "the inventory"))) {
        throw new InvalidInventoryException("format is not " + FORMAT);
      }
      List<InventoryTable> tables = new ArrayList<>();
      for (JsonValue table : array(inventory, "tables", "the inventory")) {
        tables.add(table(object(table, "a table")));
      }
      List<InventoryFiles> files = new ArrayList<>();
      if (inventory.containsKey("files")) {
        for (JsonValue stored : array(inventory, "files", "the inventory")) {
          files.add(files(object(stored, "a files entry")));
        }
      }
      return new DeclaredInventory(
          text(inventory, "application", "the inventory"),
          text(inventory, "tenantColumn", "the inventory"),
          tables,
          files,
          inventory.containsKey("keycloakIds")
              ? keycloakIds(object(inventory.get("keycloakIds"), "keycloakIds"))
              : null);
    } catch (InvalidInventoryException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidInventoryException(source + ": " + e.getMessage(), e);
    }
  }

  private static InventoryTable table(JsonObject table) {
    String where = "table " + table.getOrDefault("table", JsonValue.NULL);
    onlyMembers(table, TABLE_MEMBERS, where);
    String name = text(table, "table", where);
    DetachAction underDetach;
    try {
      underDetach = DetachAction.valueOf(text(table, "underDetach", where));
    } catch (IllegalArgumentException e) {
      throw new InvalidInventoryException(where + ": underDetach is DELETE, RESET or KEEP");
    }
    List<ColumnReset> resets = new ArrayList<>();
    if (table.containsKey("reset")) {
      for (Map.Entry<String, JsonValue> reset : object(table.get("reset"), where).entrySet()) {
        String column = SqlNames.checked(where + ": reset column", reset.getKey());
        JsonValue value = reset.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
          resets.add(ColumnReset.toNull(column));
        } else if (value instanceof JsonString textValue) {
          resets.add(ColumnReset.toText(column, textValue.getString()));
        } else {
          throw new InvalidInventoryException(
              where + ": reset value of " + column + " is null or a text");
        }
      }
    }
    return new InventoryTable(
        name,
        text(table, "category", where),
        flag(table, "personalData", where),
        names(table, "key", where),
        table.containsKey("person") ? text(table, "person", where) : null,
        table.containsKey("tenantVia") ? via(object(table.get("tenantVia"), where), where) : null,
        List.of(),
        underDetach,
        resets);
  }

  private static KeycloakIds keycloakIds(JsonObject keycloakIds) {
    onlyMembers(keycloakIds, KEYCLOAK_IDS_MEMBERS, "keycloakIds");
    return new KeycloakIds(
        text(keycloakIds, "table", "keycloakIds"), text(keycloakIds, "column", "keycloakIds"));
  }

  private static InventoryTable.TenantVia via(JsonObject via, String where) {
    onlyMembers(via, VIA_MEMBERS, where + ": tenantVia");
    return new InventoryTable.TenantVia(
        names(via, "column", where + ": tenantVia"), text(via, "parent", where + ": tenantVia"));
  }

  private static InventoryFiles files(JsonObject stored) {
    String where = "files of table " + stored.getOrDefault("table", JsonValue.NULL);
    onlyMembers(stored, FILES_MEMBERS, where);
    return new InventoryFiles(
        text(stored, "category", where),
        flag(stored, "personalData", where),
        text(stored, "table", where),
        text(stored, "pathColumn", where),
        stored.containsKey("sizeColumn") ? text(stored, "sizeColumn", where) : null);
  }

  /** Unknown members are refused: a misspelt {@code "persn"} must not silently drop a rule. */
  private static void onlyMembers(JsonObject object, Set<String> allowed, String where) {
    for (String member : object.keySet()) {
      if (!allowed.contains(member)) {
        throw new InvalidInventoryException(
            where
                + ": unknown member \""
                + member
                + "\" (known: "
                + String.join(", ", allowed)
                + ")");
      }
    }
  }

  private static String text(JsonObject object, String member, String where) {
    JsonValue value = object.get(member);
    if (!(value instanceof JsonString text) || text.getString().isBlank()) {
      throw new InvalidInventoryException(where + ": " + member + " is a text and is required");
    }
    return text.getString();
  }

  /** A column's name as a text, or several as a list of texts (a key of several columns). */
  private static List<String> names(JsonObject object, String member, String where) {
    JsonValue value = object.get(member);
    if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
      List<String> names = new ArrayList<>();
      for (JsonValue name : value.asJsonArray()) {
        if (!(name instanceof JsonString text)) {
          throw new InvalidInventoryException(where + ": " + member + " lists texts only");
        }
        names.add(text.getString());
      }
      return names;
    }
    return List.of(text(object, member, where));
  }

  private static boolean flag(JsonObject object, String member, String where) {
    JsonValue.ValueType type =
        object.containsKey(member) ? object.get(member).getValueType() : JsonValue.ValueType.NULL;
    if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
      throw new InvalidInventoryException(
          where + ": " + member + " is true or false and is required");
    }
    return type == JsonValue.ValueType.TRUE;
  }

  private static List<JsonValue> array(JsonObject object, String member, String where) {
    JsonValue value = object.get(member);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidInventoryException(where + ": " + member + " is a list and is required");
    }
    return value.asJsonArray();
  }

  private static JsonObject object(JsonValue value, String what) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidInventoryException(what + " is a JSON object");
    }
    return value.asJsonObject();
  }
}
