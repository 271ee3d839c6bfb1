package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only the erasure-service, about an erasure it is purging, may report app data purged. */
@WholeSystemTest
class ForgedCallbackIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SystemUnderTest sut;
  private final HttpClient http = HttpClient.newHttpClient();
  private String requestId;
  private String organizationId;

  ForgedCallbackIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @BeforeEach
  void anErasureInItsGracePeriod() {
    DemoOrg org = sut.createOrg(2);
    ErasureAdminApi api =
        new ErasureAdminApi(
            sut.system().keycloakUrl(),
            sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
    requestId = api.startErasure(org.id(), org.name(), 3600).json().path("id").asText();
    organizationId = org.id();
  }

  private int report(String erasureId, Optional<String> token) throws Exception {
    return report(
        erasureId, token, new PurgeReport(erasureId, "forged", List.of(), new FileOutcome(0, 0)));
  }

  private int report(String erasureId, Optional<String> token, PurgeReport body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                sut.system()
                    .keycloakUrl()
                    .resolve(
                        "/realms/"
                            + DemoRealm.REALM
                            + "/org-erasure/erasures/"
                            + erasureId
                            + "/app-data-purged"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private void assertRefusedAndNothingChanged(int status, String erasureId, Optional<String> token)
      throws Exception {
    assertRefusedAndNothingChanged(
        status,
        erasureId,
        token,
        new PurgeReport(erasureId, "forged", List.of(), new FileOutcome(0, 0)));
  }

  private void assertRefusedAndNothingChanged(
      int status, String erasureId, Optional<String> token, PurgeReport body) throws Exception {
    SystemState before = SystemState.read(sut.system());
    String stateBefore = ErasureRecords.state(sut.system(), requestId);

    assertEquals(status, report(erasureId, token, body));

    assertEquals(before, SystemState.read(sut.system()));
    assertEquals(stateBefore, ErasureRecords.state(sut.system(), requestId));
  }

  private String serviceToken() {
    return sut.tokens()
        .clientCredentials(
            DemoRealm.REALM, DemoRealm.SERVICE_CLIENT, WholeSystem.ERASURE_SERVICE_CLIENT_SECRET)
        .requireSuccess()
        .accessToken();
  }

  @Test
  void reportWithoutTokenIsUnauthorizedAndChangesNothing() throws Exception {
    assertRefusedAndNothingChanged(401, requestId, Optional.empty());
  }

  @Test
  void reportWithAGarbledTokenIsUnauthorizedAndChangesNothing() throws Exception {
    assertRefusedAndNothingChanged(401, requestId, Optional.of("not.a.token"));
  }

  @Test
  void reportFromAnotherClientIsForbiddenAndChangesNothing() throws Exception {
    assertRefusedAndNothingChanged(
        403, requestId, Optional.of(Admins.serviceAccountWithErasureRoleToken(sut)));
  }

  @Test
  void reportAboutAnUnknownErasureIsNotFoundAndChangesNothing() throws Exception {
    assertRefusedAndNothingChanged(
        404, "00000000-0000-0000-0000-000000000000", Optional.of(serviceToken()));
  }

  @Test
  void reportNamingAnotherOrganisationIsRefusedAndChangesNothing() throws Exception {
    String otherOrganisation = sut.createOrg(1).id();
    assertRefusedAndNothingChanged(
        400,
        requestId,
        Optional.of(serviceToken()),
        new PurgeReport(requestId, otherOrganisation, List.of(), new FileOutcome(0, 0)));
  }

  @Test
  void reportLargerThanWhatTheErasureKeepsIsRefusedAndChangesNothing() throws Exception {
    List<TableCount> oversized =
        IntStream.range(0, 10)
            .mapToObj(
                i -> new TableCount("table" + i, "x".repeat(500), true, DetachAction.DELETE, i))
            .toList();
    assertRefusedAndNothingChanged(
        413,
        requestId,
        Optional.of(serviceToken()),
        new PurgeReport(requestId, organizationId, oversized, new FileOutcome(0, 0)));
  }
}
