package dev.orgerasure.demo.learning.api;

import dev.orgerasure.demo.learning.NotAMemberException;
import dev.orgerasure.demo.learning.NotFoundInOrganizationException;
import dev.orgerasure.demo.learning.OrganizationUnderErasureException;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every refusal of the platform's API as {@code {"error": "...", "message": "..."}}. */
public final class LearningApiErrors {

  private LearningApiErrors() {}

  @JsonbPropertyOrder({"error", "message"})
  public record LearningApiError(String error, String message) {}

  static Response response(Response.Status status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new LearningApiError(error, message))
        .build();
  }

  @Provider
  public static class UnderErasure implements ExceptionMapper<OrganizationUnderErasureException> {
    @Override
    public Response toResponse(OrganizationUnderErasureException e) {
      return response(Response.Status.CONFLICT, "organisation-under-erasure", e.getMessage());
    }
  }

  @Provider
  public static class NotAMember implements ExceptionMapper<NotAMemberException> {
    @Override
    public Response toResponse(NotAMemberException e) {
      return response(Response.Status.FORBIDDEN, "not-a-member", e.getMessage());
    }
  }

  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundInOrganizationException> {
    @Override
    public Response toResponse(NotFoundInOrganizationException e) {
      return response(Response.Status.NOT_FOUND, "not-found", e.getMessage());
    }
  }

  @Provider
  public static class InvalidArgument implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return response(Response.Status.BAD_REQUEST, "invalid-request", e.getMessage());
    }
  }

  /** A body that is not JSON of the expected shape: JSON-B fails before any resource code runs. */
  @Provider
  public static class MalformedJson implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return response(
          Response.Status.BAD_REQUEST,
          "invalid-request",
          "The body is not JSON of the expected shape.");
    }
  }
}
