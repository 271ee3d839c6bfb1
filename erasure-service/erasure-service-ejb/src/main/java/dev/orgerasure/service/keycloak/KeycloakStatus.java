package dev.orgerasure.service.keycloak;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the last look at Keycloak found: whether the service's client secret is accepted, and
 * whether the realm's keys can be read. Messages name settings and addresses, never a secret.
 *
 * @param client the client-credentials grant of the service's own client
 * @param keys the realm's JWKS, which tokens are checked with
 * @param checkedAt when Keycloak was asked
 */
public record KeycloakStatus(Finding client, Finding keys, Instant checkedAt) {

  /** One thing checked: fine, or the problem in a sentence. */
  public record Finding(boolean ok, String message) {

    public static Finding ok(String message) {
      return new Finding(true, message);
    }

    public static Finding problem(String message) {
      return new Finding(false, message);
    }
  }

  public boolean up() {
    return client.ok() && keys.ok();
  }

  /** The problems, client first; empty when up. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!client.ok()) {
      problems.add(client.message());
    }
    if (!keys.ok()) {
      problems.add(keys.message());
    }
    return problems;
  }
}
