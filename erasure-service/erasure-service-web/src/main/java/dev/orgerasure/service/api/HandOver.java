package dev.orgerasure.service.api;

/** The body of {@code POST /erasures}, as Keycloak sends it. */
public record HandOver(
    String requestId, String organizationId, String organizationName, Long gracePeriodSeconds) {}
