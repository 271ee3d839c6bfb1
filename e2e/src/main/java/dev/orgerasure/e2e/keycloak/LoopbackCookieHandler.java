package dev.orgerasure.e2e.keycloak;

import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps and sends every cookie for 127.0.0.1, {@code Secure} ones included. Keycloak marks its
 * login cookies {@code Secure; SameSite=None} even over plain HTTP; Java's {@code CookieManager}
 * then drops them and the login fails with "Restart login cookie not found". Other hosts get no
 * cookies at all.
 */
public final class LoopbackCookieHandler extends CookieHandler {

  private static final String LOOPBACK = "127.0.0.1";

  private final Map<String, HttpCookie> cookiesByNameAndPath = new ConcurrentHashMap<>();

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
    if (!LOOPBACK.equals(uri.getHost())) {
      return Map.of();
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    List<String> pairs = new ArrayList<>();
    for (HttpCookie cookie : cookiesByNameAndPath.values()) {
      if (path.startsWith(pathOf(cookie)) && !cookie.hasExpired()) {
        pairs.add(cookie.getName() + "=" + cookie.getValue());
      }
    }
    return pairs.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", pairs)));
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) {
    if (!LOOPBACK.equals(uri.getHost())) {
      return;
    }
    responseHeaders.forEach(
        (header, values) -> {
          if ("Set-Cookie".equalsIgnoreCase(header)) {
            values.forEach(value -> HttpCookie.parse(value).forEach(this::store));
          }
        });
  }

  private void store(HttpCookie cookie) {
    String key = cookie.getName() + "\n" + pathOf(cookie);
    if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
      cookiesByNameAndPath.remove(key);
    } else {
      cookiesByNameAndPath.put(key, cookie);
    }
  }

  private static String pathOf(HttpCookie cookie) {
    return cookie.getPath() == null ? "/" : cookie.getPath();
  }
}
