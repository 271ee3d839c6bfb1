package dev.orgerasure.service.erasure;

import java.time.Duration;

/**
 * An erasure handed over by Keycloak.
 *
 * @param gracePeriod null for the configured default
 */
public record ErasureRequest(
    String requestId, String organizationId, String organizationName, Duration gracePeriod) {}
