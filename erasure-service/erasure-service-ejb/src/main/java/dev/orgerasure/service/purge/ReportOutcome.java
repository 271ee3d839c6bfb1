package dev.orgerasure.service.purge;

/** Whether Keycloak acknowledged the report, and why not. */
public record ReportOutcome(boolean delivered, String error) {

  public static ReportOutcome success() {
    return new ReportOutcome(true, null);
  }

  public static ReportOutcome failed(String error) {
    return new ReportOutcome(false, error);
  }
}
