package dev.orgerasure.service.api;

import dev.orgerasure.service.erasure.Acceptance;
import dev.orgerasure.service.erasure.ErasureRequest;
import dev.orgerasure.service.erasure.ErasureRequests;
import dev.orgerasure.service.erasure.InvalidErasureRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Erasures handed over by Keycloak: accept (idempotent by request id) and status. */
@Path("erasures")
@RolesAllowed(ErasureResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

  /**
   * The client role of the {@code erasure-service} client, carried in the token's {@code groups}
   * claim.
   */
  public static final String ROLE = "request-erasure";

  @Inject private ErasureRequests erasures;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response accept(HandOver body) {
    if (body == null) {
      throw new InvalidErasureRequestException("no body");
    }
    if (body.gracePeriodSeconds() != null && body.gracePeriodSeconds() < 0) {
      throw new InvalidErasureRequestException("gracePeriodSeconds is negative");
    }
    ErasureRequest request =
        new ErasureRequest(
            body.requestId(),
            body.organizationId(),
            body.organizationName(),
            body.gracePeriodSeconds() == null
                ? null
                : Duration.ofSeconds(body.gracePeriodSeconds()));
    Acceptance acceptance;
    try {
      acceptance = erasures.accept(request);
    } catch (EJBException concurrentDuplicate) {
      // Two deliveries of one request at once: the loser's insert fails; answer with the winner's
      // purge.
      return erasures
          .find(request.requestId())
          .map(purge -> Response.ok(ErasureStatus.of(purge)).build())
          .orElseThrow(() -> concurrentDuplicate);
    }
    return Response.status(acceptance.created() ? Response.Status.ACCEPTED : Response.Status.OK)
        .entity(ErasureStatus.of(acceptance.purge()))
        .build();
  }

  @GET
  @Path("{requestId}")
  public Response status(@PathParam("requestId") String requestId) {
    return erasures
        .find(requestId)
        .map(purge -> Response.ok(ErasureStatus.of(purge)).build())
        .orElseGet(
            () ->
                ApiErrors.response(
                    Response.Status.NOT_FOUND,
                    "unknown-erasure",
                    "No erasure with this request id."));
  }
}
