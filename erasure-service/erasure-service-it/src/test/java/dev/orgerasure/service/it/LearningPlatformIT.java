package dev.orgerasure.service.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orgerasure.contract.HandOver;
import dev.orgerasure.service.filestore.FileStore;
import dev.orgerasure.service.learning.LearningPlatform;
import dev.orgerasure.service.learning.OrganizationUnderErasureException;
import dev.orgerasure.service.purge.ErasureRequests;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The learning platform's own reads and writes, for a member of an organisation, through its EJB.
 */
@ExtendWith(ArquillianExtension.class)
public class LearningPlatformIT {

  /** Far beyond the test: the organisation is under erasure, and nothing is deleted yet. */
  private static final Duration LONG_GRACE = Duration.ofDays(1);

  @Deployment
  public static EnterpriseArchive service() {
    return ServiceArchive.withTest(LearningPlatformIT.class);
  }

  @Inject private LearningPlatform platform;

  @Inject private ErasureRequests requests;

  @Inject private FileStore fileStore;

  @Test
  public void everyWriteIsRefusedForAnOrganisationUnderErasureAndChangesNothing() throws Exception {
    String orgId = OrgData.newOrgId();
    Writable target = writable(orgId);
    requests.accept(
        new HandOver(
            UUID.randomUUID().toString(),
            orgId,
            "Org " + orgId,
            LONG_GRACE.toSeconds(),
            null,
            null,
            null));
    Map<String, String> before = checksums(orgId);

    assertThrows(
        OrganizationUnderErasureException.class,
        () -> platform.createCourse(orgId, OrgData.MEMBER, "New course", "Refused"));
    assertThrows(
        OrganizationUnderErasureException.class,
        () -> platform.enroll(orgId, OrgData.MEMBER, target.courseWithoutEnrollments()));
    assertThrows(
        OrganizationUnderErasureException.class,
        () ->
            platform.recordProgress(
                orgId, OrgData.MEMBER, target.enrollment(), target.lessonWithoutProgress()));
    assertThrows(
        OrganizationUnderErasureException.class,
        () ->
            platform.uploadAsset(
                orgId,
                OrgData.MEMBER,
                target.courseWithoutEnrollments(),
                "notes.txt",
                "text/plain",
                "refused".getBytes(StandardCharsets.UTF_8)));

    assertEquals(before, checksums(orgId));
    // Asset files of the organisation would be stored under its id.
    assertFalse(Files.exists(fileStore.resolve(orgId)));
  }

  @Test
  public void readsAreRefusedForAnOrganisationUnderErasureAndChangeNothing() throws Exception {
    String orgId = OrgData.newOrgId();
    writable(orgId);
    assertFalse(platform.courses(orgId, OrgData.MEMBER).isEmpty());
    requests.accept(
        new HandOver(
            UUID.randomUUID().toString(),
            orgId,
            "Org " + orgId,
            LONG_GRACE.toSeconds(),
            null,
            null,
            null));
    Map<String, String> before = checksums(orgId);

    assertThrows(
        OrganizationUnderErasureException.class, () -> platform.courses(orgId, OrgData.MEMBER));

    assertEquals(before, checksums(orgId));
  }

  @Test
  public void theSameWritesGoThroughForAnOrganisationNotUnderErasure() throws Exception {
    String orgId = OrgData.newOrgId();
    Writable target = writable(orgId);
    Map<String, Long> before;
    try (Connection db = OrgData.connectInContainer()) {
      before = OrgData.counts(db, orgId);
    }

    platform.createCourse(orgId, OrgData.MEMBER, "New course", "Accepted");
    platform.enroll(orgId, OrgData.MEMBER, target.courseWithoutEnrollments());
    platform.recordProgress(
        orgId, OrgData.MEMBER, target.enrollment(), target.lessonWithoutProgress());
    platform.uploadAsset(
        orgId,
        OrgData.MEMBER,
        target.courseWithoutEnrollments(),
        "notes.txt",
        "text/plain",
        "accepted".getBytes(StandardCharsets.UTF_8));

    try (Connection db = OrgData.connectInContainer()) {
      Map<String, Long> after = OrgData.counts(db, orgId);
      assertEquals(before.get("courses") + 1, after.get("courses"));
      assertEquals(before.get("enrollments") + 1, after.get("enrollments"));
      assertEquals(before.get("progress") + 1, after.get("progress"));
      assertEquals(before.get("assets") + 1, after.get("assets"));
    }
  }

  /** Ids for writes that succeed unless the organisation is under erasure. */
  private record Writable(
      long courseWithoutEnrollments, long enrollment, long lessonWithoutProgress) {}

  private static Writable writable(String orgId) throws Exception {
    try (Connection db = OrgData.connectInContainer()) {
      OrgData.create(db, orgId, 2);
      long course =
          OrgData.firstId(
              db,
              "INSERT INTO courses (org_id, title) VALUES (?, 'Without enrollments') RETURNING id",
              orgId);
      long enrollment =
          OrgData.firstId(
              db,
              "SELECT e.id FROM enrollments e JOIN memberships m ON m.id = e.membership_id"
                  + " WHERE e.org_id = ? AND m.user_id = ? ORDER BY e.id LIMIT 1",
              orgId,
              OrgData.MEMBER);
      long lesson =
          OrgData.firstId(
              db,
              "SELECT l.id FROM lessons l JOIN modules m ON m.id = l.module_id"
                  + " JOIN enrollments e ON e.course_id = m.course_id"
                  + " WHERE e.id = ? AND l.position = 1 ORDER BY l.id LIMIT 1",
              enrollment);
      return new Writable(course, enrollment, lesson);
    }
  }

  private static Map<String, String> checksums(String orgId) throws Exception {
    try (Connection db = OrgData.connectInContainer()) {
      return OrgData.checksums(db, orgId);
    }
  }
}
