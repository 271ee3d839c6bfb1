package dev.orgerasure.keycloak.finish;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The erased members' login events, which Keycloak deletes only by realm or by age. */
final class LoginEvents {

  private LoginEvents() {}

  /**
   * Deletes the login events that name these users (Keycloak has no per-user event deletion);
   * answers how many each user had.
   */
  static Map<String, Long> delete(EntityManager em, String realmId, List<String> userIds) {
    Map<String, Long> perUser = new HashMap<>();
    em.createNativeQuery(
            "select USER_ID, count(*) from EVENT_ENTITY where REALM_ID = ?1 and USER_ID in (?2)"
                + " group by USER_ID")
        .setParameter(1, realmId)
        .setParameter(2, userIds)
        .getResultList()
        .forEach(
            result -> {
              Object[] row = (Object[]) result;
              perUser.put((String) row[0], ((Number) row[1]).longValue());
            });
    if (!perUser.isEmpty()) {
      em.createNativeQuery("delete from EVENT_ENTITY where REALM_ID = ?1 and USER_ID in (?2)")
          .setParameter(1, realmId)
          .setParameter(2, List.copyOf(perUser.keySet()))
          .executeUpdate();
    }
    return perUser;
  }
}
