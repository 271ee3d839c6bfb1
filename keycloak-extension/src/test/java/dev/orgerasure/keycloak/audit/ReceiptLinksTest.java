package dev.orgerasure.keycloak.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.audit.checkpoint.AuditKeyStore;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptLinksTest {

  private static final URI KEYCLOAK = URI.create("http://127.0.0.1:8080");

  private static final char[] PASSWORD = "test-password".toCharArray();

  private AuditKeyStore keys;

  @BeforeEach
  void auditKeys() throws Exception {
    keys =
        AuditKeyStore.load(
            AuditKeyStore.generate((byte[]) null, PASSWORD, "audit-1"), PASSWORD, "audit-1");
  }

  private Optional<String> erasureBehind(URI link, ReceiptLinks links) {
    String token = link.getQuery().substring("token=".length());
    return links.erasureOf(
        java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aLinkWithoutExpiryNamesItsErasure() {
    ReceiptLinks links = new ReceiptLinks(keys, Duration.ZERO);
    assertEquals(
        Optional.of("erasure-1"), erasureBehind(links.linkFor(KEYCLOAK, "erasure-1"), links));
  }

  @Test
  void aLinkWithinItsLifetimeNamesItsErasure() {
    ReceiptLinks links = new ReceiptLinks(keys, Duration.ofDays(30));
    assertEquals(
        Optional.of("erasure-1"), erasureBehind(links.linkFor(KEYCLOAK, "erasure-1"), links));
  }

  @Test
  void aLinkPastItsLifetimeNamesNothing() {
    ReceiptLinks expired = new ReceiptLinks(keys, Duration.ofSeconds(-1));
    assertTrue(erasureBehind(expired.linkFor(KEYCLOAK, "erasure-1"), expired).isEmpty());
  }

  @Test
  void aChangedTokenNamesNothing() {
    ReceiptLinks links = new ReceiptLinks(keys, Duration.ZERO);
    assertTrue(links.erasureOf(links.tokenFor("erasure-1") + "x").isEmpty());
  }
}
