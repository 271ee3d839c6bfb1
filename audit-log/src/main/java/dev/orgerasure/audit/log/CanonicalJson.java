package dev.orgerasure.audit.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme): the one byte form of a record that is hashed, so that
 * whitespace, member order or number spelling never change a record's hash.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** The canonical form of a JSON text; refuses text that is not JSON. */
  public static String canonicalize(String json) {
    try {
      return new JsonCanonicalizer(json).getEncodedString();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The canonical form as UTF-8, the bytes a leaf hash is taken of. */
  public static byte[] canonicalBytes(String json) {
    return canonicalize(json).getBytes(StandardCharsets.UTF_8);
  }
}
