package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Confidential clients a realm administrator adds to the demo realm, each with a service account
 * and the protocol mappers a test gives it: the tokens a refusal test presents.
 */
final class ImpostorClients {

  private ImpostorClients() {}

  record NewClient(String id, String clientId, String secret, String serviceAccountId) {}

  static NewClient create(KeycloakAdminClient admin, List<Map<String, Object>> mappers) {
    String clientId = "impostor-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = UUID.randomUUID().toString();
    String id =
        admin.post(
            DemoRealm.ADMIN_PATH + "/clients",
            Map.of(
                "clientId",
                clientId,
                "publicClient",
                false,
                "secret",
                secret,
                "serviceAccountsEnabled",
                true,
                "standardFlowEnabled",
                false,
                "protocolMappers",
                mappers));
    String serviceAccount =
        admin
            .get(DemoRealm.ADMIN_PATH + "/clients/" + id + "/service-account-user")
            .path("id")
            .asText();
    return new NewClient(id, clientId, secret, serviceAccount);
  }

  /** Taken after any role mappings, so that the token carries them. */
  static String token(SystemUnderTest sut, NewClient client) {
    return sut.tokens()
        .clientCredentials(DemoRealm.REALM, client.clientId(), client.secret())
        .requireSuccess()
        .accessToken();
  }
}
