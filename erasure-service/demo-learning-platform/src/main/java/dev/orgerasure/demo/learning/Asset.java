package dev.orgerasure.demo.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An uploaded file of a course or lesson; the bytes live in the file store under {@link
 * #filePath()}.
 */
@Entity
@Table(name = "assets")
public class Asset {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "org_id", nullable = false, updatable = false, length = 36)
  private String orgId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false, updatable = false)
  private Course course;

  @ManyToOne
  @JoinColumn(name = "lesson_id", updatable = false)
  private Lesson lesson;

  @Column(name = "file_path", nullable = false, updatable = false, length = 1024)
  private String filePath;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Asset() {}

  public Asset(Course course, Lesson lesson, String filePath, long sizeBytes, String contentType) {
    this.course = Objects.requireNonNull(course, "course");
    if (lesson != null && !lesson.belongsTo(course)) {
      throw new IllegalArgumentException("the lesson is not part of the course");
    }
    this.lesson = lesson;
    this.filePath = requireRelativePath(filePath);
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes is negative");
    }
    this.sizeBytes = sizeBytes;
    this.contentType = Organization.requireText(contentType, "contentType");
    this.orgId = course.orgId();
    this.createdAt = OffsetDateTime.now();
  }

  private static String requireRelativePath(String filePath) {
    Organization.requireText(filePath, "filePath");
    Path path = Path.of(filePath);
    if (path.isAbsolute() || !path.normalize().equals(path) || path.startsWith("..")) {
      throw new IllegalArgumentException(
          "filePath must be a normalised path inside the file store");
    }
    return filePath;
  }

  public Long id() {
    return id;
  }

  public String orgId() {
    return orgId;
  }

  public String filePath() {
    return filePath;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String contentType() {
    return contentType;
  }
}
