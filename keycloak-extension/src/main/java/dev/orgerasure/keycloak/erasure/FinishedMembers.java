package dev.orgerasure.keycloak.erasure;

/** What the finisher has deleted for an erasure's members, added up from their rows. */
public record FinishedMembers(long identitiesDeleted, long loginEventsDeleted) {

  public static final FinishedMembers NONE = new FinishedMembers(0, 0);
}
