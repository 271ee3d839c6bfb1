package dev.orgerasure.audit.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 and the lowercase hex in which every hash of the log is written (docs/audit.md). */
public final class Hashes {

  /** Bytes in a SHA-256 hash. */
  public static final int LENGTH = 32;

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");

  private Hashes() {}

  /** SHA-256 of the parts, one after another. */
  public static byte[] sha256(byte[]... parts) {
    MessageDigest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  public static String toHex(byte[] hash) {
    return HEX.formatHex(hash);
  }

  /** The hash written as 64 lowercase hex digits; anything else is refused. */
  public static byte[] fromHex(String hex) {
    if (hex == null || !HEX_HASH.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hash in lowercase hex: " + hex);
    }
    return HEX.parseHex(hex);
  }

  public static boolean isHex(String hex) {
    return hex != null && HEX_HASH.matcher(hex).matches();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
