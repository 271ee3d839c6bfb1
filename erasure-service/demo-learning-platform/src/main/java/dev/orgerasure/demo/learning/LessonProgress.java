package dev.orgerasure.demo.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A lesson completed by an enrolled learner. */
@Entity
@Table(name = "progress")
public class LessonProgress {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "org_id", nullable = false, updatable = false, length = 36)
  private String orgId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "enrollment_id", nullable = false, updatable = false)
  private Enrollment enrollment;

  @ManyToOne(optional = false)
  @JoinColumn(name = "lesson_id", nullable = false, updatable = false)
  private Lesson lesson;

  @Column(name = "completed_at", nullable = false, updatable = false)
  private OffsetDateTime completedAt;

  protected LessonProgress() {}

  public LessonProgress(Enrollment enrollment, Lesson lesson) {
    this.enrollment = Objects.requireNonNull(enrollment, "enrollment");
    this.lesson = Objects.requireNonNull(lesson, "lesson");
    if (!lesson.belongsTo(enrollment.course())) {
      throw new IllegalArgumentException("the lesson is not part of the enrolled course");
    }
    this.orgId = enrollment.orgId();
    this.completedAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public Enrollment enrollment() {
    return enrollment;
  }

  public Lesson lesson() {
    return lesson;
  }

  public OffsetDateTime completedAt() {
    return completedAt;
  }
}
