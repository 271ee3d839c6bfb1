package dev.orgerasure.e2e.demo;

import java.util.List;

/**
 * An organisation in Keycloak with its members (the admin among them) and its app data.
 *
 * @param id the Keycloak organisation id, also {@code org_id} in the learning database
 */
public record DemoOrg(
    String id,
    String name,
    String domain,
    Member admin,
    List<Member> members,
    AppDataSummary appData) {

  public DemoOrg {
    members = List.copyOf(members);
  }

  /** The members who are not the org admin. */
  public List<Member> learners() {
    return members.stream().filter(m -> !m.id().equals(admin.id())).toList();
  }
}
