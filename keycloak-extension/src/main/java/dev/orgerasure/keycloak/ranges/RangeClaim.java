package dev.orgerasure.keycloak.ranges;

import dev.orgerasure.keycloak.tenant.UserIdRange;

/** A range this node claimed: valid while the row still has the version the claim gave it. */
public record RangeClaim(
    String requestId, RangePhase phase, int rangeIndex, int rangeCount, int version) {

  public UserIdRange range() {
    return UserIdRange.split(rangeCount).get(rangeIndex);
  }
}
