package dev.orgerasure.demo.learning;

import java.util.List;

public interface CourseRepository {

  List<Course> findByOrganization(String orgId);

  void store(Course course);
}
