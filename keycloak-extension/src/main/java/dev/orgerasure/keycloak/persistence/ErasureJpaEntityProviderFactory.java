package dev.orgerasure.keycloak.persistence;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class ErasureJpaEntityProviderFactory implements JpaEntityProviderFactory {

  public static final String ID = "org-erasure";

  @Override
  public JpaEntityProvider create(KeycloakSession session) {
    return new ErasureJpaEntityProvider();
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
