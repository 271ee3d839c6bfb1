package dev.orgerasure.demo.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

@Entity
@Table(name = "courses")
@NamedQuery(
    name = "Course.findByOrganization",
    query = "SELECT c FROM Course c WHERE c.organization.id = :orgId ORDER BY c.id")
public class Course {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "org_id", nullable = false, updatable = false)
  private Organization organization;

  @Column(nullable = false)
  private String title;

  private String description;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Course() {}

  public Course(Organization organization, String title, String description) {
    this.organization = Objects.requireNonNull(organization, "organization");
    this.title = Organization.requireText(title, "title");
    this.description = description;
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public String orgId() {
    return organization.id();
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }
}
