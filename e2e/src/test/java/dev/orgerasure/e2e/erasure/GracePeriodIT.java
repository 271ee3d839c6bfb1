package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The grace period runs on the service's persistent timer: a Liberty restart in the middle neither
 * starts the purge early nor loses it, and the purge runs once. A realm may set its own default.
 */
@WholeSystemTest
class GracePeriodIT {

  private static final int GRACE_SECONDS = 30;
  private static final Duration COMPLETION = Duration.ofMinutes(3);

  private final SystemUnderTest sut;

  GracePeriodIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void purgeStartsAfterTheGracePeriodAcrossALibertyRestartAndRunsOnce() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Map<String, Long> rowsBefore = AppData.rowsOf(sut.system(), org.id());
    ErasureAdminApi admin =
        new ErasureAdminApi(
            sut.system().keycloakUrl(),
            sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
    ErasureAdminApi.Answer started = admin.startErasure(org.id(), org.name(), GRACE_SECONDS);
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();
    ErasureRecords.awaitState(sut.system(), erasure, Set.of("SCHEDULED"), COMPLETION);

    sut.system().stopLiberty();
    sut.system().startLiberty();

    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(sut.system(), erasure, Set.of("COMPLETED"), COMPLETION));
    JsonNode purge = admin.purge(erasure).json();
    Instant graceUntil = Instant.parse(purge.path("graceUntil").asText());
    Instant startedAt = Instant.parse(purge.path("startedAt").asText());
    assertFalse(startedAt.isBefore(graceUntil), purge.toString());
    assertEquals(
        1,
        ErasureRecords.auditRecords(sut.system(), erasure).stream()
            .filter(record -> record.event().equals("APP_DATA_PURGED"))
            .count());
    ErasureRecords.Audit completion = ErasureRecords.completionRecord(sut.system(), erasure);
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, completion.rowsDeleted(table), table));
    assertTrue(AppData.rowsOf(sut.system(), org.id()).values().stream().allMatch(n -> n == 0));
  }

  @Test
  void anErasureThatNamesNoGracePeriodTakesTheRealmsOwnDefault() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String form =
        DemoData.saveErasureSettings(
            sut.masterAdmin(), DemoRealm.REALM, Map.of("org-erasure-grace-period-default", "7200"));
    ErasureAdminApi admin =
        new ErasureAdminApi(
            sut.system().keycloakUrl(),
            sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
    try {
      ErasureAdminApi.Answer started =
          admin.startErasureWithBody(org.id(), "{\"confirmation\": \"" + org.name() + "\"}");

      assertEquals(201, started.status(), started.body());
      assertEquals(7200, started.json().path("gracePeriodSeconds").asInt(), started.body());
      ErasureRecords.awaitState(
          sut.system(), started.json().path("id").asText(), Set.of("SCHEDULED"), COMPLETION);
      assertEquals(200, admin.cancel(started.json().path("id").asText()).status());
    } finally {
      sut.masterAdmin().delete(DemoRealm.ADMIN_PATH + "/components/" + form);
    }
  }
}
