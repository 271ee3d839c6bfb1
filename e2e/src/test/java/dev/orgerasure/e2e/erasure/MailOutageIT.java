package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.FreePorts;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The realm's mail server is out of reach when the "erasure scheduled" e-mail is due: the requester
 * is locked out and that mail carries their cancel link, so the erasure records why it could not be
 * sent and Keycloak tries again until it is sent or the grace period ends; the erasure goes on
 * meanwhile. (The completion notice, tried once and recorded in the audit, is {@code
 * CompletionNoticeIT}'s.)
 */
@WholeSystemTest
class MailOutageIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);

  /** Long enough for the mail server to come back before the purge starts. */
  private static final int GRACE_SECONDS = 20;

  private final SystemUnderTest sut;
  private final WholeSystem system;

  MailOutageIT(SystemUnderTest sut) {
    this.sut = sut;
    this.system = sut.system();
  }

  @Test
  void scheduledNoticeThatCouldNotBeSentIsRecordedAndSentOnceTheMailServerIsBack()
      throws Exception {
    DemoOrg org = sut.createOrg(3);
    Map<String, Long> rowsBefore = AppData.rowsOf(system, org.id());
    Map<String, String> othersBefore = AppData.everythingBut(system, org.id());
    ErasureAdminApi admin =
        new ErasureAdminApi(
            system.keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());

    String requestId;
    JsonNode failed;
    pointRealmMailAt(FreePorts.find());
    try {
      ErasureAdminApi.Answer started = admin.startErasure(org.id(), org.name(), GRACE_SECONDS);
      assertEquals(201, started.status(), started.body());
      requestId = started.json().path("id").asText();
      failed =
          await("the scheduled notice's failure on the erasure")
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> admin.erasure(requestId).json(),
                  erasure -> erasure.hasNonNull("scheduledNoticeError"));
    } finally {
      pointRealmMailAt(system.smtpPort());
    }
    assertEquals("SCHEDULED", failed.path("state").asText(), failed.toString());
    assertTrue(
        failed.path("scheduledNoticeError").asText().contains("could not be sent"),
        failed.toString());
    assertFalse(failed.hasNonNull("scheduledNoticeSentAt"), failed.toString());

    CancelLink.mailedTo(system, DemoRealm.REALM_ADMIN_EMAIL, org.name());
    JsonNode sent =
        await("the scheduled notice recorded as sent")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> admin.erasure(requestId).json(),
                erasure -> erasure.hasNonNull("scheduledNoticeSentAt"));
    assertFalse(sent.hasNonNull("scheduledNoticeError"), sent.toString());

    assertEquals(
        "COMPLETED", ErasureRecords.awaitState(system, requestId, ErasureStates.DONE, COMPLETION));
    AppData.rowsOf(system, org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    for (Member member : org.members()) {
      assertFalse(RealmState.userExists(system, member.id()), member.username());
    }
    assertEquals(othersBefore, AppData.everythingBut(system, org.id()));
    ErasureRecords.Audit record = ErasureRecords.completionRecord(system, requestId);
    rowsBefore.forEach(
        (table, rows) -> assertEquals((long) rows, record.rowsDeleted(table), table));
    assertEquals(org.members().size(), record.counts().path("identitiesDeleted").asLong());
  }

  private void pointRealmMailAt(int port) {
    sut.masterAdmin().put(DemoRealm.ADMIN_PATH, Map.of("smtpServer", DemoData.smtpServer(port)));
  }
}
