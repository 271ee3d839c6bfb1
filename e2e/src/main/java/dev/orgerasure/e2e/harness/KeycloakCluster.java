package dev.orgerasure.e2e.harness;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two Keycloak nodes clustered on loopback, as production runs Keycloak: Keycloak's own Infinispan,
 * its members found through the shared database (JGroups' JDBC_PING, Keycloak's default stack), its
 * traffic bound to 127.0.0.1 on ports of their own, logging JSON, behind a balancer whose address
 * is the cluster's public one ({@link LoopbackBalancer}). They share a database apart from the
 * single node's, so that the cluster's tests and the others do not see each other's realms.
 */
public final class KeycloakCluster implements AutoCloseable {

  /** The cluster's own Keycloak database, in the system's PostgreSQL. */
  public static final String DATABASE = "keycloak_cluster";

  private final List<KeycloakServer> nodes;
  private final LoopbackBalancer balancer;

  private KeycloakCluster(List<KeycloakServer> nodes, LoopbackBalancer balancer) {
    this.nodes = List.copyOf(nodes);
    this.balancer = balancer;
  }

  /** Where the balancer listens: the cluster's public address, chosen before it starts. */
  public static URI publicUrl(int balancerPort) {
    return URI.create("http://127.0.0.1:" + balancerPort);
  }

  /**
   * Starts node A, then node B (A creates the schema and the bootstrap admin, B joins it), and the
   * balancer on {@code balancerPort} in front of them, A first; both run the extension with {@code
   * extensionOptions}, e.g. its {@code --spi-org-erasure-...} settings, which must be the same on
   * every node.
   */
  public static KeycloakCluster start(
      HarnessPaths paths, PostgresServer db, int balancerPort, List<String> extensionOptions) {
    try (Connection admin = db.connect("postgres")) {
      PostgresServer.createDatabasesIfMissing(
          admin, List.of(DATABASE, ServiceSite.KEYCLOAK_CLUSTER.database()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the cluster's database", e);
    }
    URI publicUrl = publicUrl(balancerPort);
    List<KeycloakServer> started = new ArrayList<>();
    try {
      for (String node : List.of("keycloak-a", "keycloak-b")) {
        List<String> options =
            new ArrayList<>(
                List.of(
                    "--hostname=" + publicUrl,
                    "--spi-org-erasure--default--keycloak-url=" + publicUrl,
                    "--log-console-output=json",
                    "--cache=ispn",
                    "--cache-stack=jdbc-ping",
                    "--cache-embedded-network-bind-address=127.0.0.1",
                    "--cache-embedded-network-bind-port=" + FreePorts.find()));
        options.addAll(extensionOptions);
        started.add(KeycloakServer.start(paths, node, db, DATABASE, FreePorts.find(), options));
      }
      return new KeycloakCluster(
          started,
          LoopbackBalancer.start(
              balancerPort, started.stream().map(node -> node.baseUrl().getPort()).toList()));
    } catch (RuntimeException e) {
      started.forEach(KeycloakServer::close);
      throw e;
    }
  }

  public KeycloakServer nodeA() {
    return nodes.get(0);
  }

  public KeycloakServer nodeB() {
    return nodes.get(1);
  }

  /** The balancer's address, which every token names as its issuer's. */
  public URI publicUrl() {
    return balancer.url();
  }

  public URI urlA() {
    return nodeA().baseUrl();
  }

  public URI urlB() {
    return nodeB().baseUrl();
  }

  @Override
  public void close() {
    balancer.close();
    nodes.forEach(KeycloakServer::close);
  }
}
