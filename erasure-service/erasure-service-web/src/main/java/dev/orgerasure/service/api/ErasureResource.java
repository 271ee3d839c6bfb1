package dev.orgerasure.service.api;

import dev.orgerasure.contract.HandOver;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.service.erasure.GracePeriodOverException;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.inventory.ApplicationInventory;
import dev.orgerasure.service.inventory.InventoryNotReadyException;
import dev.orgerasure.service.keycloak.KeycloakSettings;
import dev.orgerasure.service.metrics.HandOverMetrics;
import dev.orgerasure.service.metrics.HandOverOutcome;
import dev.orgerasure.service.purge.Acceptance;
import dev.orgerasure.service.purge.ErasureLogContext;
import dev.orgerasure.service.purge.ErasureRequests;
import dev.orgerasure.service.purge.InvalidErasureRequestException;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Erasures handed over by Keycloak: accept (idempotent by request id), status, and an immediate
 * retry of the files that could not be deleted. Each request's log records carry the erasure's id
 * and realm as fields ({@link ErasureLogContext}).
 */
@Path(ServiceApi.ERASURES)
@DispatcherOnly
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

  @Inject private ErasureRequests erasures;

  @Inject private ApplicationInventory inventory;

  @Inject private HandOverMetrics handOvers;

  @Inject private KeycloakSettings keycloak;

  /** Counts the hand-over once its transaction has ended, so an accepted one is stored. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response accept(HandOver body) {
    return aboutErasure(body == null ? null : body.requestId(), () -> acceptHandOver(body));
  }

  private Response acceptHandOver(HandOver body) {
    Acceptance acceptance;
    try {
      acceptance = erasures.accept(body);
    } catch (InvalidErasureRequestException | InventoryNotReadyException refused) {
      handOvers.received(HandOverOutcome.REFUSED);
      throw refused;
    } catch (EJBException concurrentDuplicate) {
      // Two deliveries of one request at once: the loser's insert fails; answer with the winner's
      // purge.
      Response winners =
          erasures
              .find(body.requestId())
              .map(purge -> Response.ok(purge.status(inventory.counts())).build())
              .orElseThrow(() -> concurrentDuplicate);
      handOvers.received(HandOverOutcome.REPEATED);
      return winners;
    }
    handOvers.received(acceptance.created() ? HandOverOutcome.ACCEPTED : HandOverOutcome.REPEATED);
    return Response.status(acceptance.created() ? Response.Status.ACCEPTED : Response.Status.OK)
        .entity(acceptance.purge().status(inventory.counts()))
        .build();
  }

  @GET
  @Path(ServiceApi.ERASURE)
  public Response status(@PathParam("requestId") String requestId) {
    return aboutErasure(requestId, () -> statusOrNotFound(erasures.find(requestId)));
  }

  /** Tries the files that could not be deleted now, instead of at their next back-off. */
  @POST
  @Path(ServiceApi.FAILED_FILES_RETRY)
  public Response retryFailedFiles(@PathParam("requestId") String requestId) {
    return aboutErasure(requestId, () -> statusOrNotFound(erasures.retryFailedFiles(requestId)));
  }

  /**
   * Cancels the purge during its grace period: {@code 200} and the cancelled status, also for a
   * purge cancelled before (Keycloak asks again when an answer was lost); {@code 409} once the
   * grace period is over; nothing is deleted either way.
   */
  @POST
  @Path(ServiceApi.CANCEL)
  public Response cancel(@PathParam("requestId") String requestId) {
    return aboutErasure(requestId, () -> cancelDuringGracePeriod(requestId));
  }

  private Response cancelDuringGracePeriod(String requestId) {
    try {
      return statusOrNotFound(erasures.cancel(requestId));
    } catch (GracePeriodOverException e) {
      return ApiErrors.response(Response.Status.CONFLICT, "grace-period-over", e.getMessage());
    }
  }

  private Response aboutErasure(String requestId, Supplier<Response> work) {
    try (ErasureLogContext context = ErasureLogContext.of(requestId, keycloak.realm())) {
      return work.get();
    }
  }

  private Response statusOrNotFound(Optional<Purge> purge) {
    return purge
        .map(found -> Response.ok(found.status(inventory.counts())).build())
        .orElseGet(
            () ->
                ApiErrors.response(
                    Response.Status.NOT_FOUND,
                    "unknown-erasure",
                    "No erasure with this request id."));
  }
}
