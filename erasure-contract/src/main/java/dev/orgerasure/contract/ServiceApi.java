package dev.orgerasure.contract;

/** Paths and the role of the calls between Keycloak and the erasure-service (docs/contract.md). */
public final class ServiceApi {

  /**
   * The client role of the service's client a token must carry (in {@code
   * resource_access.erasure-service.roles}; realm roles and {@code groups} do not count) to call
   * the service.
   */
  public static final String REQUEST_ERASURE_ROLE = "request-erasure";

  /**
   * The service's own client in Keycloak, holder of {@link #REQUEST_ERASURE_ROLE} and the only
   * client whose report Keycloak accepts; the default of both sides' settings.
   */
  public static final String SERVICE_CLIENT = "erasure-service";

  /** The audience every token presented to the service must carry: the service's client. */
  public static final String AUDIENCE = SERVICE_CLIENT;

  /**
   * Keycloak's client whose service account hands erasures over; the service accepts tokens issued
   * to it ({@code azp}) only. The default of both sides' settings.
   */
  public static final String DISPATCHER_CLIENT = "org-erasure-dispatcher";

  /** Relative to the service's API base: hand-over ({@code POST}). */
  public static final String ERASURES = "erasures";

  /** Relative to {@link #ERASURES}: one purge, by the template parameter {@code requestId}. */
  public static final String ERASURE = "{requestId}";

  /** Relative to {@link #ERASURES}: retry a purge's failed files now ({@code POST}). */
  public static final String FAILED_FILES_RETRY = ERASURE + "/failed-files/retry";

  /** Relative to {@link #ERASURES}: cancel a purge during its grace period ({@code POST}). */
  public static final String CANCEL = ERASURE + "/cancel";

  /**
   * Relative to the service's API base: an organisation's data counts ({@code GET}), by the
   * template parameter {@code orgId}.
   */
  public static final String ORGANIZATION_DATA = "organizations/{orgId}/data";

  /** Relative to the service's API base: the realm it serves ({@code GET}). */
  public static final String SERVED_REALM = "served-realm";

  /**
   * Relative to the service's API base: the data of many organisations at once ({@code POST}, a
   * JSON list of ids, at most {@link ContractLimits#ORGANIZATIONS_PER_COUNT}).
   */
  public static final String ORGANIZATIONS_DATA = "organizations/data";

  /** Relative to Keycloak's {@code /realms/{realm}/org-erasure/erasures/{requestId}/}. */
  public static final String APP_DATA_PURGED = "app-data-purged";

  private ServiceApi() {}

  /** Relative to the service's API base: one purge's status ({@code GET}). */
  public static String erasure(String encodedRequestId) {
    return ERASURES + "/" + ERASURE.replace("{requestId}", encodedRequestId);
  }

  /** Relative to the service's API base: retry a purge's failed files now ({@code POST}). */
  public static String failedFilesRetry(String encodedRequestId) {
    return ERASURES + "/" + FAILED_FILES_RETRY.replace("{requestId}", encodedRequestId);
  }

  /** Relative to the service's API base: cancel a purge during its grace period ({@code POST}). */
  public static String cancel(String encodedRequestId) {
    return ERASURES + "/" + CANCEL.replace("{requestId}", encodedRequestId);
  }

  /** Relative to the service's API base: an organisation's data counts ({@code GET}). */
  public static String organizationData(String encodedOrganizationId) {
    return ORGANIZATION_DATA.replace("{orgId}", encodedOrganizationId);
  }

  /** Relative to Keycloak's base URL: where the service reports a purge done. */
  public static String appDataPurged(String encodedRealm, String encodedRequestId) {
    return "realms/"
        + encodedRealm
        + "/org-erasure/"
        + ERASURES
        + "/"
        + encodedRequestId
        + "/"
        + APP_DATA_PURGED;
  }
}
