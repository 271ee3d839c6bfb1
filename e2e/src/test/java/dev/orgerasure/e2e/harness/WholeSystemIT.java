package dev.orgerasure.e2e.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@WholeSystemTest
class WholeSystemIT {

  private final SystemUnderTest sut;

  WholeSystemIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void erasureServiceReportsReady() throws Exception {
    assertEquals(200, status(sut.system().libertyUrl().resolve("/health/ready")));
  }

  @Test
  void demoOrganisationsHaveTheirSizesInKeycloak() {
    List<DemoOrg> orgs = sut.demo().orgs();
    assertEquals(
        List.of("Acme Academy", "Globex Learning", "Initech Training"),
        orgs.stream().map(DemoOrg::name).toList());
    for (DemoOrg org : orgs) {
      long count =
          sut.masterAdmin()
              .get(DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/members/count")
              .asLong();
      assertEquals(org.members().size(), count, org.name());
    }
    assertEquals(List.of(50, 20, 10), orgs.stream().map(o -> o.members().size()).toList());
  }

  @Test
  void orgAdminIsTheOneMemberAllowedToEraseTheOrganisationThemselves() {
    DemoOrg org = sut.demo().orgs().get(1);
    JsonNode erasers =
        new KeycloakAdminClient(
                sut.system().keycloakUrl(),
                DemoRealm.REALM,
                DemoRealm.REALM_ADMIN_USERNAME,
                DemoRealm.REALM_ADMIN_PASSWORD)
            .get(
                DemoRealm.ADMIN_PATH
                    + "/org-erasure/organizations/"
                    + org.id()
                    + "/self-service-erasers");
    assertEquals(1, erasers.size(), erasers.toString());
    assertEquals(org.admin().id(), erasers.get(0).path("userId").asText());
    assertEquals(org.admin().username(), erasers.get(0).path("username").asText());
  }

  @Test
  void freshOrgHasItsMembersInKeycloakAndItsAppDataInTheDatabaseAndFileStore() throws Exception {
    DemoOrg org = sut.createOrg(3);
    assertEquals(
        3,
        sut.masterAdmin()
            .get(DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/members/count")
            .asLong());
    try (Connection db = sut.system().learningDatabase()) {
      assertEquals(3, countRows(db, "memberships", org.id()));
      assertEquals(org.appData().enrollments(), countRows(db, "enrollments", org.id()));
      assertEquals(org.appData().assets(), countRows(db, "assets", org.id()));
      try (PreparedStatement paths =
          db.prepareStatement("SELECT file_path FROM assets WHERE org_id = ?")) {
        paths.setString(1, org.id());
        ResultSet rows = paths.executeQuery();
        while (rows.next()) {
          assertTrue(Files.isRegularFile(sut.system().fileStoreRoot().resolve(rows.getString(1))));
        }
      }
    }
  }

  @Test
  void keycloakDatabaseHoldsTheRealm() throws Exception {
    try (Connection db = sut.system().keycloakDatabase();
        PreparedStatement realm =
            db.prepareStatement("SELECT count(*) FROM realm WHERE name = ?")) {
      realm.setString(1, DemoRealm.REALM);
      ResultSet count = realm.executeQuery();
      count.next();
      assertEquals(1, count.getInt(1));
    }
  }

  private static int status(URI url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static int countRows(Connection db, String table, String orgId) throws Exception {
    try (PreparedStatement count =
        db.prepareStatement("SELECT count(*) FROM " + table + " WHERE org_id = ?")) {
      count.setString(1, orgId);
      ResultSet rows = count.executeQuery();
      rows.next();
      return rows.getInt(1);
    }
  }
}
