package dev.orgerasure.service.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Stands in for the Keycloak realm whose tokens the service accepts, as far as Liberty's mpJwt sees
 * it: the realm's JWKS at {@code {url}/realms/learning/protocol/openid-connect/certs} (anything
 * else answers 404), and access tokens signed with its key. Runs in the test JVM, on a loopback
 * port.
 */
final class TestRealm implements AutoCloseable {

  /** The service's default realm (erasure.keycloak.realm). */
  static final String REALM = "learning";

  /** The audience the service requires (erasure.jwt.audience). */
  private static final String AUDIENCE = "erasure-service";

  /** The client whose tokens the erasure API accepts (erasure.keycloak.dispatcher-client). */
  private static final String DISPATCHER_CLIENT = "org-erasure-dispatcher";

  private static final String KEY_ID = "it";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final HttpServer server;

  private TestRealm(KeyPair keys, HttpServer server) {
    this.keys = keys;
    this.server = server;
  }

  static TestRealm start() throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = jwks((RSAPublicKey) keys.getPublic()).getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/realms/" + REALM + "/protocol/openid-connect/certs",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(jwks);
          }
        });
    server.start();
    return new TestRealm(keys, server);
  }

  /** Keycloak's base URL, for ERASURE_KEYCLOAK_URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * A token as Keycloak's dispatcher client gets one: issued to that client, with the service's
   * client role {@code request-erasure}.
   */
  String dispatcherToken() {
    return signed(
        "service-account-" + DISPATCHER_CLIENT,
        ",\"azp\":\""
            + DISPATCHER_CLIENT
            + "\",\"resource_access\":{\""
            + AUDIENCE
            + "\":{\"roles\":[\"request-erasure\"]}}");
  }

  private String signed(String subject, String moreClaims) {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
    String claims =
        "{\"iss\":\"%s/realms/%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"%s}"
            .formatted(
                url(), REALM, subject, AUDIENCE, now, now + 300, UUID.randomUUID(), moreClaims);
    String signed = base64url(header) + "." + base64url(claims);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(keys.getPrivate());
      rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String jwks(RSAPublicKey key) {
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}]}"
        .formatted(KEY_ID, unsigned(key.getModulus()), unsigned(key.getPublicExponent()));
  }

  /** A JWK number: base64url of its big-endian bytes, without the sign byte. */
  private static String unsigned(BigInteger number) {
    byte[] bytes = number.toByteArray();
    if (bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return BASE64URL.encodeToString(bytes);
  }

  private static String base64url(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
