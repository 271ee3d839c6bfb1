package dev.orgerasure.keycloak.tenant;

import java.util.List;

/**
 * What closing a tenant to new members changed, kept with the erasure (not on the tenant, where its
 * managers could edit it) so that a cancel puts back exactly that: whether it was enabled, and the
 * aliases of the identity providers the erasure disabled.
 */
public record TenantClosure(boolean wasEnabled, List<String> closedProviders) {

  /** A tenant that cannot be disabled and has no identity providers: a group. */
  public static final TenantClosure NOTHING_CLOSED = new TenantClosure(true, List.of());

  public TenantClosure {
    closedProviders = List.copyOf(closedProviders);
  }
}
