package dev.orgerasure.service.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Keycloak this service works with, read once: where it is (its issuer, its keys and the
 * address the service calls it at), the realm it serves, its own client and the dispatcher client
 * whose tokens the erasure API accepts (ear/README.md lists the settings).
 */
@ApplicationScoped
public class KeycloakSettings {

  /** The setting a missing or refused client secret is reported under. */
  public static final String CLIENT_SECRET_VARIABLE = "ERASURE_KEYCLOAK_CLIENT_SECRET";

  @Inject
  @ConfigProperty(name = "erasure.keycloak.url")
  String url;

  @Inject
  @ConfigProperty(name = "erasure.keycloak.realm")
  String realm;

  @Inject
  @ConfigProperty(name = "erasure.keycloak.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "erasure.keycloak.jwks-url")
  String jwksUrl;

  @Inject
  @ConfigProperty(name = "erasure.keycloak.backchannel-url")
  String backchannelUrl;

  @Inject
  @ConfigProperty(name = "erasure.keycloak.client-id")
  String clientId;

  /**
   * Optional so that the service starts without it; readiness is down and every failed report says
   * what to set.
   */
  @Inject
  @ConfigProperty(name = "erasure.keycloak.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "erasure.keycloak.dispatcher-client")
  String dispatcherClient;

  /** Keycloak's base URL, the default of the addresses. */
  public String url() {
    return url;
  }

  /** The realm whose tokens are accepted and to which purges are reported. */
  public String realm() {
    return realm;
  }

  /** The issuer, the JWKS and the back-channel address of the realm. */
  public KeycloakAddresses addresses() {
    return new KeycloakAddresses(realm, issuer, jwksUrl, backchannelUrl);
  }

  /** The service's own client: the reports' token, and the holder of the erasure role. */
  public String clientId() {
    return clientId;
  }

  public Optional<String> clientSecret() {
    return clientSecret.filter(secret -> !secret.isBlank());
  }

  /** The only client whose tokens the erasure API accepts ({@code azp}). */
  public String dispatcherClient() {
    return dispatcherClient;
  }
}
