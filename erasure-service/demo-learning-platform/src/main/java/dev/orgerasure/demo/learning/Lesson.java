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

@Entity
@Table(name = "lessons")
public class Lesson {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "org_id", nullable = false, updatable = false, length = 36)
  private String orgId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "module_id", nullable = false, updatable = false)
  private CourseModule module;

  @Column(nullable = false)
  private String title;

  private String content;

  @Column(nullable = false)
  private int position;

  protected Lesson() {}

  public Lesson(CourseModule module, String title, String content, int position) {
    this.module = Objects.requireNonNull(module, "module");
    this.orgId = module.orgId();
    this.title = Organization.requireText(title, "title");
    this.content = content;
    this.position = CourseModule.requirePosition(position);
  }

  public boolean belongsTo(Course course) {
    return module.course().equals(course);
  }

  public Long id() {
    return id;
  }

  public String orgId() {
    return orgId;
  }

  public CourseModule module() {
    return module;
  }

  public String title() {
    return title;
  }
}
