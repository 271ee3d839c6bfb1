package dev.orgerasure.keycloak.tenant;

/** An organisation as erasure sees it: a Keycloak Organization (groups as tenants come later). */
public record Tenant(String id, String name) {}
