package dev.orgerasure.demo.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaCourseRepository implements CourseRepository {

  @PersistenceContext(unitName = "learning")
  private EntityManager entityManager;

  @Override
  public List<Course> findByOrganization(String orgId) {
    return entityManager
        .createNamedQuery("Course.findByOrganization", Course.class)
        .setParameter("orgId", orgId)
        .getResultList();
  }

  @Override
  public void store(Course course) {
    entityManager.persist(course);
  }
}
