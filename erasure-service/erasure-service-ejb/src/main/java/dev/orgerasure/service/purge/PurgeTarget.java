package dev.orgerasure.service.purge;

import dev.orgerasure.contract.MemberPolicy;
import java.util.Objects;

/**
 * What one purge erases: the organisation's rows, under the member policy chosen; {@code requestId}
 * names the purge's list of erased members, whose own rows go with them.
 */
public record PurgeTarget(String requestId, String orgId, MemberPolicy policy) {

  public PurgeTarget {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(policy, "policy");
  }
}
