package dev.orgerasure.keycloak.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.keycloak.util.JsonSerialization;

/**
 * The bodies of docs/contract.md as Keycloak reads and writes them: Keycloak's own Jackson mapper,
 * with unknown fields and missing numbers refused, so that a body the contract does not describe is
 * not taken for one.
 */
public final class ContractJson {

  private static final ObjectMapper MAPPER =
      JsonSerialization.mapper
          .copy()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ContractJson() {}

  /** Throws {@link IOException} when the JSON is not a {@code type} of the contract. */
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    T body = MAPPER.readValue(json, type);
    if (body == null) {
      throw new IOException("No " + type.getSimpleName());
    }
    return body;
  }

  public static <T> T read(String json, Class<T> type) throws IOException {
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  /** A body this side stored itself; failing to read it back is a bug, not bad input. */
  public static <T> T readStored(String json, Class<T> type) {
    try {
      return read(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored " + type.getSimpleName() + " does not read back", e);
    }
  }

  public static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
