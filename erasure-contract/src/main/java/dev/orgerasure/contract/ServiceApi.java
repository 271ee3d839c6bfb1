package dev.orgerasure.contract;

/** Paths and the role of the calls between Keycloak and the erasure-service (docs/contract.md). */
public final class ServiceApi {

  /**
   * The client role of the service's client a token must carry (in {@code
   * resource_access.erasure-service.roles}; realm roles and {@code groups} do not count) to call
   * the service.
   */
  public static final String REQUEST_ERASURE_ROLE = "request-erasure";

  /** The audience every token presented to the service must carry. */
  public static final String AUDIENCE = "erasure-service";

  /** Relative to the service's API base: hand-over ({@code POST}). */
  public static final String ERASURES = "erasures";

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
    return ERASURES + "/" + encodedRequestId;
  }

  /** Relative to the service's API base: retry a purge's failed files now ({@code POST}). */
  public static String failedFilesRetry(String encodedRequestId) {
    return erasure(encodedRequestId) + "/failed-files/retry";
  }

  /** Relative to the service's API base: cancel a purge during its grace period ({@code POST}). */
  public static String cancel(String encodedRequestId) {
    return erasure(encodedRequestId) + "/cancel";
  }

  /** Relative to the service's API base: an organisation's data counts ({@code GET}). */
  public static String organizationData(String encodedOrganizationId) {
    return "organizations/" + encodedOrganizationId + "/data";
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
