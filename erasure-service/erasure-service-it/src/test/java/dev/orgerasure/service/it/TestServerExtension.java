package dev.orgerasure.service.it;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link TestServer} in the test JVM (client side only). */
public class TestServerExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(TestServer.class);
  }
}
