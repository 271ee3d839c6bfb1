package dev.orgerasure.keycloak.admin;

/**
 * A member allowed to erase their organisation themselves, as the console page lists them: who,
 * since when, and which admin allowed it ({@code null} once that admin's account is gone).
 */
public record SelfServiceEraserRepresentation(
    String userId, String username, long grantedAt, String grantedById, String grantedBy) {}
