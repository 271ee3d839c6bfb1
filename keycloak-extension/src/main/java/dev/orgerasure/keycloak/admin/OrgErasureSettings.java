package dev.orgerasure.keycloak.admin;

/** Settings of the erasure admin API, read once from the provider's {@code --spi-...} options. */
public record OrgErasureSettings(InteractiveSessionCheck interactiveSessionCheck, int lockoutBatchSize) {
}
