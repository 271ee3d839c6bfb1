package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.FreePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The completion e-mail to whoever requested the erasure, and what happens when it cannot be sent.
 */
@WholeSystemTest
class CompletionNoticeIT {

  private static final Duration COMPLETION = Duration.ofMinutes(2);

  private final SystemUnderTest sut;

  CompletionNoticeIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  private String eraseAsRealmAdmin(DemoOrg org) {
    ErasureAdminApi api =
        new ErasureAdminApi(
            sut.system().keycloakUrl(),
            sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
    ErasureAdminApi.Answer answer = api.startErasure(org.id(), org.name());
    assertEquals(201, answer.status(), answer.body());
    return answer.json().path("id").asText();
  }

  @Test
  void realmAdminWhoStartedTheErasureIsToldByMail() throws Exception {
    DemoOrg org = sut.createOrg(2);
    String requestId = eraseAsRealmAdmin(org);
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(sut.system(), requestId, Set.of("COMPLETED"), COMPLETION));

    String realmAdmin = DemoRealm.REALM_ADMIN_EMAIL;
    List<Mailbox.Mail> mails =
        Mailbox.to(sut.system(), realmAdmin).stream()
            .filter(mail -> mail.subject().contains(org.name()))
            .toList();
    assertEquals(1, mails.size());
    assertTrue(mails.get(0).text().contains(org.name() + " (2 members)"), mails.get(0).text());
    assertFalse(mails.get(0).text().contains("Your own account is deleted"), mails.get(0).text());
    ErasureRecords.Audit audit = ErasureRecords.completionRecord(sut.system(), requestId);
    assertTrue(audit.notificationSent());
    assertTrue(audit.notifiedTo(realmAdmin), audit.notifiedToDigest());
  }

  @Test
  void erasureCompletesWithExactCountsWhenTheMailCannotBeSentAndTheAuditSaysSo() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Map<String, Long> rowsBefore = AppData.rowsOf(sut.system(), org.id());
    Map<String, String> othersBefore = AppData.everythingBut(sut.system(), org.id());
    pointRealmMailAt(FreePorts.find());
    String requestId;
    try {
      requestId = eraseAsRealmAdmin(org);
      assertEquals(
          "COMPLETED",
          ErasureRecords.awaitState(sut.system(), requestId, Set.of("COMPLETED"), COMPLETION));
    } finally {
      pointRealmMailAt(sut.system().smtpPort());
    }

    ErasureRecords.Audit audit = ErasureRecords.completionRecord(sut.system(), requestId);
    assertFalse(audit.notificationSent());
    assertNull(audit.notifiedToDigest());
    assertTrue(audit.notificationError().contains("could not be sent"), audit.notificationError());
    assertTrue(
        sut.masterAdmin().find(DemoRealm.ADMIN_PATH + "/organizations/" + org.id()).isEmpty());
    assertEquals(2, audit.counts().path("identitiesDeleted").asLong());
    rowsBefore.forEach((table, rows) -> assertEquals((long) rows, audit.rowsDeleted(table), table));
    AppData.rowsOf(sut.system(), org.id()).forEach((table, rows) -> assertEquals(0L, rows, table));
    assertEquals(othersBefore, AppData.everythingBut(sut.system(), org.id()));
  }

  private void pointRealmMailAt(int port) {
    sut.masterAdmin().put(DemoRealm.ADMIN_PATH, Map.of("smtpServer", DemoData.smtpServer(port)));
  }
}
