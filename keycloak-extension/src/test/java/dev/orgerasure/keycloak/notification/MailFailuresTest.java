package dev.orgerasure.keycloak.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MailFailuresTest {

  private static Exception refused(String serverSaid) {
    return new Exception("Failed to send email", new IllegalStateException(serverSaid));
  }

  @Test
  void theReasonIsWhatTheInnermostCauseSaid() {
    assertEquals(
        "550 5.1.1 <ada@acme.example> User unknown",
        MailFailures.rootMessage(refused("550 5.1.1 <ada@acme.example> User unknown")));
  }

  @Test
  void aCauseWithoutAMessageIsNamedByItsClass() {
    assertEquals(
        "IllegalStateException",
        MailFailures.rootMessage(new Exception("x", new IllegalStateException())));
  }

  @Test
  void theLoggedReasonDoesNotNameTheRecipient() {
    assertEquals(
        "550 5.1.1 <<recipient>> User unknown",
        MailFailures.forLog(
            refused("550 5.1.1 <ada@acme.example> User unknown"), "ada@acme.example"));
  }

  @Test
  void theLoggedReasonDoesNotNameTheRecipientInAnotherCase() {
    assertEquals(
        "rejected: <recipient>, <recipient>",
        MailFailures.forLog(
            refused("rejected: Ada@Acme.example, ADA@ACME.EXAMPLE"), "ada@acme.example"));
  }

  @Test
  void aReasonWithoutTheAddressIsLoggedAsItIs() {
    assertEquals(
        "Connection refused",
        MailFailures.forLog(refused("Connection refused"), "ada@acme.example"));
  }
}
