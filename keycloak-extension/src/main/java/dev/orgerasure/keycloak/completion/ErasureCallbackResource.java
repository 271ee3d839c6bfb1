package dev.orgerasure.keycloak.completion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.keycloak.config.ErasureSettings;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureState;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /realms/{realm}/org-erasure/erasures/{id}/app-data-purged}: the erasure-service reports
 * that an organisation's app data is gone. Only a token of the service's own client is accepted.
 * The report is recorded and announced as an admin event, which {@link ErasureCompletionListener}
 * turns into the erasure's last steps.
 */
public class ErasureCallbackResource {

  static final String RESOURCE_TYPE = "ORG_ERASURE";
  static final String APP_DATA_PURGED = "app-data-purged";

  private static final int MAX_BYTES = 64 * 1024;

  private static final Set<ErasureState> AWAITING_REPORT =
      Set.of(ErasureState.PURGING_APP_DATA, ErasureState.SCHEDULED);

  private final KeycloakSession session;
  private final ErasureSettings settings;

  public ErasureCallbackResource(KeycloakSession session, ErasureSettings settings) {
    this.session = session;
    this.settings = settings;
  }

  @POST
  @Path("{id}/" + APP_DATA_PURGED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response appDataPurged(@PathParam("id") String id, InputStream body) {
    RealmModel realm = session.getContext().getRealm();
    AuthenticationManager.AuthResult caller =
        new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
    if (caller == null) {
      throw ErrorResponse.error(
          "A bearer token of the erasure-service is required", Response.Status.UNAUTHORIZED);
    }
    if (!settings.serviceClient().equals(caller.token().getIssuedFor())) {
      throw ErrorResponse.error(
          "Only the erasure-service may report purged app data", Response.Status.FORBIDDEN);
    }
    ErasureRequestRepository requests = new ErasureRequestRepository(session);
    ErasureRequestEntity request =
        requests
            .find(realm.getId(), id)
            .orElseThrow(() -> ErrorResponse.error("Erasure not found", Response.Status.NOT_FOUND));
    JsonNode counts = readCounts(body);
    if (request.isAppDataPurged()) {
      return Response.ok(ErasureRepresentation.of(request)).build();
    }
    if (!AWAITING_REPORT.contains(request.getState())) {
      throw ErrorResponse.error(
          "This erasure is not purging app data (state " + request.getState() + ")",
          Response.Status.CONFLICT);
    }
    if (!id.equals(counts.path("requestId").asText(id))) {
      throw ErrorResponse.error("The report names another erasure", Response.Status.BAD_REQUEST);
    }
    request.appDataPurged(counts.toString());
    ClientModel service = caller.client();
    new AdminEventBuilder(
            realm,
            new AdminAuth(realm, caller.token(), caller.user(), service),
            session,
            session.getContext().getConnection())
        .resource(RESOURCE_TYPE)
        .operation(OperationType.ACTION)
        .resourcePath("org-erasure", "erasures", id, APP_DATA_PURGED)
        .representation(counts)
        .success();
    return Response.accepted(ErasureRepresentation.of(request)).build();
  }

  private static JsonNode readCounts(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw ErrorResponse.error(
            "The report is larger than " + MAX_BYTES + " bytes",
            Response.Status.REQUEST_ENTITY_TOO_LARGE);
      }
      JsonNode counts = JsonSerialization.mapper.readTree(bytes);
      if (counts == null
          || !counts.isObject()
          || !counts.path("tables").isObject()
          || !counts.path("files").isObject()) {
        throw ErrorResponse.error(
            "The report must be a JSON object with 'tables' and 'files'",
            Response.Status.BAD_REQUEST);
      }
      return counts;
    } catch (IOException e) {
      throw ErrorResponse.error("The report is not valid JSON", Response.Status.BAD_REQUEST);
    }
  }
}
