package dev.orgerasure.keycloak.ranges;

import dev.orgerasure.keycloak.erasure.ErasureState;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A step of an erasure whose members are worked on range by range, by any node of the cluster; the
 * erasure's states in which a node may help with it.
 */
public enum RangePhase {
  /** The lockout, and the lockout of late members before the identities go. */
  LOCKOUT(state -> state.awaitsLockout() || state.isFinishable()),
  /** The deletion of the locked-out members' identities. */
  DELETION(ErasureState::isFinishable);

  private final Predicate<ErasureState> helpable;

  RangePhase(Predicate<ErasureState> helpable) {
    this.helpable = helpable;
  }

  /** The states in which a node other than the erasure's holder may run this phase's ranges. */
  public Set<ErasureState> helpableStates() {
    return ErasureState.where(helpable);
  }

  /** How log records name the phase. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
