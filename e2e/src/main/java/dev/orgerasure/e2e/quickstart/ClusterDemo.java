package dev.orgerasure.e2e.quickstart;

import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.demo.MemberFactory;
import dev.orgerasure.e2e.harness.KeycloakCluster;
import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.harness.LibertyCluster;
import dev.orgerasure.e2e.harness.ServiceSite;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The quickstart's two-node shape (docs/operating.md, "Running as a cluster"): realm {@code
 * learning}'s erasure-service as two Liberty servers failing over to each other, and beside the
 * single Keycloak node a two-node Keycloak cluster behind a balancer, with realm {@code cluster},
 * its own erasure-service and an organisation to erase.
 */
final class ClusterDemo {

  private static final String REALM = ServiceSite.KEYCLOAK_CLUSTER.realm();
  private static final String ORG_NAME = "Cluster Academy";
  private static final String ORG_DOMAIN = "cluster-academy.example";
  private static final int ORG_MEMBERS = 10;

  private final KeycloakCluster keycloak;
  private final LibertyCluster liberty;
  private final Member realmAdmin;
  private final List<Member> members;

  private ClusterDemo(
      KeycloakCluster keycloak, LibertyCluster liberty, Member realmAdmin, List<Member> members) {
    this.keycloak = keycloak;
    this.liberty = liberty;
    this.realmAdmin = realmAdmin;
    this.members = members;
  }

  static ClusterDemo start(WholeSystem system) {
    LibertyCluster liberty = system.replaceLibertyWithCluster(Map.of());
    KeycloakCluster keycloak = system.startKeycloakCluster(List.of(), Map.of());
    KeycloakAdminClient admin =
        new KeycloakAdminClient(
            keycloak.publicUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
    DemoData.createRealm(admin, REALM, system.smtpPort());
    Member realmAdmin = DemoData.createRealmAdmin(admin, REALM);
    String orgId =
        admin.createOrganization(
            REALM, ORG_NAME, ORG_DOMAIN.substring(0, ORG_DOMAIN.indexOf('.')), ORG_DOMAIN);
    List<Member> members = new MemberFactory(admin, REALM).create(ORG_DOMAIN, ORG_MEMBERS);
    for (Member member : members) {
      admin.post("/admin/realms/" + REALM + "/organizations/" + orgId + "/members", member.id());
    }
    return new ClusterDemo(keycloak, liberty, realmAdmin, members);
  }

  void printBanner(PrintStream out) {
    out.println();
    out.println("Two-node shape (-Dquickstart.cluster=true):");
    out.println(
        "  realm learning's erasure service: two Liberty servers, "
            + liberty.urlOne()
            + " (where Keycloak hands over) and "
            + liberty.serverTwo().baseUrl()
            + ", timers failing over after "
            + LibertyCluster.MISSED_TASK_THRESHOLD);
    out.println(
        "  Keycloak cluster, realm "
            + REALM
            + ": "
            + keycloak.publicUrl()
            + "/admin/"
            + REALM
            + "/console/ (balancer; nodes "
            + keycloak.urlA()
            + " and "
            + keycloak.urlB()
            + ")");
    out.println("    realm admin: " + realmAdmin.username() + " / " + realmAdmin.password());
    out.println(
        "    "
            + ORG_NAME
            + " ("
            + members.size()
            + " members), e.g. "
            + members.get(0).username()
            + " / "
            + members.get(0).password());
  }
}
