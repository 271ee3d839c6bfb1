package dev.orgerasure.e2e.quickstart;

import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.harness.PostgresServer;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the whole system with the demo data, prints where everything is and runs until Ctrl-C or
 * SIGTERM. Ports: {@code erasure.quickstart.keycloak-port} (8080), {@code .liberty-port} (9080),
 * {@code .smtp-port} (3025); {@code erasure.quickstart.keycloak-options} adds comma-separated
 * {@code kc.sh start} options; {@code erasure.quickstart.cluster=true} adds the two-node shape
 * ({@link ClusterDemo}). See {@code ExternalPostgresServer} to use an existing PostgreSQL.
 */
public final class Quickstart {

  public static final String READY_LINE = "QUICKSTART READY";

  private Quickstart() {}

  public static void main(String[] args) throws InterruptedException {
    WholeSystemOptions options =
        new WholeSystemOptions(
            "quickstart",
            port("keycloak-port", 8080),
            port("liberty-port", 9080),
            port("smtp-port", 3025),
            keycloakOptions());
    WholeSystem system = WholeSystem.start(options);
    DemoData demo;
    ClusterDemo cluster = null;
    try {
      demo = DemoData.load(system);
      system.awaitServicesReady();
      if (Boolean.getBoolean("erasure.quickstart.cluster")) {
        cluster = ClusterDemo.start(system);
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      system.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(system), "quickstart-stop"));
    printBanner(System.out, system, demo);
    if (cluster != null) {
      cluster.printBanner(System.out);
    }
    System.out.println(READY_LINE);
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * A stop by signal is the normal end of a demo, so the exit status is 0 rather than the signal's.
   */
  private static void stop(WholeSystem system) {
    System.out.println("Stopping the quickstart ...");
    system.close();
    System.out.println("Quickstart stopped.");
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  private static void printBanner(PrintStream out, WholeSystem system, DemoData demo) {
    String keycloak = system.keycloakUrl().toString();
    DemoOrg smallest = demo.orgs().get(demo.orgs().size() - 1);
    out.println();
    out.println("Organisation erasure quickstart (started in " + system.startupTimes() + ")");
    out.println();
    out.println("Keycloak, realm learning:  " + keycloak + "/admin/learning/console/");
    out.println(
        "Keycloak, master realm:    "
            + keycloak
            + "/admin/master/console/   ("
            + KeycloakServer.ADMIN_USER
            + " / "
            + KeycloakServer.ADMIN_PASSWORD
            + ")");
    out.println(
        "Erasure service (Liberty): "
            + system.libertyUrl()
            + "/erasure   (health: "
            + system.libertyUrl()
            + "/health/ready)");
    out.println("SMTP (GreenMail):          127.0.0.1:" + system.smtpPort());
    out.println(
        "PostgreSQL:                "
            + system.postgres().jdbcUrl(PostgresServer.LEARNING_DB)
            + " and "
            + system.postgres().jdbcUrl(PostgresServer.KEYCLOAK_DB)
            + "   ("
            + system.postgres().user()
            + ")");
    out.println("File store:                " + system.fileStoreRoot());
    out.println("Audit checkpoints:         " + system.auditCheckpoints());
    out.println("Audit public keys (JWKS):  " + keycloak + "/realms/master/org-erasure/audit-keys");
    out.println("Logs:                      " + system.logsDir());
    out.println();
    out.println("Logins (realm learning):");
    out.println(
        "  realm admin: " + demo.realmAdmin().username() + " / " + demo.realmAdmin().password());
    out.println(
        "  auditor:     "
            + demo.auditor().username()
            + " / "
            + demo.auditor().password()
            + "   (Erasure audit page)");
    for (DemoOrg org : demo.orgs()) {
      out.println(
          "  " + org.name() + " (" + org.members().size() + " members, id " + org.id() + ")");
      out.println("    org admin: " + org.admin().username() + " / " + org.admin().password());
      out.println(
          "    member:    "
              + org.learners().get(0).username()
              + " / "
              + org.learners().get(0).password());
    }
    out.println();
    out.println(
        "Logins (realm learning-groups: tenants are the groups under /tenants, served by the"
            + " second erasure service "
            + system.groupsLibertyUrl()
            + "/erasure):");
    out.println("  admin console: " + keycloak + "/admin/learning-groups/console/");
    out.println(
        "  realm admin: "
            + demo.groupsRealmAdmin().username()
            + " / "
            + demo.groupsRealmAdmin().password());
    for (DemoOrg tenant : demo.groupTenants()) {
      out.println(
          "  "
              + tenant.name()
              + " ("
              + tenant.members().size()
              + " members, group id "
              + tenant.id()
              + ")");
      out.println(
          "    org admin: " + tenant.admin().username() + " / " + tenant.admin().password());
    }
    out.println();
    out.println("Start an erasure:");
    out.println(
        "  in the admin console of realm learning as "
            + demo.realmAdmin().username()
            + ": "
            + keycloak
            + "/admin/learning/console/ (page \"Organisation erasure\")");
    out.println(
        "  as an org admin above, in the account console: "
            + keycloak
            + "/realms/learning/account/"
            + " (\"Delete organisation\")");
    out.println(
        "  or with the access token of such an interactive console session (password-grant tokens are refused):");
    out.println(
        "    curl -X POST -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\");
    out.println("      -d '{\"confirmation\":\"" + smallest.name() + "\"}' \\");
    out.println(
        "      "
            + keycloak
            + DemoRealm.ADMIN_PATH
            + "/org-erasure/organizations/"
            + smallest.id()
            + "/erasures");
    out.println();
    out.println("Press Ctrl-C to stop everything.");
  }

  private static int port(String name, int defaultPort) {
    return Integer.getInteger("erasure.quickstart." + name, defaultPort);
  }

  private static List<String> keycloakOptions() {
    String options = System.getProperty("erasure.quickstart.keycloak-options", "");
    return Arrays.stream(options.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
  }
}
