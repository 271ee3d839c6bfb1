package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An organisation's own identity provider: a second realm of the same Keycloak (an OIDC provider
 * with one person) linked to the organisation, so that a broker login makes that person a
 * <em>managed</em> member, as a customer's single sign-on does.
 */
final class PartnerIdentityProvider {

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final String BROKER_CLIENT = "learning-broker";

  private final SystemUnderTest sut;
  private final String alias;
  private final String realmPath;

  private PartnerIdentityProvider(SystemUnderTest sut, String alias) {
    this.sut = sut;
    this.alias = alias;
    this.realmPath = "/admin/realms/" + alias;
  }

  /** A provider holding one person, linked to {@code org}. */
  static PartnerIdentityProvider linkedTo(SystemUnderTest sut, DemoOrg org) {
    PartnerIdentityProvider provider =
        new PartnerIdentityProvider(sut, "partner-" + COUNT.incrementAndGet());
    provider.create(org);
    return provider;
  }

  /**
   * The person's first sign-in through the provider: Keycloak creates them as a managed member of
   * the linked organisation.
   */
  Member signInFirstTime() {
    new AdminConsoleLogin(sut.system().keycloakUrl())
        .brokerLogin(DemoRealm.REALM, alias, username(), password());
    String id =
        sut.masterAdmin()
            .get(DemoRealm.ADMIN_PATH + "/users?exact=true&username=" + username())
            .get(0)
            .path("id")
            .asText();
    return new Member(id, username(), password(), "Mia", "Partner");
  }

  String alias() {
    return alias;
  }

  /** Links a user of the demo realm to the provider's person, as an admin can. */
  void link(Member member) {
    sut.masterAdmin()
        .post(
            DemoRealm.ADMIN_PATH + "/users/" + member.id() + "/federated-identity/" + alias,
            Map.of(
                "identityProvider",
                alias,
                "userId",
                "linked-" + member.id(),
                "userName",
                username()));
  }

  /** The aliases of the providers the user is linked to. */
  List<String> linksOf(Member member) {
    List<String> aliases = new ArrayList<>();
    sut.masterAdmin()
        .get(DemoRealm.ADMIN_PATH + "/users/" + member.id() + "/federated-identity")
        .forEach(link -> aliases.add(link.path("identityProvider").asText()));
    return aliases;
  }

  /** Whether the demo realm's link to the provider is enabled. */
  boolean isEnabled() {
    return sut.masterAdmin()
        .get(DemoRealm.ADMIN_PATH + "/identity-provider/instances/" + alias)
        .path("enabled")
        .asBoolean();
  }

  /**
   * Removes the provider's realm and the demo realm's link to it (the organisation's removal, if
   * any, took the link already).
   */
  void remove() {
    sut.masterAdmin()
        .find(DemoRealm.ADMIN_PATH + "/identity-provider/instances/" + alias)
        .ifPresent(
            link ->
                sut.masterAdmin()
                    .delete(DemoRealm.ADMIN_PATH + "/identity-provider/instances/" + alias));
    sut.masterAdmin().delete(realmPath);
  }

  private String username() {
    return "mia-" + alias;
  }

  private String password() {
    return "mia-password";
  }

  private void create(DemoOrg org) {
    String secret = UUID.randomUUID().toString();
    String keycloak = sut.system().keycloakUrl().toString().replaceAll("/$", "");
    String issuer = keycloak + "/realms/" + alias;
    sut.masterAdmin()
        .post(
            "/admin/realms",
            Map.of(
                "realm",
                alias,
                "enabled",
                true,
                "clients",
                List.of(
                    Map.of(
                        "clientId",
                        BROKER_CLIENT,
                        "publicClient",
                        false,
                        "secret",
                        secret,
                        "standardFlowEnabled",
                        true,
                        "redirectUris",
                        List.of(
                            keycloak
                                + "/realms/"
                                + DemoRealm.REALM
                                + "/broker/"
                                + alias
                                + "/endpoint"))),
                "users",
                List.of(
                    Map.of(
                        "username",
                        username(),
                        "email",
                        username() + "@partner.example",
                        "emailVerified",
                        true,
                        "firstName",
                        "Mia",
                        "lastName",
                        "Partner",
                        "enabled",
                        true,
                        "credentials",
                        List.of(
                            Map.of(
                                "type", "password", "value", password(), "temporary", false))))));
    sut.masterAdmin()
        .post(
            DemoRealm.ADMIN_PATH + "/identity-provider/instances",
            Map.of(
                "alias",
                alias,
                "providerId",
                "oidc",
                "enabled",
                true,
                "trustEmail",
                true,
                "config",
                Map.ofEntries(
                    Map.entry("issuer", issuer),
                    Map.entry("authorizationUrl", issuer + "/protocol/openid-connect/auth"),
                    Map.entry("tokenUrl", issuer + "/protocol/openid-connect/token"),
                    Map.entry("jwksUrl", issuer + "/protocol/openid-connect/certs"),
                    Map.entry("useJwksUrl", "true"),
                    Map.entry("validateSignature", "true"),
                    Map.entry("clientId", BROKER_CLIENT),
                    Map.entry("clientSecret", secret),
                    Map.entry("clientAuthMethod", "client_secret_post"),
                    Map.entry("defaultScope", "openid email profile"),
                    Map.entry("syncMode", "IMPORT"))));
    sut.masterAdmin()
        .post(DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/identity-providers", alias);
  }
}
