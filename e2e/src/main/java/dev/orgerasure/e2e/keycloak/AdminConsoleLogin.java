package dev.orgerasure.e2e.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Logs a person into a realm's admin console the way a browser does: authorization code with PKCE
 * and the login form filled in, so the tokens carry an interactive user session. With organisations
 * enabled the form asks for the username first and the password on a second page; both shapes work.
 */
public final class AdminConsoleLogin {

  public static final String CONSOLE_CLIENT = "security-admin-console";
  private static final int MAX_STEPS = 10;

  private final URI keycloakUrl;

  public AdminConsoleLogin(URI keycloakUrl) {
    this.keycloakUrl = keycloakUrl;
  }

  /** Fails when the login does not end with a code, e.g. on a wrong password. */
  public TokenResponse login(String realm, String username, String password) {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookieHandler())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    TokenEndpoint tokens = new TokenEndpoint(keycloakUrl, browser);
    String redirectUri = keycloakUrl.resolve("/admin/" + realm + "/console/").toString();
    String verifier = randomUrlSafe(32);
    URI authorize =
        tokens
            .realmUrl(realm)
            .resolve(
                "protocol/openid-connect/auth?"
                    + TokenEndpoint.form(
                        "client_id",
                        CONSOLE_CLIENT,
                        "redirect_uri",
                        redirectUri,
                        "response_type",
                        "code",
                        "response_mode",
                        "query",
                        "scope",
                        "openid",
                        "state",
                        randomUrlSafe(16),
                        "nonce",
                        randomUrlSafe(16),
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
    HttpResponse<String> response = send(browser, HttpRequest.newBuilder(authorize).GET().build());
    for (int step = 0; step < MAX_STEPS; step++) {
      String location = response.headers().firstValue("Location").orElse(null);
      if (location != null && location.startsWith(redirectUri)) {
        String code = queryParameter(URI.create(location), "code");
        return tokens.authorizationCode(realm, CONSOLE_CLIENT, code, redirectUri, verifier);
      }
      if (location != null) {
        response =
            send(
                browser,
                HttpRequest.newBuilder(URI.create(response.uri().resolve(location).toString()))
                    .GET()
                    .build());
      } else {
        response = submitLoginForm(browser, response, username, password);
      }
    }
    throw new IllegalStateException("admin console login of " + username + " did not finish");
  }

  private HttpResponse<String> submitLoginForm(
      HttpClient browser, HttpResponse<String> page, String username, String password) {
    Document html = Jsoup.parse(page.body(), page.uri().toString());
    Element form = html.selectFirst("form#kc-form-login");
    if (form == null) {
      String message =
          html.select("#input-error, .alert-error, .kc-feedback-text, #kc-page-title").text();
      throw new IllegalStateException(
          "login of "
              + username
              + " stopped on a page without login form (HTTP "
              + page.statusCode()
              + "): "
              + message);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      fields.put(input.attr("name"), input.val());
    }
    if (fields.containsKey("username")) {
      fields.put("username", username);
    }
    if (fields.containsKey("password")) {
      fields.put("password", password);
    }
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(form.absUrl("action")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(TokenEndpoint.form(fields)))
            .build();
    return send(browser, post);
  }

  private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String queryParameter(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      if (pair.substring(0, equals).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("no " + name + " in " + uri);
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String challenge(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
