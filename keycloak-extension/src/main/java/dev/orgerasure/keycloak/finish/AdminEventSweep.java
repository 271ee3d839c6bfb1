package dev.orgerasure.keycloak.finish;

import jakarta.persistence.EntityManager;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes Keycloak's admin events that name erased people (as {@link AdminEventMatcher} reads
 * them): an erased person must not live on in the record of how their account was created or
 * changed. A realm's events are read a page at a time, in the order of their time and id, each page
 * in its own transaction, so that the node finishing the erasure renews its lease between pages
 * however many events the realm holds; each page is matched against everyone given at once.
 */
final class AdminEventSweep {

  /** Ids per delete statement: well below every database's limit on bound parameters. */
  private static final int DELETE_CHUNK = 1_000;

  /** Where a sweep stands: after this event, in the order of time, then id. */
  record Position(long time, String id) {
    static final Position START = new Position(Long.MIN_VALUE, "");
  }

  /**
   * What one page did: the events it deleted, and where the next page starts (none after the last).
   */
  record Page(long deleted, Optional<Position> next) {}

  private final EntityManager em;

  AdminEventSweep(EntityManager em) {
    this.em = em;
  }

  /** The page of the realm's events after {@code after}: deletes those that name the people. */
  Page deleteNaming(String realmId, AdminEventMatcher matcher, Position after, int pageSize) {
    List<?> rows =
        em.createNativeQuery(
                "select ID, ADMIN_EVENT_TIME, RESOURCE_PATH, REPRESENTATION, DETAILS_JSON"
                    + " from ADMIN_EVENT_ENTITY where REALM_ID = ?1"
                    + " and (ADMIN_EVENT_TIME > ?2 or (ADMIN_EVENT_TIME = ?2 and ID > ?3))"
                    + " order by ADMIN_EVENT_TIME, ID")
            .setParameter(1, realmId)
            .setParameter(2, after.time())
            .setParameter(3, after.id())
            .setMaxResults(pageSize)
            .getResultList();
    List<String> naming = new ArrayList<>();
    Position last = after;
    for (Object listed : rows) {
      Object[] row = (Object[]) listed;
      last = new Position(((Number) row[1]).longValue(), (String) row[0]);
      if (matcher.names(text(row[2]), text(row[3]), text(row[4]))) {
        naming.add((String) row[0]);
      }
    }
    long deleted = 0;
    for (int from = 0; from < naming.size(); from += DELETE_CHUNK) {
      deleted +=
          em.createNativeQuery("delete from ADMIN_EVENT_ENTITY where ID in (?1)")
              .setParameter(1, naming.subList(from, Math.min(naming.size(), from + DELETE_CHUNK)))
              .executeUpdate();
    }
    return new Page(deleted, rows.size() < pageSize ? Optional.empty() : Optional.of(last));
  }

  /** Text columns arrive as strings, or as CLOBs on databases that store them so. */
  private static String text(Object column) {
    if (column instanceof Clob clob) {
      try {
        return clob.getSubString(1, (int) clob.length());
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read an admin event", e);
      }
    }
    return (String) column;
  }
}
