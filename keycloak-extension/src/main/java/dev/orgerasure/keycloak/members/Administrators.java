package dev.orgerasure.keycloak.members;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * Who among a batch of people administers the realm: holds any role of its {@code realm-management}
 * client (the erasure role among them), or a realm role that makes a master-realm admin; directly,
 * through a composite, or through a group or any group above it — what {@link
 * org.keycloak.models.UserModel#hasRole} answers, in three statements for the whole batch.
 */
final class Administrators {

  private final KeycloakSession session;
  private final RealmModel realm;
  private Set<String> grantingRoles;
  private List<String> grantingGroups;

  Administrators(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  Set<String> among(Collection<String> userIds) {
    if (userIds.isEmpty() || grantingRoles().isEmpty()) {
      return Set.of();
    }
    Set<String> administrators =
        new HashSet<>(
            entityManager()
                .createQuery(
                    "select distinct r.user.id from UserRoleMappingEntity r"
                        + " where r.roleId in :roles and r.user.id in :users",
                    String.class)
                .setParameter("roles", grantingRoles())
                .setParameter("users", userIds)
                .getResultList());
    if (!grantingGroups().isEmpty()) {
      administrators.addAll(
          entityManager()
              .createQuery(
                  "select distinct m.user.id from UserGroupMembershipEntity m"
                      + " where m.groupId in :groups and m.user.id in :users",
                  String.class)
              .setParameter("groups", grantingGroups())
              .setParameter("users", userIds)
              .getResultList());
    }
    return administrators;
  }

  /** The administrative roles and every composite role that contains one of them. */
  private Set<String> grantingRoles() {
    if (grantingRoles == null) {
      ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
      List<RoleModel> adminRoles =
          Stream.concat(
                  management == null ? Stream.empty() : management.getRolesStream(),
                  Stream.of(AdminRoles.ADMIN, AdminRoles.CREATE_REALM).map(realm::getRole))
              .filter(Objects::nonNull)
              .toList();
      grantingRoles = new HashSet<>();
      Stream.concat(
              realm.getRolesStream(), realm.getClientsStream().flatMap(ClientModel::getRolesStream))
          .filter(role -> adminRoles.stream().anyMatch(role::hasRole))
          .forEach(role -> grantingRoles.add(role.getId()));
    }
    return grantingRoles;
  }

  /** Groups mapped to a granting role, with every group below them (a member inherits roles). */
  private List<String> grantingGroups() {
    if (grantingGroups == null) {
      List<String> mapped =
          entityManager()
              .createQuery(
                  "select distinct g.group.id from GroupRoleMappingEntity g where g.roleId in :roles",
                  String.class)
              .setParameter("roles", grantingRoles())
              .getResultList();
      Set<String> groups = new HashSet<>();
      List<GroupModel> pending = new ArrayList<>();
      mapped.stream()
          .map(id -> session.groups().getGroupById(realm, id))
          .filter(Objects::nonNull)
          .forEach(pending::add);
      while (!pending.isEmpty()) {
        GroupModel group = pending.remove(pending.size() - 1);
        if (groups.add(group.getId())) {
          group.getSubGroupsStream().forEach(pending::add);
        }
      }
      grantingGroups = List.copyOf(groups);
    }
    return grantingGroups;
  }

  private EntityManager entityManager() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
