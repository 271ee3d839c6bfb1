package dev.orgerasure.e2e.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoopbackCookieHandlerTest {

  private final LoopbackCookieHandler cookies = new LoopbackCookieHandler();

  @Test
  void secureCookieIsSentBackOverPlainHttpToLoopback() {
    cookies.put(
        URI.create("http://127.0.0.1:8080/realms/learning/protocol/openid-connect/auth"),
        Map.of(
            "Set-Cookie",
            List.of("KC_RESTART=abc; Path=/realms/learning/; Secure; HttpOnly; SameSite=None")));

    assertEquals(
        Map.of("Cookie", List.of("KC_RESTART=abc")),
        cookies.get(
            URI.create("http://127.0.0.1:8080/realms/learning/login-actions/authenticate"),
            Map.of()));
  }

  @Test
  void cookieIsNotSentOutsideItsPath() {
    cookies.put(
        URI.create("http://127.0.0.1:8080/realms/learning/"),
        Map.of("Set-Cookie", List.of("A=1; Path=/realms/learning/")));

    assertEquals(
        Map.of(), cookies.get(URI.create("http://127.0.0.1:8080/realms/master/"), Map.of()));
  }

  @Test
  void otherHostsNeitherSetNorReceiveCookies() {
    cookies.put(URI.create("http://localhost:8080/"), Map.of("Set-Cookie", List.of("A=1; Path=/")));
    cookies.put(URI.create("http://127.0.0.1:8080/"), Map.of("Set-Cookie", List.of("B=2; Path=/")));

    assertEquals(Map.of(), cookies.get(URI.create("http://localhost:8080/"), Map.of()));
    assertEquals(
        Map.of("Cookie", List.of("B=2")),
        cookies.get(URI.create("http://127.0.0.1:8080/"), Map.of()));
  }

  @Test
  void cookieClearedWithMaxAgeZeroIsForgotten() {
    URI uri = URI.create("http://127.0.0.1:8080/");
    cookies.put(uri, Map.of("Set-Cookie", List.of("A=1; Path=/")));
    cookies.put(uri, Map.of("Set-Cookie", List.of("A=; Max-Age=0; Path=/")));

    assertEquals(Map.of(), cookies.get(uri, Map.of()));
  }
}
