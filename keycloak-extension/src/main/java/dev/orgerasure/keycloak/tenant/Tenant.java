package dev.orgerasure.keycloak.tenant;

/** A tenant as erasure sees it: a Keycloak Organization or a tenant group (see TenantModel). */
public record Tenant(String id, String name) {}
