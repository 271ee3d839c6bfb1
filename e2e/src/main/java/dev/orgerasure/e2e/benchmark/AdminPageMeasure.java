package dev.orgerasure.e2e.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.e2e.benchmark.Measures.Measure;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The admin page's two calls with many organisations: the list, then the counts of the whole page
 * in one call to the service; beside the counts asked one organisation at a time, as a browser
 * would.
 */
final class AdminPageMeasure {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Connections a browser opens to one host at a time. */
  private static final int BROWSER_CONNECTIONS = 6;

  private final WholeSystem system;
  private final BenchTenants tenants;
  private final BenchErasures erasures;

  AdminPageMeasure(WholeSystem system, BenchTenants tenants, BenchErasures erasures) {
    this.system = system;
    this.tenants = tenants;
    this.erasures = erasures;
  }

  void measure(int count, Measures measures) throws Exception {
    List<String> ids = tenants.emptyOrganizations("Bench Page", count);
    try (Connection db = system.learningDatabase();
        PreparedStatement rows =
            db.prepareStatement(
                "insert into organizations (org_id, name) select unnest(?::varchar[]), 'Bench Page'")) {
      rows.setArray(1, db.createArrayOf("varchar", ids.toArray()));
      rows.executeUpdate();
    }
    String token = erasures.realmAdminToken(DemoRealm.REALM);
    String base = DemoRealm.ADMIN_PATH + "/org-erasure/organizations";
    get(token, base + "?first=0&max=1000");
    long start = System.nanoTime();
    JsonNode listed = get(token, base + "?first=0&max=1000");
    long listMillis = Measures.millisSince(start);
    JsonNode counted = get(token, base + "/app-data?first=0&max=1000");
    long pageMillis = Measures.millisSince(start);
    ExecutorService browser = Executors.newFixedThreadPool(BROWSER_CONNECTIONS);
    long oneByOne;
    try {
      long loopStart = System.nanoTime();
      List<Future<JsonNode>> each = new ArrayList<>();
      for (JsonNode organization : listed) {
        String id = organization.get("id").asText();
        each.add(browser.submit(() -> get(token, base + "/" + id + "/app-data")));
      }
      for (Future<JsonNode> answer : each) {
        answer.get();
      }
      oneByOne = Measures.millisSince(loopStart);
    } finally {
      browser.shutdownNow();
    }
    measures.add(
        new Measure(
            "admin page: list + batched counts",
            "organization",
            listed.size(),
            pageMillis,
            "counts asked per organisation (" + BROWSER_CONNECTIONS + " at a time)",
            (double) oneByOne,
            "list < 1 s, one call to the service",
            String.format(
                "%,d organisations listed in %,d ms, %,d counted in one call",
                listed.size(), listMillis, counted.size())));
  }

  private JsonNode get(String token, String path) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(system.keycloakUrl().resolve(path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + answer.statusCode() + answer.body());
    }
    return JSON.readTree(answer.body());
  }
}
