package dev.orgerasure.keycloak.support;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * How long this node's lockouts and identity deletions take, on Keycloak's metrics
 * (docs/operating.md, "Metrics and alerts"); each registered once, the same timer at every call.
 */
public final class StepTimers {

  private StepTimers() {}

  /** A tenant's lockout, from the first batch to the last, as the node that ran it saw it. */
  public static Timer lockout() {
    return Timer.builder("org_erasure_lockout")
        .description("Lockouts of a tenant's members run on this node")
        .register(Metrics.globalRegistry);
  }

  /** The deletion (or detaching) of a tenant's locked-out members, on the node that ran it. */
  public static Timer identityDeletion() {
    return Timer.builder("org_erasure_identity_deletion")
        .description("Deletions of a tenant's identities run on this node")
        .register(Metrics.globalRegistry);
  }
}
