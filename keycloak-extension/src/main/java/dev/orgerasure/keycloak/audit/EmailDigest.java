package dev.orgerasure.keycloak.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the audit log names an e-mail address (docs/audit.md, "Records"): {@code
 * sha256:<salt>:<hash>}, the hash being SHA-256 of the 16 random salt bytes followed by the address
 * in lower case (UTF-8), both in hex. A record, a receipt or an export that travels further than
 * the identity team then does not carry the address, and the log keeps no personal data of an
 * erased requester; whoever knows an address can still check it against the record.
 */
public final class EmailDigest {

  private static final String PREFIX = "sha256:";
  private static final int SALT_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private EmailDigest() {}

  /** The digest of the address with a fresh salt; {@code null} for none. */
  public static String of(String email) {
    if (email == null) {
      return null;
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return PREFIX + HEX.formatHex(salt) + ":" + HEX.formatHex(hash(salt, email));
  }

  /** Whether the digest names this address. */
  public static boolean matches(String digest, String email) {
    if (digest == null || email == null || !digest.startsWith(PREFIX)) {
      return false;
    }
    String[] parts = digest.substring(PREFIX.length()).split(":");
    if (parts.length != 2) {
      return false;
    }
    try {
      return MessageDigest.isEqual(HEX.parseHex(parts[1]), hash(HEX.parseHex(parts[0]), email));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
  }

  private static byte[] hash(byte[] salt, String email) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return sha256.digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
