package dev.orgerasure.keycloak.config;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The extension's own SPI, so that its settings have one home: {@code
 * --spi-org-erasure--default--<key>}.
 */
public class OrgErasureSpi implements Spi {

  public static final String NAME = "org-erasure";

  @Override
  public boolean isInternal() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public Class<? extends Provider> getProviderClass() {
    return OrgErasureProvider.class;
  }

  @Override
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return OrgErasureProviderFactory.class;
  }
}
