package dev.orgerasure.service.api;

import dev.orgerasure.service.inventory.InventoryNotReadyException;
import dev.orgerasure.service.purge.InvalidErasureRequestException;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every refusal of the API as {@code {"error": "...", "message": "..."}}. */
public final class ApiErrors {

  private ApiErrors() {}

  @JsonbPropertyOrder({"error", "message"})
  public record ApiError(String error, String message) {}

  public static Response response(Response.Status status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(error, message))
        .build();
  }

  @Provider
  public static class InvalidErasure implements ExceptionMapper<InvalidErasureRequestException> {
    @Override
    public Response toResponse(InvalidErasureRequestException e) {
      return response(Response.Status.BAD_REQUEST, "invalid-request", e.getMessage());
    }
  }

  /** Keycloak's hand-over is retried until the inventory matches its database again. */
  @Provider
  public static class InventoryNotReady implements ExceptionMapper<InventoryNotReadyException> {
    @Override
    public Response toResponse(InventoryNotReadyException e) {
      return response(Response.Status.SERVICE_UNAVAILABLE, "inventory-not-ready", e.getMessage());
    }
  }

  @Provider
  public static class InvalidArgument implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException e) {
      return response(Response.Status.BAD_REQUEST, "invalid-request", e.getMessage());
    }
  }

  /**
   * A body that is not JSON, or not JSON of the expected shape: JSON-B (Yasson) fails while the
   * resource's argument is read, before any resource code runs.
   */
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
