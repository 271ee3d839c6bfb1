package dev.orgerasure.demo.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** A section of a course; named so as not to clash with {@link java.lang.Module}. */
@Entity
@Table(name = "modules")
public class CourseModule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "org_id", nullable = false, updatable = false, length = 36)
  private String orgId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false, updatable = false)
  private Course course;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private int position;

  protected CourseModule() {}

  public CourseModule(Course course, String title, int position) {
    this.course = Objects.requireNonNull(course, "course");
    this.orgId = course.orgId();
    this.title = Organization.requireText(title, "title");
    this.position = requirePosition(position);
  }

  static int requirePosition(int position) {
    if (position < 0) {
      throw new IllegalArgumentException("position is negative");
    }
    return position;
  }

  public Long id() {
    return id;
  }

  public String orgId() {
    return orgId;
  }

  public Course course() {
    return course;
  }

  public String title() {
    return title;
  }

  public int position() {
    return position;
  }
}
