package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.service.learning.AssetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  @Override
  public Map<String, FileTotals> fileTotalsOf(List<String> orgIds) {
    Map<String, FileTotals> totals = new HashMap<>();
    if (orgIds.isEmpty()) {
      return totals;
    }
    entityManager
        .createQuery(
            "SELECT a.orgId, COUNT(a), SUM(a.sizeBytes) FROM Asset a"
                + " WHERE a.orgId IN :orgIds GROUP BY a.orgId",
            Object[].class)
        .setParameter("orgIds", orgIds)
        .getResultList()
        .forEach(
            row ->
                totals.put(
                    (String) row[0],
                    new FileTotals(((Number) row[1]).longValue(), ((Number) row[2]).longValue())));
    return totals;
  }
}
