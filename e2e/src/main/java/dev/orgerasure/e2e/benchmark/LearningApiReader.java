package dev.orgerasure.e2e.benchmark;

import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.TokenEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** A member of one organisation reading its courses from the learning API, one read at a time. */
final class LearningApiReader {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI courses;
  private final String token;

  LearningApiReader(WholeSystem system, DemoOrg organisation) {
    Member reader = organisation.learners().get(0);
    this.token =
        new TokenEndpoint(system.keycloakUrl())
            .password(DemoRealm.REALM, DemoRealm.APP_CLIENT, reader.username(), reader.password())
            .requireSuccess()
            .accessToken();
    this.courses =
        system
            .libertyUrl()
            .resolve("/learning/api/organizations/" + organisation.id() + "/courses");
  }

  Latencies readFor(Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    return readWhile(() -> System.nanoTime() < end);
  }

  Latencies readWhile(Callable<Boolean> going) throws Exception {
    List<Long> micros = new ArrayList<>();
    while (going.call()) {
      long start = System.nanoTime();
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(courses).header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("The learning API answered " + answer.statusCode());
      }
      micros.add((System.nanoTime() - start) / 1_000);
    }
    return new Latencies(micros);
  }

  /** Read times in microseconds; answers in milliseconds, to the microsecond. */
  record Latencies(List<Long> micros) {

    static final Latencies NONE = new Latencies(List.of());

    /** These reads and those, as one sample. */
    Latencies plus(Latencies more) {
      List<Long> both = new ArrayList<>(micros);
      both.addAll(more.micros());
      return new Latencies(both);
    }

    int count() {
      return micros.size();
    }

    double p50() {
      return percentile(0.50);
    }

    double p99() {
      return percentile(0.99);
    }

    private double percentile(double fraction) {
      List<Long> sorted = micros.stream().sorted().toList();
      return sorted.isEmpty()
          ? 0
          : sorted.get((int) Math.ceil(sorted.size() * fraction) - 1) / 1_000.0;
    }
  }
}
