package dev.orgerasure.keycloak.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The extension's own SPI: its application service (erasure use cases) and the one home of its
 * settings, {@code --spi-org-erasure--default--<key>}.
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
