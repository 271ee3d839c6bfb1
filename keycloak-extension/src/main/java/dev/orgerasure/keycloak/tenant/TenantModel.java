package dev.orgerasure.keycloak.tenant;

import dev.orgerasure.contract.TenantKind;
import java.util.Locale;
import org.keycloak.models.RealmModel;

/**
 * How a realm models its tenants (docs/erasure.md, "Tenant models"), set by the realm admin as
 * realm attributes: Keycloak Organizations (the default), or groups under a parent group. One realm
 * uses one model.
 *
 * @param parentGroupPath the group whose sub-groups are the tenants; empty for top-level groups
 */
public record TenantModel(TenantKind kind, String parentGroupPath) {

  /** {@code organizations} (or absent) or {@code groups}. */
  public static final String MODEL_ATTRIBUTE = "org-erasure-tenant-model";

  /** The parent group's path, e.g. {@code /tenants}; absent or blank for top-level groups. */
  public static final String PARENT_GROUP_ATTRIBUTE = "org-erasure-tenant-parent-group";

  public static TenantModel of(RealmModel realm) {
    String model = realm.getAttribute(MODEL_ATTRIBUTE);
    TenantKind kind =
        model != null && model.strip().toLowerCase(Locale.ROOT).equals("groups")
            ? TenantKind.GROUP
            : TenantKind.ORGANIZATION;
    return new TenantModel(kind, normalisedPath(realm.getAttribute(PARENT_GROUP_ATTRIBUTE)));
  }

  /** "/tenants" for "tenants", "/tenants/" or "/tenants"; empty for none. */
  static String normalisedPath(String path) {
    if (path == null || path.isBlank()) {
      return "";
    }
    String trimmed = path.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty()) {
      return "";
    }
    return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
  }
}
