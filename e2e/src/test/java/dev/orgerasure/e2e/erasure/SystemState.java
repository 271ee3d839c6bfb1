package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.WholeSystem;

/** Everything a refused request must leave as it was: Keycloak's realm and the app database. */
record SystemState(RealmState realm, AppState app) {

  static SystemState read(WholeSystem system) {
    return new SystemState(RealmState.read(system), AppState.read(system));
  }
}
