package dev.orgerasure.service.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeycloakAddressesTest {

  @Test
  void theServicesOwnCallsGoToTheBackChannelAddressWhateverTheIssuer() {
    KeycloakAddresses addresses =
        new KeycloakAddresses(
            "learning",
            "https://login.example.com/realms/learning",
            "http://keycloak.internal:8080/realms/learning/protocol/openid-connect/certs",
            "http://keycloak.internal:8080");

    assertEquals(
        "http://keycloak.internal:8080/realms/learning/protocol/openid-connect/token",
        addresses.tokenEndpoint().toString());
    assertEquals(
        "http://keycloak.internal:8080/realms/learning/org-erasure/erasures/r+1/app-data-purged",
        addresses.appDataPurged("r 1").toString());
  }

  @Test
  void aBackChannelAddressWithAPathAndATrailingSlashKeepsItsPath() {
    KeycloakAddresses addresses =
        new KeycloakAddresses("a b", "iss", "jwks", "http://10.0.0.5/auth/");

    assertEquals(
        "http://10.0.0.5/auth/realms/a+b/protocol/openid-connect/token",
        addresses.tokenEndpoint().toString());
  }
}
