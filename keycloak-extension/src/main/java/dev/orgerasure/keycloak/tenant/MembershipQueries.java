package dev.orgerasure.keycloak.tenant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.representations.idm.MembershipType;

/**
 * The statements the tenant directories run on Keycloak's own membership rows, one statement for a
 * whole page or batch. A group tenant's members are those of its groups; an organisation's are
 * those of its internal group ({@code OrganizationEntity.groupId}). Kept apart from the directories
 * so that each statement is tested on Keycloak's entities without a running Keycloak.
 */
final class MembershipQueries {

  /** A user's membership of one group. */
  record GroupMembership(String userId, String groupId) {}

  private final EntityManager entityManager;

  MembershipQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The users in any of the groups, each once however many of the groups they are in. */
  long memberCountOfGroups(Collection<String> groupIds) {
    return entityManager
        .createQuery(
            "select count(distinct m.user.id) from UserGroupMembershipEntity m"
                + " where m.groupId in :groups",
            Long.class)
        .setParameter("groups", groupIds)
        .getSingleResult();
  }

  /**
   * The ids of the users in any of the groups, in {@code range} after {@code afterUserId}, in the
   * order of ids, at most {@code max}.
   */
  List<String> memberIdsOfGroups(
      Collection<String> groupIds, UserIdRange range, String afterUserId, int max) {
    return range
        .bind(
            entityManager.createQuery(
                "select distinct m.user.id from UserGroupMembershipEntity m"
                    + " where m.groupId in :groups and m.user.id > :after"
                    + range.condition("m.user.id")
                    + " order by m.user.id",
                String.class))
        .setParameter("groups", groupIds)
        .setParameter("after", afterUserId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Those of the users in any of the groups. */
  Set<String> membersOfGroupsAmong(Collection<String> groupIds, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        entityManager
            .createQuery(
                "select distinct m.user.id from UserGroupMembershipEntity m"
                    + " where m.groupId in :groups and m.user.id in :users",
                String.class)
            .setParameter("groups", groupIds)
            .setParameter("users", userIds)
            .getResultList());
  }

  /** Every group membership of the users, organisations' internal groups included. */
  List<GroupMembership> groupMembershipsOf(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "select m.user.id, m.groupId from UserGroupMembershipEntity m where m.user.id in :users",
            Object[].class)
        .setParameter("users", userIds)
        .getResultList()
        .stream()
        .map(row -> new GroupMembership((String) row[0], (String) row[1]))
        .toList();
  }

  /** The member counts of the organisations that have members, by organisation id. */
  Map<String, Long> organizationMemberCounts(Collection<String> organizationIds) {
    Map<String, Long> counts = new HashMap<>();
    if (!organizationIds.isEmpty()) {
      entityManager
          .createQuery(
              "select o.id, count(m) from OrganizationEntity o, UserGroupMembershipEntity m"
                  + " where m.groupId = o.groupId and o.id in :orgs group by o.id",
              Object[].class)
          .setParameter("orgs", organizationIds)
          .getResultList()
          .forEach(row -> counts.put((String) row[0], (Long) row[1]));
    }
    return counts;
  }

  /** As {@link #memberIdsOfGroups}, for the members of one organisation. */
  List<String> organizationMemberIds(
      String organizationId, UserIdRange range, String afterUserId, int max) {
    return range
        .bind(
            entityManager.createQuery(
                "select m.user.id from UserGroupMembershipEntity m, OrganizationEntity o"
                    + " where o.id = :org and m.groupId = o.groupId and m.user.id > :after"
                    + range.condition("m.user.id")
                    + " order by m.user.id",
                String.class))
        .setParameter("org", organizationId)
        .setParameter("after", afterUserId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Those of the users who are members of the organisation. */
  Set<String> organizationMembersAmong(String organizationId, Collection<String> userIds) {
    return organizationUsersAmong(organizationId, userIds, "o.id = :org", Map.of());
  }

  /** Those of the users who exist only through the organisation's identity provider. */
  Set<String> managedOrganizationMembersAmong(String organizationId, Collection<String> userIds) {
    return organizationUsersAmong(
        organizationId,
        userIds,
        "o.id = :org and m.membershipType = :managed",
        Map.of("managed", MembershipType.MANAGED.name()));
  }

  /** Those of the users who are members of an organisation other than this one. */
  Set<String> inOtherOrganizationsAmong(String organizationId, Collection<String> userIds) {
    return organizationUsersAmong(organizationId, userIds, "o.id <> :org", Map.of());
  }

  /**
   * Those of the users with a membership {@code m} of an organisation {@code o} that meets {@code
   * condition}, where {@code :org} is {@code organizationId}.
   */
  private Set<String> organizationUsersAmong(
      String organizationId,
      Collection<String> userIds,
      String condition,
      Map<String, Object> parameters) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    TypedQuery<String> query =
        entityManager
            .createQuery(
                "select distinct m.user.id from UserGroupMembershipEntity m, OrganizationEntity o"
                    + " where m.groupId = o.groupId and m.user.id in :users and "
                    + condition,
                String.class)
            .setParameter("org", organizationId)
            .setParameter("users", userIds);
    parameters.forEach(query::setParameter);
    return new HashSet<>(query.getResultList());
  }
}
