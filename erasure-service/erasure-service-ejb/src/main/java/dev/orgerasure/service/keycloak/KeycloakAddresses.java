package dev.orgerasure.service.keycloak;

import dev.orgerasure.contract.ServiceApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where this service meets Keycloak, which may be two addresses behind a proxy: the issuer its
 * tokens name (Keycloak's public address) and the JWKS the tokens are checked with, as Liberty's
 * mpJwt reads them, and the back-channel address the service itself calls (the token endpoint and
 * the report). Each defaults to {@code erasure.keycloak.url} with the realm (ear/README.md).
 *
 * @param realm the realm served
 * @param issuer the {@code iss} of the realm's tokens
 * @param jwksUrl the realm's keys
 * @param backchannelUrl Keycloak's base URL for the service's own calls
 */
public record KeycloakAddresses(
    String realm, String issuer, String jwksUrl, String backchannelUrl) {

  /** The realm's token endpoint at the back-channel address (client-credentials grant). */
  public URI tokenEndpoint() {
    return URI.create(base() + "realms/" + encode(realm) + "/protocol/openid-connect/token");
  }

  /** Where the report that a purge is done goes, at the back-channel address. */
  public URI appDataPurged(String requestId) {
    return URI.create(base() + ServiceApi.appDataPurged(encode(realm), encode(requestId)));
  }

  public URI jwks() {
    return URI.create(jwksUrl);
  }

  /** The back-channel base URL, ending in a slash. */
  private String base() {
    return backchannelUrl.endsWith("/") ? backchannelUrl : backchannelUrl + "/";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
