package dev.orgerasure.e2e.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The realm set-up files of {@code keycloak-extension/realm-setup/} that {@code setup-realm.sh}
 * applies to a user's realm (docs/operating.md): the harness builds its realms from the same files,
 * so that what the tests run and what users apply cannot drift apart.
 */
final class RealmSetupFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RealmSetupFiles() {}

  /** Our themes and Organizations. */
  static Map<String, Object> realmAttributes() {
    return read("realm.json");
  }

  /** The erasure-service's client, with the secret the service reports back with. */
  static Map<String, Object> serviceClient(String secret) {
    return withSecret(read("erasure-service-client.json"), secret);
  }

  /** The client whose service account hands erasures over. */
  static Map<String, Object> dispatcherClient(String secret) {
    return withSecret(read("dispatcher-client.json"), secret);
  }

  private static Map<String, Object> withSecret(Map<String, Object> client, String secret) {
    Map<String, Object> withSecret = new LinkedHashMap<>(client);
    withSecret.put("secret", secret);
    return withSecret;
  }

  private static Map<String, Object> read(String file) {
    try (InputStream in =
        RealmSetupFiles.class.getClassLoader().getResourceAsStream("realm-setup/" + file)) {
      if (in == null) {
        throw new IllegalStateException("realm-setup/" + file + " is not on the class path");
      }
      return JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
