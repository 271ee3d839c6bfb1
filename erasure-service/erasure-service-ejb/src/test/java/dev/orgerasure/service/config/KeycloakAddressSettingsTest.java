package dev.orgerasure.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak addresses as MicroProfile Config resolves them from microprofile-config.properties
 * (its property expressions, the environment above the file): each defaults from {@code
 * ERASURE_KEYCLOAK_URL} and the realm, and each can be set on its own. Liberty resolves
 * server.xml's variables of the same names and defaults (SettingsDocumentationTest) the same way
 * for mpJwt.
 */
class KeycloakAddressSettingsTest {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

  @Test
  void theDefaultsFollowTheKeycloakUrlAndRealm() throws Exception {
    Map<String, String> config = resolved(Map.of());

    assertEquals("http://127.0.0.1:8080/realms/learning", config.get("erasure.keycloak.issuer"));
    assertEquals(
        "http://127.0.0.1:8080/realms/learning/protocol/openid-connect/certs",
        config.get("erasure.keycloak.jwks-url"));
    assertEquals("http://127.0.0.1:8080", config.get("erasure.keycloak.backchannel-url"));
  }

  @Test
  void oneUrlAndRealmMoveAllThree() throws Exception {
    Map<String, String> config =
        resolved(
            Map.of(
                "ERASURE_KEYCLOAK_URL", "http://keycloak.internal:8080",
                "ERASURE_KEYCLOAK_REALM", "crm"));

    assertEquals("http://keycloak.internal:8080/realms/crm", config.get("erasure.keycloak.issuer"));
    assertEquals(
        "http://keycloak.internal:8080/realms/crm/protocol/openid-connect/certs",
        config.get("erasure.keycloak.jwks-url"));
    assertEquals("http://keycloak.internal:8080", config.get("erasure.keycloak.backchannel-url"));
  }

  /** Behind a proxy: tokens name the public address, the service calls the internal one. */
  @Test
  void thePublicIssuerIsSetApartFromTheInternalAddress() throws Exception {
    Map<String, String> config =
        resolved(
            Map.of(
                "ERASURE_KEYCLOAK_URL", "http://keycloak.internal:8080",
                "ERASURE_KEYCLOAK_ISSUER", "https://login.example.com/realms/learning"));

    assertEquals(
        "https://login.example.com/realms/learning", config.get("erasure.keycloak.issuer"));
    assertEquals(
        "http://keycloak.internal:8080/realms/learning/protocol/openid-connect/certs",
        config.get("erasure.keycloak.jwks-url"));
    assertEquals("http://keycloak.internal:8080", config.get("erasure.keycloak.backchannel-url"));
  }

  @Test
  void eachAddressCanBeSetAlone() throws Exception {
    Map<String, String> config =
        resolved(
            Map.of(
                "ERASURE_KEYCLOAK_JWKS_URL", "http://keys.internal/certs",
                "ERASURE_KEYCLOAK_BACKCHANNEL_URL", "http://10.0.0.5:8080"));

    assertEquals("http://127.0.0.1:8080/realms/learning", config.get("erasure.keycloak.issuer"));
    assertEquals("http://keys.internal/certs", config.get("erasure.keycloak.jwks-url"));
    assertEquals("http://10.0.0.5:8080", config.get("erasure.keycloak.backchannel-url"));
  }

  /** Every property: the environment variable if set (ordinal 300), else the file's (100). */
  private static Map<String, String> resolved(Map<String, String> environment) throws Exception {
    Map<String, String> file = SettingsDocumentationTest.properties();
    Map<String, String> result = new HashMap<>();
    for (String name : file.keySet()) {
      result.put(name, value(name, file, environment));
    }
    return result;
  }

  private static String value(String name, Map<String, String> file, Map<String, String> env) {
    String raw = env.getOrDefault(SettingsDocumentationTest.environmentName(name), file.get(name));
    Matcher expression = EXPRESSION.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (expression.find()) {
      expression.appendReplacement(
          out, Matcher.quoteReplacement(value(expression.group(1), file, env)));
    }
    expression.appendTail(out);
    return out.toString();
  }
}
