package dev.orgerasure.keycloak.access;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The erasure role, a client role beside Keycloak's own realm-management roles: on the realm's
 * {@code realm-management} client for the realm's own admins, and on the realm's client in the
 * master realm for master admins. Realm admins grant it; nothing implies it.
 */
public final class ErasureRoles {

  public static final String ERASE_ORGANIZATIONS = "erase-organizations";

  /** Reading, exporting and verifying the audit log; neither role implies the other. */
  public static final String VIEW_ERASURE_AUDIT = "view-erasure-audit";

  private ErasureRoles() {}

  public static void provision(RealmModel realm) {
    managementClients(realm)
        .forEach(
            client -> {
              if (client.getRole(ERASE_ORGANIZATIONS) == null) {
                client
                    .addRole(ERASE_ORGANIZATIONS)
                    .setDescription("Start, cancel and follow the erasure of an organisation");
              }
              if (client.getRole(VIEW_ERASURE_AUDIT) == null) {
                client
                    .addRole(VIEW_ERASURE_AUDIT)
                    .setDescription("Read, export and verify the organisation erasure audit log");
              }
            });
  }

  /**
   * Whether the admin, signed in to {@code adminRealm}, may erase organisations of {@code realm}.
   */
  public static boolean mayErase(UserModel admin, RealmModel adminRealm, RealmModel realm) {
    return holds(admin, adminRealm, realm, ERASE_ORGANIZATIONS);
  }

  /** Whether the admin, signed in to {@code adminRealm}, holds the audit role for {@code realm}. */
  public static boolean mayViewAudit(UserModel admin, RealmModel adminRealm, RealmModel realm) {
    return holds(admin, adminRealm, realm, VIEW_ERASURE_AUDIT);
  }

  private static boolean holds(
      UserModel admin, RealmModel adminRealm, RealmModel realm, String roleName) {
    // The master realm has no realm-management client: its admins use its master admin client.
    ClientModel client =
        adminRealm.getId().equals(realm.getId())
            ? realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)
            : null;
    return Optional.ofNullable(client)
        .or(() -> Optional.ofNullable(realm.getMasterAdminClient()))
        .map(c -> c.getRole(roleName))
        .map(admin::hasRole)
        .orElse(false);
  }

  private static Stream<ClientModel> managementClients(RealmModel realm) {
    return Stream.of(
            realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID),
            realm.getMasterAdminClient())
        .filter(Objects::nonNull);
  }
}
