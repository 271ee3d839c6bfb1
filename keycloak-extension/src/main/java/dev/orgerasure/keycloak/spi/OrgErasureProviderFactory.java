package dev.orgerasure.keycloak.spi;

import org.keycloak.provider.ProviderFactory;

public interface OrgErasureProviderFactory extends ProviderFactory<OrgErasureProvider> {}
