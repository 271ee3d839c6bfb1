package dev.orgerasure.keycloak.admin;

import dev.orgerasure.keycloak.erasure.ErasureRepresentation;

/** An organisation in the erasure page's list, with its active erasure if there is one. */
public record OrganizationErasureRepresentation(
    String id, String name, long memberCount, ErasureRepresentation erasure) {}
