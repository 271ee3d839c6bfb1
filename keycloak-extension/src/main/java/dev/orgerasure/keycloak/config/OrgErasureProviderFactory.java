package dev.orgerasure.keycloak.config;

import org.keycloak.provider.ProviderFactory;

public interface OrgErasureProviderFactory extends ProviderFactory<OrgErasureProvider> {}
