package dev.orgerasure.contract;

/**
 * What models a tenant in Keycloak (docs/erasure.md, "Tenant models"): the app data is keyed by the
 * tenant's id whichever it is; the kind is carried for the record.
 */
public enum TenantKind {
  /** A Keycloak Organization. */
  ORGANIZATION,
  /** A Keycloak group under the realm's tenant parent group, with its sub-groups. */
  GROUP;

  /** The kind a hand-over without one means. */
  public static TenantKind orDefault(TenantKind kind) {
    return kind == null ? ORGANIZATION : kind;
  }
}
