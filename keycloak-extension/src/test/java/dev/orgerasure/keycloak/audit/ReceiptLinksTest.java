package dev.orgerasure.keycloak.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.keycloak.settings.ErasureSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptLinksTest {

  private static final URI KEYCLOAK = URI.create("http://127.0.0.1:8080");

  @TempDir Path directory;
  private AuditKeys keys;

  @BeforeEach
  void auditKeys() {
    keys =
        AuditKeys.open(
            new ErasureSettings(
                Set.of("security-admin-console"),
                300,
                1000,
                500,
                5000,
                2,
                0,
                2592000,
                URI.create("http://127.0.0.1:9080/erasure/api"),
                KEYCLOAK,
                KEYCLOAK,
                "org-erasure-dispatcher",
                "erasure-service",
                2000,
                60,
                120,
                0,
                directory.resolve("audit-keys.p12"),
                "test-password",
                "audit-1",
                directory.resolve("checkpoints")));
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
