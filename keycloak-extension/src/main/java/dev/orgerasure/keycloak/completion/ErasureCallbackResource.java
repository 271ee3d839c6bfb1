package dev.orgerasure.keycloak.completion;

import dev.orgerasure.contract.ContractLimits;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.ServiceApi;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.support.ContractJson;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /realms/{realm}/org-erasure/erasures/{id}/app-data-purged}: the erasure-service reports
 * that an organisation's app data is gone. Only a token of the service's own client is accepted.
 * The report is recorded and announced as an admin event, which {@link ErasureCompletionListener}
 * turns into the erasure's last steps.
 */
public class ErasureCallbackResource {

  static final String RESOURCE_TYPE = "ORG_ERASURE";

  private final KeycloakSession session;
  private final OrgErasureProvider erasures;

  public ErasureCallbackResource(KeycloakSession session) {
    this.session = session;
    this.erasures = OrgErasureProvider.of(session);
  }

  @POST
  @Path("{id}/" + ServiceApi.APP_DATA_PURGED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response appDataPurged(@PathParam("id") String id, InputStream body) {
    RealmModel realm = session.getContext().getRealm();
    AuthenticationManager.AuthResult caller =
        new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
    if (caller == null) {
      throw ErrorResponse.error(
          "A bearer token of the erasure-service is required", Response.Status.UNAUTHORIZED);
    }
    if (!isTheServicesOwnAccount(caller)) {
      throw ErrorResponse.error(
          "Only the erasure-service may report purged app data", Response.Status.FORBIDDEN);
    }
    ErasureRequestEntity request =
        erasures
            .requests()
            .find(realm.getId(), id)
            .orElseThrow(() -> ErrorResponse.error("Erasure not found", Response.Status.NOT_FOUND));
    PurgeReport report = readReport(body);
    if (request.report().isPresent()) {
      return Response.ok(ErasureRepresentation.of(request)).build();
    }
    if (!request.getState().awaitsReport()) {
      throw ErrorResponse.error(
          "This erasure is not purging app data (state " + request.getState() + ")",
          Response.Status.CONFLICT);
    }
    if (!id.equals(report.requestId())) {
      throw ErrorResponse.error("The report names another erasure", Response.Status.BAD_REQUEST);
    }
    if (!request.getOrganizationId().equals(report.organizationId())) {
      throw ErrorResponse.error(
          "The report names another organisation", Response.Status.BAD_REQUEST);
    }
    if (ContractJson.write(report).length() > ContractLimits.STORED_REPORT_MAX_CHARS) {
      throw ErrorResponse.error(
          "The report is larger than the "
              + ContractLimits.STORED_REPORT_MAX_CHARS
              + " characters kept with the erasure",
          Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    request.appDataPurged(report);
    OrgErasureProvider.of(session).recordAudit(AuditEventType.APP_DATA_PURGED, request, report);
    ClientModel service = caller.client();
    new AdminEventBuilder(
            realm,
            new AdminAuth(realm, caller.token(), caller.user(), service),
            session,
            session.getContext().getConnection())
        .resource(RESOURCE_TYPE)
        .operation(OperationType.ACTION)
        .resourcePath("org-erasure", ServiceApi.ERASURES, id, ServiceApi.APP_DATA_PURGED)
        .representation(report)
        .success();
    return Response.accepted(ErasureRepresentation.of(request)).build();
  }

  /**
   * The token was issued to the service's client, for that client's own service account: a person
   * signed in through the same client is not the service.
   */
  private boolean isTheServicesOwnAccount(AuthenticationManager.AuthResult caller) {
    ClientModel client = caller.client();
    if (client == null
        || !erasures.settings().serviceClient().equals(client.getClientId())
        || !erasures.settings().serviceClient().equals(caller.token().getIssuedFor())) {
      return false;
    }
    UserModel serviceAccount = session.users().getServiceAccount(client);
    return serviceAccount != null && serviceAccount.getId().equals(caller.user().getId());
  }

  private static PurgeReport readReport(InputStream body) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(ContractLimits.CALLBACK_MAX_BYTES + 1);
    } catch (IOException e) {
      throw ErrorResponse.error("The report could not be read", Response.Status.BAD_REQUEST);
    }
    if (bytes.length > ContractLimits.CALLBACK_MAX_BYTES) {
      throw ErrorResponse.error(
          "The report is larger than " + ContractLimits.CALLBACK_MAX_BYTES + " bytes",
          Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    try {
      return ContractJson.read(bytes, PurgeReport.class);
    } catch (IOException e) {
      throw ErrorResponse.error(
          "The report is not a report of docs/contract.md: 'requestId', 'organizationId',"
              + " 'tables' and 'files' are required and nothing else is accepted",
          Response.Status.BAD_REQUEST);
    }
  }
}
