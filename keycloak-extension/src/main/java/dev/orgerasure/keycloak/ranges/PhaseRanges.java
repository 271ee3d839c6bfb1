package dev.orgerasure.keycloak.ranges;

import dev.orgerasure.keycloak.tenant.UserIdRange;
import java.util.function.Consumer;

/** Runs one phase of an erasure on every range of user ids; returns once every range is done. */
public interface PhaseRanges {

  void run(Consumer<UserIdRange> work);
}
