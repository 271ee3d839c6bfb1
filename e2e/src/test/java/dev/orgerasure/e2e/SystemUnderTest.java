package dev.orgerasure.e2e;

import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.demo.OrgFactory;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.AdminConsoleLogin;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import dev.orgerasure.e2e.keycloak.TokenEndpoint;
import dev.orgerasure.e2e.keycloak.TokenResponse;

/** The started system and the demo data, with the helpers tests log in and create data with. */
public final class SystemUnderTest implements AutoCloseable {

  private final WholeSystem system;
  private final DemoData demo;
  private final KeycloakAdminClient masterAdmin;
  private final OrgFactory orgs;
  private final TokenEndpoint tokens;

  SystemUnderTest(WholeSystem system, DemoData demo) {
    this.system = system;
    this.demo = demo;
    this.masterAdmin = DemoData.masterAdmin(system);
    this.orgs = new OrgFactory(system, masterAdmin);
    this.tokens = new TokenEndpoint(system.keycloakUrl());
  }

  public WholeSystem system() {
    return system;
  }

  public DemoData demo() {
    return demo;
  }

  /** Keycloak's admin REST API as the master admin. */
  public KeycloakAdminClient masterAdmin() {
    return masterAdmin;
  }

  /**
   * A new organisation of realm learning, named uniquely, with app data; the first member is its
   * admin.
   */
  public DemoOrg createOrg(int memberCount) {
    return orgs.createUnique(memberCount);
  }

  /** Makes the user a member and a designated admin of the organisation too. */
  public void designateAdmin(DemoOrg org, Member member) {
    masterAdmin.post(DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/members", member.id());
    orgs.designateAdmin(org.id(), member);
  }

  /**
   * Tokens of an interactive admin console login (authorization code + PKCE) of a user of realm
   * learning.
   */
  public TokenResponse adminConsoleLogin(Member user) {
    return new AdminConsoleLogin(system.keycloakUrl())
        .login(DemoRealm.REALM, user.username(), user.password());
  }

  /** Password grant on {@code learning-app}; {@code offline} asks for an offline token. */
  public TokenResponse memberLogin(Member member, boolean offline) {
    return tokens.password(
        DemoRealm.REALM, DemoRealm.APP_CLIENT, member.username(), member.password(), offline);
  }

  public TokenResponse memberRefresh(String refreshToken) {
    return tokens.refresh(DemoRealm.REALM, DemoRealm.APP_CLIENT, refreshToken);
  }

  /** The secret of realm {@code learning}'s dispatcher client, as Keycloak holds it. */
  public String dispatcherSecret() {
    String dispatcher =
        masterAdmin()
            .get(DemoRealm.ADMIN_PATH + "/clients?clientId=" + DemoRealm.DISPATCHER_CLIENT)
            .get(0)
            .path("id")
            .asText();
    return masterAdmin()
        .get(DemoRealm.ADMIN_PATH + "/clients/" + dispatcher + "/client-secret")
        .path("value")
        .asText();
  }

  /** A token of realm {@code learning}'s dispatcher, as Keycloak's extension calls the service. */
  public String dispatcherToken() {
    return tokens
        .clientCredentials(DemoRealm.REALM, DemoRealm.DISPATCHER_CLIENT, dispatcherSecret())
        .requireSuccess()
        .accessToken();
  }

  /** The token endpoint of any realm, e.g. for a service-account token of a confidential client. */
  public TokenEndpoint tokens() {
    return tokens;
  }

  @Override
  public void close() {
    system.close();
  }
}
