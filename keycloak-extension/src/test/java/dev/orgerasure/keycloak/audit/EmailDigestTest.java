package dev.orgerasure.keycloak.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EmailDigestTest {

  @Test
  void theDigestNamesTheAddressWhateverItsCase() {
    String digest = EmailDigest.of("Ada@Example.org");
    assertTrue(EmailDigest.matches(digest, "ada@example.org"));
    assertTrue(EmailDigest.matches(digest, "ADA@EXAMPLE.ORG"));
  }

  @Test
  void theDigestDoesNotNameAnotherAddress() {
    assertFalse(EmailDigest.matches(EmailDigest.of("ada@example.org"), "bob@example.org"));
  }

  @Test
  void theDigestDoesNotCarryTheAddress() {
    assertFalse(EmailDigest.of("ada@example.org").contains("ada"));
  }

  /** A fresh salt each time: two records of the same person cannot be told apart as such. */
  @Test
  void twoDigestsOfOneAddressDiffer() {
    assertNotEquals(EmailDigest.of("ada@example.org"), EmailDigest.of("ada@example.org"));
  }

  /** The format docs/audit.md gives, recomputed here as a reader of the log would. */
  @Test
  void theDigestIsSha256OfTheSaltThenTheAddressInLowerCase() throws Exception {
    String[] parts = EmailDigest.of("Ada@Example.org").split(":");
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(HexFormat.of().parseHex(parts[1]));
    byte[] expected = sha256.digest("ada@example.org".getBytes(StandardCharsets.UTF_8));
    assertTrue(parts[0].equals("sha256") && parts[1].length() == 32);
    assertTrue(HexFormat.of().formatHex(expected).equals(parts[2]));
  }

  @Test
  void noAddressHasNoDigest() {
    assertNull(EmailDigest.of(null));
    assertFalse(EmailDigest.matches(null, "ada@example.org"));
    assertFalse(EmailDigest.matches("sha256:zz:zz", "ada@example.org"));
  }
}
