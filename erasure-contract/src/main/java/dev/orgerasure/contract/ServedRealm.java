package dev.orgerasure.contract;

/**
 * The realm whose tokens the service accepts and to which it reports. Keycloak asks before it locks
 * anyone out, so an erasure the service would never accept is refused while nothing has changed.
 */
public record ServedRealm(String realm) {}
