package dev.orgerasure.demo.learning.api;

import dev.orgerasure.demo.learning.Asset;
import dev.orgerasure.demo.learning.Course;
import dev.orgerasure.demo.learning.Enrollment;
import dev.orgerasure.demo.learning.LearningPlatform;
import dev.orgerasure.demo.learning.LessonProgress;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The learning platform's API (stands for the platform whose data is erased). Any member of the
 * organisation with a Keycloak token issued to the platform may call it; the caller is the token's
 * {@code sub}.
 */
@Path("organizations/{orgId}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LearningResource {

  @Inject private LearningPlatform platform;

  @Context private SecurityContext security;

  @PathParam("orgId")
  private String orgId;

  @JsonbPropertyOrder({"id", "title", "description"})
  public record CourseView(long id, String title, String description) {
    static CourseView of(Course course) {
      return new CourseView(course.id(), course.title(), course.description());
    }
  }

  public record NewCourse(String title, String description) {}

  @JsonbPropertyOrder({"id", "courseId", "membershipId"})
  public record EnrollmentView(long id, long courseId, long membershipId) {
    static EnrollmentView of(Enrollment enrollment) {
      return new EnrollmentView(
          enrollment.id(), enrollment.course().id(), enrollment.membership().id());
    }
  }

  public record NewProgress(Long lessonId) {}

  @JsonbPropertyOrder({"id", "enrollmentId", "lessonId"})
  public record ProgressView(long id, long enrollmentId, long lessonId) {
    static ProgressView of(LessonProgress progress) {
      return new ProgressView(progress.id(), progress.enrollment().id(), progress.lesson().id());
    }
  }

  @JsonbPropertyOrder({"id", "path", "sizeBytes", "contentType"})
  public record AssetView(long id, String path, long sizeBytes, String contentType) {
    static AssetView of(Asset asset) {
      return new AssetView(asset.id(), asset.filePath(), asset.sizeBytes(), asset.contentType());
    }
  }

  @GET
  @Path("courses")
  public List<CourseView> courses() {
    return platform.courses(orgId, Caller.of(security)).stream().map(CourseView::of).toList();
  }

  @POST
  @Path("courses")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createCourse(NewCourse body) {
    String caller = Caller.of(security);
    if (body == null) {
      throw new IllegalArgumentException("no body");
    }
    return created(
        CourseView.of(platform.createCourse(orgId, caller, body.title(), body.description())));
  }

  @POST
  @Path("courses/{courseId}/enrollments")
  public Response enroll(@PathParam("courseId") long courseId) {
    return created(EnrollmentView.of(platform.enroll(orgId, Caller.of(security), courseId)));
  }

  @POST
  @Path("enrollments/{enrollmentId}/progress")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordProgress(@PathParam("enrollmentId") long enrollmentId, NewProgress body) {
    String caller = Caller.of(security);
    if (body == null || body.lessonId() == null) {
      throw new IllegalArgumentException("lessonId is missing");
    }
    return created(
        ProgressView.of(platform.recordProgress(orgId, caller, enrollmentId, body.lessonId())));
  }

  /** Upload as multipart/form-data: the first part with a file name (or the part named "file"). */
  @POST
  @Path("courses/{courseId}/assets")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response uploadMultipart(@PathParam("courseId") long courseId, List<EntityPart> parts)
      throws IOException {
    String caller = Caller.of(security);
    EntityPart file =
        parts.stream()
            .filter(part -> part.getFileName().isPresent() || "file".equals(part.getName()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no file part"));
    try (InputStream content = file.getContent()) {
      return created(
          AssetView.of(
              platform.uploadAsset(
                  orgId,
                  caller,
                  courseId,
                  file.getFileName().orElse("file"),
                  file.getMediaType().toString(),
                  content.readAllBytes())));
    }
  }

  /**
   * Upload as the raw bytes of the file, its name in {@code ?filename=} (or the header
   * X-File-Name).
   */
  @POST
  @Path("courses/{courseId}/assets")
  @Consumes(MediaType.WILDCARD)
  public Response uploadRaw(
      @PathParam("courseId") long courseId,
      @QueryParam("filename") String fileName,
      @HeaderParam("X-File-Name") String headerFileName,
      @HeaderParam("Content-Type") String contentType,
      byte[] content) {
    String caller = Caller.of(security);
    String name = fileName != null ? fileName : headerFileName;
    return created(
        AssetView.of(
            platform.uploadAsset(
                orgId,
                caller,
                courseId,
                name,
                contentType,
                content == null ? new byte[0] : content)));
  }

  private static Response created(Object view) {
    return Response.status(Response.Status.CREATED).entity(view).build();
  }
}
