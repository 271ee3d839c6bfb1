package dev.orgerasure.service.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The erased members' ids reach PostgreSQL as one array literal, each id whole. */
class TextArrayTest {

  @Test
  void idsThatWouldEndOrSplitAnArrayLiteralArriveWhole() throws Exception {
    List<String> ids =
        List.of(
            "0b6f9c1e-5d7a-4a53-9d0e-2f1f6a3c8e11",
            "f:ldap:a,b",
            "with \"quotes\"",
            "back\\slash",
            "}{",
            " spaced ",
            "NULL");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement unnest =
            connection.prepareStatement("SELECT unnest(CAST(? AS varchar[]))")) {
      unnest.setString(1, JpaPurgeRepository.textArray(ids));
      List<String> arrived = new ArrayList<>();
      try (ResultSet rows = unnest.executeQuery()) {
        while (rows.next()) {
          arrived.add(rows.getString(1));
        }
      }
      assertEquals(ids, arrived);
    }
  }
}
