package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.contract.HandOver;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The erasure-service's erasure API answers Keycloak's dispatcher only: a valid token of the realm,
 * with the service's audience and a role named {@code request-erasure}, from any other client is
 * refused with 403, and nothing is handed over.
 */
@WholeSystemTest
class ServiceRefusalsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SystemUnderTest sut;
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoOrg org;

  ServiceRefusalsIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @BeforeEach
  void anOrganisationWithAppData() {
    org = sut.createOrg(2);
  }

  private HttpResponse<String> handOver(String token) throws Exception {
    HandOver body =
        new HandOver(UUID.randomUUID().toString(), org.id(), org.name(), 3600L, null, null, null);
    return http.send(
        HttpRequest.newBuilder(sut.system().libertyUrl().resolve("/erasure/api/erasures"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> dataCounts(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                sut.system()
                    .libertyUrl()
                    .resolve("/erasure/api/organizations/" + org.id() + "/data"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void assertHandOverRefusedAndNothingChanged(String token, String error) throws Exception {
    Map<String, Long> rowsBefore = AppData.rowsOf(sut.system(), org.id());
    Map<String, String> othersBefore = AppData.everythingBut(sut.system(), org.id());

    HttpResponse<String> answer = handOver(token);

    assertEquals(403, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"error\":\"" + error + "\""), answer.body());
    assertEquals(0, purgesOfTheOrganisation());
    assertEquals(rowsBefore, AppData.rowsOf(sut.system(), org.id()));
    assertEquals(othersBefore, AppData.everythingBut(sut.system(), org.id()));
  }

  private long purgesOfTheOrganisation() {
    return Sql.count(
        sut.system()::learningDatabase, "select count(*) from purge where org_id = ?", org.id());
  }

  @Test
  void handOverByAnotherClientWithARealmRoleNamedRequestErasureIsForbiddenAndChangesNothing()
      throws Exception {
    assertHandOverRefusedAndNothingChanged(clientWithRealmRoleInGroupsToken(), "wrong-client");
  }

  @Test
  void handOverByAnotherClientWithTheServicesClientRoleIsForbiddenAndChangesNothing()
      throws Exception {
    assertHandOverRefusedAndNothingChanged(clientWithServiceClientRoleToken(), "wrong-client");
  }

  @Test
  void batchedDataCountsForAnotherClientWithTheServicesClientRoleAreForbidden() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(
                    sut.system().libertyUrl().resolve("/erasure/api/organizations/data"))
                .header("Authorization", "Bearer " + clientWithServiceClientRoleToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[\"" + org.id() + "\"]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(403, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"error\":\"wrong-client\""), answer.body());
  }

  @Test
  void dataCountsForAnotherClientWithTheServicesClientRoleAreForbidden() throws Exception {
    HttpResponse<String> answer = dataCounts(clientWithServiceClientRoleToken());

    assertEquals(403, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"error\":\"wrong-client\""), answer.body());
  }

  /**
   * A client whose token carries the service's audience and a realm role {@code request-erasure} in
   * its {@code groups} claim, as Keycloak's {@code microprofile-jwt} scope would put it there.
   */
  private String clientWithRealmRoleInGroupsToken() throws Exception {
    KeycloakAdminClient admin = sut.masterAdmin();
    JsonRole role = realmRequestErasureRole(admin);
    ImpostorClients.NewClient client =
        ImpostorClients.create(admin, List.of(audienceMapper(), realmRolesAsGroups()));
    admin.post(
        DemoRealm.ADMIN_PATH + "/users/" + client.serviceAccountId() + "/role-mappings/realm",
        List.of(Map.of("id", role.id(), "name", role.name())));
    String token = ImpostorClients.token(sut, client);
    JsonNode claims = claims(token);
    // The token would pass the old role check: the refusal is about the client.
    assertTrue(
        claims.path("groups").toString().contains(DemoRealm.REQUEST_ERASURE_ROLE),
        claims.toString());
    assertTrue(claims.path("aud").toString().contains(DemoRealm.SERVICE_CLIENT), claims.toString());
    return token;
  }

  /**
   * A client like the dispatcher: its service account holds {@code erasure-service}/{@code
   * request-erasure}, also mapped into {@code groups}; only the client differs.
   */
  private String clientWithServiceClientRoleToken() {
    KeycloakAdminClient admin = sut.masterAdmin();
    ImpostorClients.NewClient client =
        ImpostorClients.create(admin, List.of(serviceRolesAsGroups()));
    String serviceClient =
        admin
            .get(DemoRealm.ADMIN_PATH + "/clients?clientId=" + DemoRealm.SERVICE_CLIENT)
            .get(0)
            .path("id")
            .asText();
    JsonNode role =
        admin.get(
            DemoRealm.ADMIN_PATH
                + "/clients/"
                + serviceClient
                + "/roles/"
                + DemoRealm.REQUEST_ERASURE_ROLE);
    admin.post(
        DemoRealm.ADMIN_PATH
            + "/users/"
            + client.serviceAccountId()
            + "/role-mappings/clients/"
            + serviceClient,
        List.of(role));
    return ImpostorClients.token(sut, client);
  }

  private record JsonRole(String id, String name) {}

  private static JsonRole realmRequestErasureRole(KeycloakAdminClient admin) {
    String path = DemoRealm.ADMIN_PATH + "/roles/" + DemoRealm.REQUEST_ERASURE_ROLE;
    if (admin.find(path).isEmpty()) {
      admin.post(DemoRealm.ADMIN_PATH + "/roles", Map.of("name", DemoRealm.REQUEST_ERASURE_ROLE));
    }
    return new JsonRole(admin.get(path).path("id").asText(), DemoRealm.REQUEST_ERASURE_ROLE);
  }

  private static JsonNode claims(String token) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
  }

  private static Map<String, Object> realmRolesAsGroups() {
    return Map.of(
        "name", "realm roles as groups",
        "protocol", "openid-connect",
        "protocolMapper", "oidc-usermodel-realm-role-mapper",
        "config",
            Map.of(
                "claim.name", "groups",
                "multivalued", "true",
                "jsonType.label", "String",
                "access.token.claim", "true"));
  }

  private static Map<String, Object> audienceMapper() {
    return Map.of(
        "name", "erasure-service audience",
        "protocol", "openid-connect",
        "protocolMapper", "oidc-audience-mapper",
        "config",
            Map.of(
                "included.client.audience",
                DemoRealm.SERVICE_CLIENT,
                "access.token.claim",
                "true"));
  }

  private static Map<String, Object> serviceRolesAsGroups() {
    return Map.of(
        "name", "erasure-service roles as groups",
        "protocol", "openid-connect",
        "protocolMapper", "oidc-usermodel-client-role-mapper",
        "config",
            Map.of(
                "usermodel.clientRoleMapping.clientId", DemoRealm.SERVICE_CLIENT,
                "claim.name", "groups",
                "multivalued", "true",
                "jsonType.label", "String",
                "access.token.claim", "true"));
  }
}
