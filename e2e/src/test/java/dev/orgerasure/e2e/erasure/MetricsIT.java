package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator's monitoring reads from Keycloak's {@code /metrics} (docs/operating.md, "Metrics
 * and alerts"): the erasures by state and the audit log's appends move with an erasure.
 */
@WholeSystemTest
class MetricsIT {

  private final SystemUnderTest sut;

  MetricsIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void aCompletedErasureShowsInTheErasuresByStateTheAuditAppendsAndTheStepTimers() {
    double completedBefore = completed();
    double appendsBefore = metric("org_erasure_audit_appends_total", null);
    double lockoutsBefore = metric("org_erasure_lockout_seconds_count", null);
    double deletionsBefore = metric("org_erasure_identity_deletion_seconds_count", null);
    DemoOrg org = sut.createOrg(2);

    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    ErasureRecords.awaitState(
        sut.system(),
        started.json().path("id").asText(),
        ErasureStates.DONE,
        Duration.ofMinutes(3));

    await("the erasures by state, read again from the database")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> completed() >= completedBefore + 1);
    double appended = metric("org_erasure_audit_appends_total", null) - appendsBefore;
    assertTrue(appended >= ErasureStates.STEPS.size(), "records appended: " + appended);
    assertEquals(0.0, metric("org_erasure_erasures", "CANCELLING"), "none stuck cancelling");
    // At least this erasure's: others of earlier tests may finish meanwhile.
    assertTrue(metric("org_erasure_lockout_seconds_count", null) >= lockoutsBefore + 1);
    assertTrue(metric("org_erasure_identity_deletion_seconds_count", null) >= deletionsBefore + 1);
  }

  private double completed() {
    return metric("org_erasure_erasures", "COMPLETED")
        + metric("org_erasure_erasures", "COMPLETED_WITH_ERRORS");
  }

  /** The value of a metric line, the one of that {@code state} tag when one is given. */
  private double metric(String name, String state) {
    String text = scrape();
    String labels =
        state == null ? "(\\{[^}]*\\})?" : "\\{[^}]*state=\"" + Pattern.quote(state) + "\"[^}]*\\}";
    Pattern line =
        Pattern.compile("^" + Pattern.quote(name) + labels + " ([0-9.Ee+-]+)$", Pattern.MULTILINE);
    Matcher found = line.matcher(text);
    assertTrue(
        found.find(),
        name
            + " "
            + state
            + " is not in /metrics: "
            + text.lines().filter(metric -> metric.startsWith("org_erasure")).toList());
    return Double.parseDouble(found.group(found.groupCount()));
  }

  private String scrape() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(sut.system().keycloakMetricsUrl()).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
