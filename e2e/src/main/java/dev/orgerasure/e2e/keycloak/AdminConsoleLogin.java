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

  /** A browser for {@link #silentLogin}: keeps Keycloak's cookies and follows no redirect. */
  public static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new LoopbackCookieHandler())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Fails when the login does not end with a code, e.g. on a wrong password. */
  public TokenResponse login(String realm, String username, String password) {
    return authorize(browser(), realm, false, Map.of(), username, password);
  }

  /**
   * Signs in through the realm's identity provider {@code idpAlias} ({@code kc_idp_hint}): the
   * username and password go to the provider's login form; Keycloak's first broker login creates
   * the user on their first visit.
   */
  public TokenResponse brokerLogin(
      String realm, String idpAlias, String username, String password) {
    return authorize(browser(), realm, false, Map.of("kc_idp_hint", idpAlias), username, password);
  }

  /**
   * Tokens for the SSO session the browser's cookies already hold, without a form ({@code
   * prompt=none}), as the console's own silent check does; fails when Keycloak answers no code.
   */
  public TokenResponse silentLogin(HttpClient browser, String realm) {
    return authorize(browser, realm, true, Map.of(), null, null);
  }

  private TokenResponse authorize(
      HttpClient browser,
      String realm,
      boolean silent,
      Map<String, String> hints,
      String username,
      String password) {
    TokenEndpoint tokens = new TokenEndpoint(keycloakUrl, browser);
    String redirectUri = keycloakUrl.resolve("/admin/" + realm + "/console/").toString();
    String verifier = randomUrlSafe(32);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("client_id", CONSOLE_CLIENT);
    parameters.put("redirect_uri", redirectUri);
    parameters.put("response_type", "code");
    parameters.put("response_mode", "query");
    parameters.put("scope", "openid");
    parameters.put("state", randomUrlSafe(16));
    parameters.put("nonce", randomUrlSafe(16));
    parameters.put("code_challenge", challenge(verifier));
    parameters.put("code_challenge_method", "S256");
    if (silent) {
      parameters.put("prompt", "none");
    }
    parameters.putAll(hints);
    URI authorize =
        tokens
            .realmUrl(realm)
            .resolve("protocol/openid-connect/auth?" + TokenEndpoint.form(parameters));
    HttpResponse<String> response = send(browser, HttpRequest.newBuilder(authorize).GET().build());
    for (int step = 0; step < MAX_STEPS; step++) {
      String location = response.headers().firstValue("Location").orElse(null);
      if (location != null && location.startsWith(redirectUri)) {
        if (silent && !location.contains("code=")) {
          throw new IllegalStateException("no code for the SSO session: " + location);
        }
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
      } else if (silent) {
        throw new IllegalStateException(
            "the silent login stopped on a page (HTTP " + response.statusCode() + ")");
      } else {
        response = submitLoginForm(browser, response, username, password);
      }
    }
    throw new IllegalStateException("admin console login in " + realm + " did not finish");
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
