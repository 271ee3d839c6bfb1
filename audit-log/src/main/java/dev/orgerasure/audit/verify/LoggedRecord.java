package dev.orgerasure.audit.verify;

import java.util.Optional;

/**
 * A record as the log holds it, for {@link LogVerifier}: its JSON and, where the store keeps it
 * beside the record, the leaf hash computed when it was written.
 */
public final class LoggedRecord {

  private final String json;
  private final byte[] storedLeafHash;

  private LoggedRecord(String json, byte[] storedLeafHash) {
    this.json = json;
    this.storedLeafHash = storedLeafHash;
  }

  public static LoggedRecord of(String json) {
    return new LoggedRecord(json, null);
  }

  public static LoggedRecord withStoredLeafHash(String json, byte[] leafHash) {
    return new LoggedRecord(json, leafHash.clone());
  }

  public String json() {
    return json;
  }

  public Optional<byte[]> storedLeafHash() {
    return Optional.ofNullable(storedLeafHash).map(byte[]::clone);
  }
}
