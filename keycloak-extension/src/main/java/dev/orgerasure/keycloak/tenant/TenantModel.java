package dev.orgerasure.keycloak.tenant;

import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.keycloak.settings.RealmSettings;
import java.util.Locale;
import org.keycloak.models.RealmModel;

/**
 * How a realm models its tenants (docs/erasure.md, "Tenant models"), set by the realm admin in the
 * realm's erasure settings: Keycloak Organizations (the default), or groups under a parent group.
 * One realm uses one model.
 *
 * @param parentGroupPath the group whose sub-groups are the tenants; empty for top-level groups
 */
public record TenantModel(TenantKind kind, String parentGroupPath) {

  public static TenantModel of(RealmModel realm) {
    String model = RealmSettings.get(realm, RealmSettings.TENANT_MODEL);
    TenantKind kind =
        model != null && model.strip().toLowerCase(Locale.ROOT).equals(RealmSettings.GROUPS)
            ? TenantKind.GROUP
            : TenantKind.ORGANIZATION;
    return new TenantModel(
        kind, normalisedPath(RealmSettings.get(realm, RealmSettings.TENANT_PARENT_GROUP)));
  }

  /** "/tenants" for "tenants", "/tenants/" or "/tenants"; empty for none. */
  public static String normalisedPath(String path) {
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
