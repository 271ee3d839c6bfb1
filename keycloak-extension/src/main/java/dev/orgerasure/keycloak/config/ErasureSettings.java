package dev.orgerasure.keycloak.config;

import dev.orgerasure.keycloak.admin.InteractiveSessionCheck;
import java.net.URI;

/**
 * Every setting of the extension, read once from {@code --spi-org-erasure--default--<key>} options.
 *
 * @param serviceUrl base of the erasure-service's API, e.g. {@code
 *     http://127.0.0.1:9080/erasure/api}
 * @param keycloakUrl this Keycloak's own base URL, where the dispatcher takes its
 *     client-credentials token
 */
public record ErasureSettings(
    InteractiveSessionCheck interactiveSessionCheck,
    int lockoutBatchSize,
    int identityBatchSize,
    int gracePeriodDefaultSeconds,
    URI serviceUrl,
    URI keycloakUrl,
    String dispatcherClient,
    String serviceClient,
    long taskIntervalMillis,
    int deliveryMaxBackoffSeconds,
    int finisherLeaseSeconds) {}
