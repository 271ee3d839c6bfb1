package dev.orgerasure.keycloak.config;

import org.keycloak.provider.Provider;

/** Gives every part of the extension the same settings. */
public interface OrgErasureProvider extends Provider {

  ErasureSettings settings();

  @Override
  default void close() {}
}
