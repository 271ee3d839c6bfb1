package dev.orgerasure.contract;

/** Sizes both sides hold to; docs/contract.md explains them. */
public final class ContractLimits {

  /** Largest body Keycloak reads from the service's callback; a larger one is refused (413). */
  public static final int CALLBACK_MAX_BYTES = 64 * 1024;

  /**
   * Largest report Keycloak stores with the erasure (its column's length). The inventory is fixed
   * at build time; a test on the service's side proves the report of every table fits.
   */
  public static final int STORED_REPORT_MAX_CHARS = 4000;

  /** Longest error text either side stores about a failed step. */
  public static final int ERROR_MAX_CHARS = 1000;

  /** Most organisations one batched count ({@code POST organizations/data}) answers for. */
  public static final int ORGANIZATIONS_PER_COUNT = 1_000;

  private ContractLimits() {}

  /** An error text cut to {@link #ERROR_MAX_CHARS}, the same way on both sides. */
  public static String truncatedError(String error) {
    return error == null || error.length() <= ERROR_MAX_CHARS
        ? error
        : error.substring(0, ERROR_MAX_CHARS - 1) + "…";
  }
}
