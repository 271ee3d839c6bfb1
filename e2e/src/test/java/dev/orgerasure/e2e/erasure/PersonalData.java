package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Where in Keycloak's database people are still named: every text column of every table. */
final class PersonalData {

  private PersonalData() {}

  /**
   * The columns ({@code table.column}) that hold a member's id, or their username or e-mail as a
   * whole value or a JSON string.
   */
  static List<String> columnsNaming(WholeSystem system, List<Member> members) throws SQLException {
    List<String> patterns = new ArrayList<>();
    for (Member member : members) {
      patterns.add("%" + member.id() + "%");
      for (String value : List.of(member.username(), member.email())) {
        patterns.add(value);
        patterns.add("%\"" + value + "\"%");
      }
    }
    List<String> naming = new ArrayList<>();
    try (Connection db = system.keycloakDatabase()) {
      Array any = db.createArrayOf("text", patterns.toArray());
      for (String[] column : textColumns(db)) {
        String sql =
            "select count(*) from \""
                + column[0]
                + "\" where lower(\""
                + column[1]
                + "\"::text) like any (select lower(p) from unnest(?) p)";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
          statement.setArray(1, any);
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            if (rows.getLong(1) > 0) {
              naming.add(column[0] + "." + column[1]);
            }
          }
        }
      }
    }
    return naming;
  }

  /**
   * Keycloak's admin events that carry one of these people's ids, each as {@code id:md5} of what it
   * records, in id order: equal fingerprints mean the same events, unchanged. Empty when none.
   */
  static String adminEventsNaming(WholeSystem system, List<Member> members) throws SQLException {
    try (Connection db = system.keycloakDatabase();
        PreparedStatement statement =
            db.prepareStatement(
                "select coalesce(string_agg(id || ':' || md5(concat_ws('|', resource_path,"
                    + " representation, details_json)), ',' order by id), '')"
                    + " from admin_event_entity"
                    + " where concat_ws('|', resource_path, representation, details_json)"
                    + " like any (?)")) {
      statement.setArray(
          1, db.createArrayOf("text", members.stream().map(m -> "%" + m.id() + "%").toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static List<String[]> textColumns(Connection db) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement statement =
            db.prepareStatement(
                "select table_name, column_name from information_schema.columns"
                    + " where table_schema = current_schema()"
                    + " and data_type in ('character varying', 'text', 'character')");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        columns.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    return columns;
  }
}
