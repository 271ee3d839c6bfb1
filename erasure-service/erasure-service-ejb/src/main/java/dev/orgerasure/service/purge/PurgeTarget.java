package dev.orgerasure.service.purge;

import dev.orgerasure.contract.MemberPolicy;
import java.util.Objects;

/**
 * What one purge erases: the tenant's rows, under the member policy chosen; {@code requestId} names
 * the purge's list of erased members, whose own rows go with them.
 *
 * @param tenantKey the tenant's key in the application's tables, as text; null when the application
 *     holds no tenant for the organisation: then only the erased members' own rows outside any
 *     tenant are found
 */
public record PurgeTarget(String requestId, String tenantKey, MemberPolicy policy) {

  public PurgeTarget {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(policy, "policy");
  }
}
