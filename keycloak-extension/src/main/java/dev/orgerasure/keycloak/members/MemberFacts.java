package dev.orgerasure.keycloak.members;

import java.util.Set;

/**
 * What the member rules need to know of a batch of members, each fact found for the whole batch in
 * one statement: who exists only through this tenant's identity provider, who belongs to another
 * tenant, and who administers the realm.
 */
public record MemberFacts(
    Set<String> managedMembers, Set<String> inAnotherTenant, Set<String> administrators) {

  public MemberFacts {
    managedMembers = Set.copyOf(managedMembers);
    inAnotherTenant = Set.copyOf(inAnotherTenant);
    administrators = Set.copyOf(administrators);
  }
}
