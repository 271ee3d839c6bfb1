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

/** A member taking a course of their own organisation. */
@Entity
@Table(name = "enrollments")
public class Enrollment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "org_id", nullable = false, updatable = false, length = 36)
  private String orgId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false, updatable = false)
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "membership_id", nullable = false, updatable = false)
  private Membership membership;

  @Column(name = "enrolled_at", nullable = false, updatable = false)
  private OffsetDateTime enrolledAt;

  protected Enrollment() {}

  public Enrollment(Course course, Membership membership) {
    this.course = Objects.requireNonNull(course, "course");
    this.membership = Objects.requireNonNull(membership, "membership");
    if (!course.orgId().equals(membership.organization().id())) {
      throw new IllegalArgumentException(
          "a member can only enroll in a course of their own organisation");
    }
    this.orgId = course.orgId();
    this.enrolledAt = OffsetDateTime.now();
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

  public Membership membership() {
    return membership;
  }
}
