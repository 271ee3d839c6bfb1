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

  private ErasureRoles() {}

  public static void provision(RealmModel realm) {
    managementClients(realm)
        .filter(client -> client.getRole(ERASE_ORGANIZATIONS) == null)
        .forEach(
            client ->
                client
                    .addRole(ERASE_ORGANIZATIONS)
                    .setDescription("Start, cancel and follow the erasure of an organisation"));
  }

  /**
   * Whether the admin, signed in to {@code adminRealm}, may erase organisations of {@code realm}.
   */
  public static boolean mayErase(UserModel admin, RealmModel adminRealm, RealmModel realm) {
    // The master realm has no realm-management client: its admins use its master admin client.
    ClientModel client =
        adminRealm.getId().equals(realm.getId())
            ? realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)
            : null;
    return Optional.ofNullable(client)
        .or(() -> Optional.ofNullable(realm.getMasterAdminClient()))
        .map(c -> c.getRole(ERASE_ORGANIZATIONS))
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
