package dev.orgerasure.keycloak.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduledNoticeAttemptsTest {

  @Test
  void noticeOfAnErasureWithoutAGracePeriodIsNeverPending() {
    assertFalse(new ScheduledNoticeAttempts().isPending());
  }

  @Test
  void failedNoticeKeepsItsReasonAndStaysPendingUntilSent() {
    ScheduledNoticeAttempts notice = new ScheduledNoticeAttempts();
    notice.due(1_000);
    notice.failed("The e-mail could not be sent: Connection refused", 2_000);

    assertTrue(notice.isPending());
    assertEquals("The e-mail could not be sent: Connection refused", notice.lastError());

    notice.sent(3_000);
    assertFalse(notice.isPending());
    assertNull(notice.lastError());
    assertEquals(3_000L, notice.sentAt());
    assertEquals(2, notice.attempts());
  }

  @Test
  void noticeGivenUpIsNoLongerPendingAndKeepsItsReason() {
    ScheduledNoticeAttempts notice = new ScheduledNoticeAttempts();
    notice.due(1_000);
    notice.failed("The requester has no e-mail address", 2_000);
    notice.givenUp();

    assertFalse(notice.isPending());
    assertEquals("The requester has no e-mail address", notice.lastError());
  }

  @Test
  void waitDoublesPerFailureUpToTheLongest() {
    ScheduledNoticeAttempts notice = new ScheduledNoticeAttempts();
    notice.due(0);
    assertEquals(1, notice.backoffSeconds(5));
    notice.failed("down", 1_000);
    assertEquals(2, notice.backoffSeconds(5));
    notice.failed("down", 3_000);
    assertEquals(4, notice.backoffSeconds(5));
    notice.failed("down", 7_000);
    assertEquals(5, notice.backoffSeconds(5));
  }
}
