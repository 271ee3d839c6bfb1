package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code /metrics} endpoint in Prometheus' text format, Keycloak's or the service's. */
final class MetricsPage {

  private final URI url;

  MetricsPage(URI url) {
    this.url = url;
  }

  /**
   * The value of a metric's line, the one whose labels include {@code label} (e.g. {@code
   * state="COMPLETED"}) when given; fails when the page has no such line.
   */
  double value(String name, String label) {
    String text = scrape();
    String labels =
        label == null ? "(\\{[^}]*\\})?" : "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\}";
    Pattern line =
        Pattern.compile("^" + Pattern.quote(name) + labels + " ([0-9.Ee+-]+)$", Pattern.MULTILINE);
    Matcher found = line.matcher(text);
    assertTrue(
        found.find(),
        name
            + " "
            + label
            + " is not in "
            + url
            + ": "
            + text.lines().filter(metric -> metric.startsWith("org_erasure")).toList());
    return Double.parseDouble(found.group(found.groupCount()));
  }

  private String scrape() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
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
