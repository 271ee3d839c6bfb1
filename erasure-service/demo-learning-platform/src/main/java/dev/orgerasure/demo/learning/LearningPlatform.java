package dev.orgerasure.demo.learning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo learning platform's own use cases, for members of an organisation. Every request, read
 * or write, is refused for an organisation under erasure (any purge exists for it, from hand-over
 * on): its data is no longer served, and nothing is written. A person's onboarding is their own:
 * reading it names no organisation.
 */
@Stateless
public class LearningPlatform {

  private static final int MAX_FILE_NAME = 100;

  /**
   * Under Detach the erasure service resets onboarding rows with SQL of its own, past this
   * application's shared cache: read them from the database.
   */
  private static final Map<String, Object> FROM_THE_DATABASE =
      Map.of(
          "jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS,
          "jakarta.persistence.cache.storeMode", CacheStoreMode.REFRESH);

  @PersistenceContext(unitName = "learning")
  private EntityManager entityManager;

  @Inject private OrganizationErasures erasures;

  @Inject private CourseRepository courses;

  @Inject private UploadStore uploads;

  public List<Course> courses(String orgId, String userId) {
    refuseIfUnderErasure(orgId);
    membershipOf(orgId, userId);
    return courses.findByOrganization(orgId);
  }

  public Course createCourse(String orgId, String userId, String title, String description) {
    refuseIfUnderErasure(orgId);
    Membership member = membershipOf(orgId, userId);
    Course course = new Course(member.organization(), title, description);
    courses.store(course);
    entityManager.flush();
    return course;
  }

  public Enrollment enroll(String orgId, String userId, long courseId) {
    refuseIfUnderErasure(orgId);
    Membership member = membershipOf(orgId, userId);
    Enrollment enrollment = new Enrollment(courseOf(orgId, courseId), member);
    entityManager.persist(enrollment);
    entityManager.flush();
    return enrollment;
  }

  public LessonProgress recordProgress(
      String orgId, String userId, long enrollmentId, long lessonId) {
    refuseIfUnderErasure(orgId);
    membershipOf(orgId, userId);
    Enrollment enrollment = entityManager.find(Enrollment.class, enrollmentId);
    Lesson lesson = entityManager.find(Lesson.class, lessonId);
    if (enrollment == null
        || !enrollment.orgId().equals(orgId)
        || lesson == null
        || !lesson.orgId().equals(orgId)) {
      throw new NotFoundInOrganizationException();
    }
    LessonProgress progress = new LessonProgress(enrollment, lesson);
    entityManager.persist(progress);
    entityManager.flush();
    return progress;
  }

  public Asset uploadAsset(
      String orgId,
      String userId,
      long courseId,
      String fileName,
      String contentType,
      byte[] content) {
    refuseIfUnderErasure(orgId);
    membershipOf(orgId, userId);
    Course course = courseOf(orgId, courseId);
    String path = orgId + "/" + courseId + "/" + UUID.randomUUID() + "-" + safeFileName(fileName);
    Asset asset =
        new Asset(
            course,
            null,
            path,
            content.length,
            contentType == null || contentType.isBlank()
                ? "application/octet-stream"
                : contentType);
    entityManager.persist(asset);
    entityManager.flush();
    uploads.write(path, content);
    return asset;
  }

  /** The person's onboarding; a person without one is pending, with no organisation. */
  public Onboarding onboardingOf(String userId) {
    return storedOnboardingOf(userId).orElseGet(() -> new Onboarding(userId));
  }

  /**
   * Onboards the person into an organisation of which they are a member, in place of any earlier
   * one.
   */
  public Onboarding completeOnboarding(String userId, String orgId) {
    refuseIfUnderErasure(orgId);
    Membership member = membershipOf(orgId, userId);
    Onboarding onboarding = storedOnboardingOf(userId).orElse(null);
    if (onboarding == null) {
      onboarding = new Onboarding(userId);
      entityManager.persist(onboarding);
    }
    onboarding.complete(member, OffsetDateTime.now());
    entityManager.flush();
    return onboarding;
  }

  private Optional<Onboarding> storedOnboardingOf(String userId) {
    return Optional.ofNullable(entityManager.find(Onboarding.class, userId, FROM_THE_DATABASE));
  }

  private void refuseIfUnderErasure(String orgId) {
    if (erasures.isUnderErasure(orgId)) {
      throw new OrganizationUnderErasureException();
    }
  }

  private Membership membershipOf(String orgId, String userId) {
    return entityManager
        .createNamedQuery("Membership.findByOrganizationAndUser", Membership.class)
        .setParameter("orgId", orgId)
        .setParameter("userId", userId)
        .getResultStream()
        .findFirst()
        .orElseThrow(NotAMemberException::new);
  }

  private Course courseOf(String orgId, long courseId) {
    Course course = entityManager.find(Course.class, courseId);
    if (course == null || !course.orgId().equals(orgId)) {
      throw new NotFoundInOrganizationException();
    }
    return course;
  }

  static String safeFileName(String fileName) {
    String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    name = name.replaceAll("^[.]+", "");
    if (name.isEmpty()) {
      name = "file";
    }
    return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
  }
}
