package dev.orgerasure.service.infrastructure.persistence.jpa;

import dev.orgerasure.service.purge.SqlSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;

/**
 * Native SQL through the persistence context, so it shares the JTA transaction and connection of
 * the entities.
 */
@ApplicationScoped
public class JpaSqlSession implements SqlSession {

  @PersistenceContext(unitName = "erasure")
  private EntityManager entityManager;

  @Override
  public int update(String sql, Object... parameters) {
    return bind(entityManager.createNativeQuery(sql), parameters).executeUpdate();
  }

  @Override
  public List<Object[]> query(String sql, Object... parameters) {
    List<?> rows = bind(entityManager.createNativeQuery(sql), parameters).getResultList();
    return rows.stream()
        .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
        .toList();
  }

  private static Query bind(Query query, Object... parameters) {
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }
}
