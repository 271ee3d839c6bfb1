package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.service.learning.AssetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.stream.Stream;

@ApplicationScoped
public class JpaAssetRepository implements AssetRepository {

  @PersistenceContext(unitName = "erasure")
  private EntityManager entityManager;

  @Override
  public Stream<String> filePathsOf(String orgId) {
    return entityManager
        .createNamedQuery("Asset.findFilePathsByOrganization", String.class)
        .setParameter("orgId", orgId)
        .getResultStream();
  }
}
