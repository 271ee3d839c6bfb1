package dev.orgerasure.e2e.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The realm's side of the hand-over and the callback, as a realm representation's parts: the
 * service's client and the dispatcher's as {@code setup-realm.sh} creates them (from the same
 * files), the service's {@code request-erasure} role, the dispatcher whose service account holds
 * that role (the realm's default client scope {@code roles} puts it in the token's {@code
 * resource_access} and adds the audience {@code erasure-service}, which is what the service
 * checks), and the demo platform's own client {@code learning-app}, whose tokens carry its own
 * audience (the platform checks it) and not the service's.
 */
final class ErasureClients {

  private ErasureClients() {}

  static List<Map<String, Object>> clients(String serviceClientSecret) {
    return List.of(
        Map.of(
            "clientId",
            DemoRealm.APP_CLIENT,
            "publicClient",
            true,
            "directAccessGrantsEnabled",
            true,
            "standardFlowEnabled",
            true,
            "redirectUris",
            List.of("http://127.0.0.1/*"),
            "protocolMappers",
            List.of(audienceMapper())),
        RealmSetupFiles.serviceClient(serviceClientSecret),
        RealmSetupFiles.dispatcherClient(UUID.randomUUID().toString()));
  }

  static Map<String, Object> roles() {
    return Map.of(
        "client",
        Map.of(DemoRealm.SERVICE_CLIENT, List.of(Map.of("name", DemoRealm.REQUEST_ERASURE_ROLE))));
  }

  static List<Map<String, Object>> serviceAccounts() {
    return List.of(
        Map.of(
            "username",
            "service-account-" + DemoRealm.DISPATCHER_CLIENT,
            "enabled",
            true,
            "serviceAccountClientId",
            DemoRealm.DISPATCHER_CLIENT,
            "clientRoles",
            Map.of(DemoRealm.SERVICE_CLIENT, List.of(DemoRealm.REQUEST_ERASURE_ROLE))));
  }

  private static Map<String, Object> audienceMapper() {
    return Map.of(
        "name", "learning-app audience",
        "protocol", "openid-connect",
        "protocolMapper", "oidc-audience-mapper",
        "config",
            Map.of(
                "included.client.audience", DemoRealm.APP_CLIENT,
                "access.token.claim", "true",
                "id.token.claim", "false"));
  }
}
