package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.e2e.harness.KeycloakCluster;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The Keycloak a measure runs on: where the benchmark sends its requests, the public address where
 * the realm's admin signs in to the console (a cluster's balancer, which every token names as its
 * issuer), and its database.
 */
record BenchKeycloak(URI url, URI publicUrl, Database database) {

  /** Opens a connection to Keycloak's database. */
  @FunctionalInterface
  interface Database {
    Connection connect() throws SQLException;
  }

  /** The system's one Keycloak node. */
  static BenchKeycloak of(WholeSystem system) {
    return new BenchKeycloak(system.keycloakUrl(), system.keycloakUrl(), system::keycloakDatabase);
  }

  /** A cluster, asked on its node A: a lockout runs in the request thread of the node asked. */
  static BenchKeycloak nodeA(WholeSystem system, KeycloakCluster cluster) {
    return new BenchKeycloak(
        cluster.urlA(),
        cluster.publicUrl(),
        () -> system.postgres().connect(KeycloakCluster.DATABASE));
  }

  Connection connect() throws SQLException {
    return database.connect();
  }
}
