package dev.orgerasure.e2e.demo;

import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Creates the people of a tenant in one realm: password set, e-mail verified, a few at a time. */
public final class MemberFactory {

  public static final String MEMBER_PASSWORD = "learning-demo";
  private static final int PARALLEL_USER_CREATION = 4;

  private final KeycloakAdminClient admin;
  private final String realm;

  public MemberFactory(KeycloakAdminClient admin, String realm) {
    this.admin = admin;
    this.realm = realm;
  }

  /** {@code count} people named after the tenant's domain, e.g. "ada.lovelace@acme.example". */
  public List<Member> create(String domain, int count) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_USER_CREATION);
    try {
      List<Future<Member>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String first = PersonNames.first(i);
        String last = PersonNames.last(i);
        String username = (first + "." + last + "@" + domain).toLowerCase(Locale.ROOT);
        created.add(
            pool.submit(() -> createUser(username, username, capitalize(first), capitalize(last))));
      }
      List<Member> members = new ArrayList<>();
      for (Future<Member> member : created) {
        members.add(member.get());
      }
      return members;
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the members of " + domain, e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One person whose username is not their e-mail address, {@code username@domain}: e.g. a word
   * that is also a key of Keycloak's JSON, such as "enabled". The {@link Member#email()} of the
   * answer is its username, not this address.
   */
  public Member createWithUsername(String username, String domain) {
    return createUser(username, username + "@" + domain, capitalize(username), "Member");
  }

  private Member createUser(String username, String email, String firstName, String lastName) {
    String id =
        admin.post(
            "/admin/realms/" + realm + "/users",
            Map.of(
                "username", username,
                "email", email,
                "firstName", firstName,
                "lastName", lastName,
                "enabled", true,
                "emailVerified", true,
                "credentials",
                    List.of(
                        Map.of("type", "password", "value", MEMBER_PASSWORD, "temporary", false))));
    return new Member(id, username, MEMBER_PASSWORD, firstName, lastName);
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
