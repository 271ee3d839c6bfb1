package dev.orgerasure.e2e.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.orgerasure.e2e.harness.FreePorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The quickstart as a user runs it: its own JVM, stopped by a signal. */
class QuickstartIT {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

  @Test
  void quickstartComesUpAndStopsOnSigtermLeavingNoProcess() throws Exception {
    int keycloakPort = FreePorts.find();
    int libertyPort = FreePorts.findPair();
    Path output =
        Files.createTempFile(
            Path.of(System.getProperty("erasure.e2e.work-dir")), "quickstart-", ".log");
    Process quickstart =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Derasure.e2e.work-dir=" + System.getProperty("erasure.e2e.work-dir"),
                    "-Derasure.e2e.liberty-server-dir="
                        + System.getProperty("erasure.e2e.liberty-server-dir"),
                    "-Dot.epg.working-dir=" + System.getProperty("ot.epg.working-dir"),
                    "-Derasure.quickstart.keycloak-port=" + keycloakPort,
                    "-Derasure.quickstart.liberty-port=" + libertyPort,
                    "-Derasure.quickstart.smtp-port=" + FreePorts.find(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Quickstart.class.getName()))
            .redirectErrorStream(true)
            .start();
    List<ProcessHandle> children = new ArrayList<>();
    try {
      awaitReadyLine(quickstart, output);
      children.addAll(quickstart.descendants().toList());
      assertEquals(
          200, status(URI.create("http://127.0.0.1:" + keycloakPort + "/realms/learning")));
      assertEquals(200, status(URI.create("http://127.0.0.1:" + libertyPort + "/health/ready")));
      assertTrue(
          children.size() >= 3,
          "kc.sh, Keycloak, Liberty and PostgreSQL run below the quickstart: " + children);

      quickstart.destroy();

      assertTrue(quickstart.waitFor(2, TimeUnit.MINUTES), "quickstart still running after SIGTERM");
      assertEquals(0, quickstart.exitValue());
      assertEquals(
          List.of(),
          children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
    } finally {
      children.forEach(ProcessHandle::destroyForcibly);
      quickstart.destroyForcibly();
    }
  }

  /** Copies the quickstart's output to a file while waiting for the ready line. */
  private static void awaitReadyLine(Process quickstart, Path output) throws Exception {
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(quickstart.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Files.writeString(output, line + "\n", java.nio.file.StandardOpenOption.APPEND);
                  if (line.equals(Quickstart.READY_LINE)) {
                    ready.complete(true);
                  }
                }
              } catch (Exception e) {
                ready.completeExceptionally(e);
              }
              ready.complete(false);
            });
    reader.setDaemon(true);
    reader.start();
    if (!ready.get(START_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
      fail("quickstart ended without " + Quickstart.READY_LINE + "; its output is in " + output);
    }
  }

  private static int status(URI url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
