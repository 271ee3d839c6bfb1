package dev.orgerasure.db.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the database says of one schema's tables: their columns, primary keys and foreign keys, read
 * once from PostgreSQL's catalogue. The inventory is checked against it and its purge order taken
 * from it.
 *
 * @param schema the schema's name, e.g. {@code public}
 * @param columns by table, then by column
 * @param primaryKeys by table, the primary key's columns in order
 * @param uniqueColumns by table, the columns that are unique each on its own (a primary key, a
 *     unique constraint or a unique index of that column alone, without a condition)
 */
public record SchemaCatalog(
    String schema,
    Map<String, Map<String, Column>> columns,
    Map<String, List<String>> primaryKeys,
    List<ForeignKey> foreignKeys,
    Map<String, Set<String>> uniqueColumns) {

  /**
   * One column.
   *
   * @param type PostgreSQL's name of its type, e.g. {@code character varying}, {@code bigint}
   * @param defaultValue its default as the catalogue writes it, e.g. {@code 'PENDING'::character
   *     varying}, or null
   */
  public record Column(String type, boolean nullable, String defaultValue) {

    public boolean holdsText() {
      return type.equals("character varying") || type.equals("text") || type.equals("character");
    }
  }

  /**
   * A foreign key of {@code table}'s {@code columns} to {@code referencedTable}'s {@code
   * referencedColumns}.
   *
   * @param name the constraint's name
   * @param deleteCascades whether deleting a referenced row deletes the referencing ones
   */
  public record ForeignKey(
      String name,
      String table,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      boolean deleteCascades) {

    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }
  }

  public SchemaCatalog {
    SqlNames.checked("schema", schema);
    // Kept in the catalogue's order (table name, then column position), so that what is read from
    // it
    // comes out the same on every run.
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    primaryKeys = Map.copyOf(primaryKeys);
    foreignKeys = List.copyOf(foreignKeys);
    uniqueColumns = Map.copyOf(uniqueColumns);
  }

  /** The ordinary tables of {@code schema}, e.g. {@code public}. */
  public static SchemaCatalog read(Connection connection, String schema) throws SQLException {
    Map<String, Map<String, Column>> columns = new LinkedHashMap<>();
    for (String[] row :
        rows(
            connection,
            """
            SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
            FROM information_schema.columns c
            JOIN information_schema.tables t
              ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = ? AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position""",
            schema)) {
      columns
          .computeIfAbsent(row[0], table -> new LinkedHashMap<>())
          .put(row[1], new Column(row[2], row[3].equals("YES"), row[4]));
    }
    Map<String, List<String>> primaryKeys = new HashMap<>();
    for (String[] row :
        rows(
            connection,
            """
            SELECT k.table_name, k.column_name
            FROM information_schema.table_constraints c
            JOIN information_schema.key_column_usage k
              ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
            WHERE c.table_schema = ? AND c.constraint_type = 'PRIMARY KEY'
            ORDER BY k.table_name, k.ordinal_position""",
            schema)) {
      primaryKeys.computeIfAbsent(row[0], table -> new ArrayList<>()).add(row[1]);
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (String[] row :
        rows(
            connection,
            """
            SELECT c.conname, child.relname, parent.relname, c.confdeltype::text,
              (SELECT string_agg(a.attname, ',' ORDER BY k.position)
               FROM unnest(c.conkey) WITH ORDINALITY k(number, position)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.number),
              (SELECT string_agg(a.attname, ',' ORDER BY k.position)
               FROM unnest(c.confkey) WITH ORDINALITY k(number, position)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.number)
            FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid
            JOIN pg_class parent ON parent.oid = c.confrelid
            JOIN pg_namespace n ON n.oid = child.relnamespace
            WHERE c.contype = 'f' AND n.nspname = ?
            ORDER BY child.relname, c.conname""",
            schema)) {
      foreignKeys.add(
          new ForeignKey(
              row[0],
              row[1],
              List.of(row[4].split(",")),
              row[2],
              List.of(row[5].split(",")),
              row[3].equals("c")));
    }
    Map<String, Set<String>> uniqueColumns = new HashMap<>();
    for (String[] row :
        rows(
            connection,
            """
            SELECT t.relname, a.attname
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
            WHERE n.nspname = ? AND i.indisunique AND i.indnkeyatts = 1
              AND i.indpred IS NULL AND i.indexprs IS NULL""",
            schema)) {
      uniqueColumns.computeIfAbsent(row[0], table -> new HashSet<>()).add(row[1]);
    }
    return new SchemaCatalog(schema, columns, primaryKeys, foreignKeys, uniqueColumns);
  }

  public boolean hasTable(String table) {
    return columns.containsKey(table);
  }

  public Optional<Column> column(String table, String column) {
    return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(column));
  }

  public List<String> primaryKey(String table) {
    return primaryKeys.getOrDefault(table, List.of());
  }

  public boolean isUnique(String table, String column) {
    return uniqueColumns.getOrDefault(table, Set.of()).contains(column);
  }

  private static List<String[]> rows(Connection connection, String sql, String schema)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, schema);
      try (ResultSet result = statement.executeQuery()) {
        int width = result.getMetaData().getColumnCount();
        List<String[]> rows = new ArrayList<>();
        while (result.next()) {
          String[] row = new String[width];
          for (int i = 0; i < width; i++) {
            row[i] = result.getString(i + 1);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }
}
