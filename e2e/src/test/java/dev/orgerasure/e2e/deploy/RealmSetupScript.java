package dev.orgerasure.e2e.deploy;

import dev.orgerasure.e2e.harness.KeycloakServer;
import dev.orgerasure.e2e.harness.WholeSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code keycloak-extension/realm-setup/setup-realm.sh}, run as a user runs it: Keycloak's own
 * admin CLI of the running Keycloak, logged in as the master admin with a config file of its own.
 */
public final class RealmSetupScript {

  private static final Path SCRIPT = Path.of("../keycloak-extension/realm-setup/setup-realm.sh");

  private final WholeSystem system;
  private final Path directory;

  /**
   * @param directory where the admin CLI's config file and the runs' output go
   */
  public RealmSetupScript(WholeSystem system, Path directory) {
    this.system = system;
    this.directory = directory;
  }

  /** What a run of a command printed (standard output and error) and how it ended. */
  public record Run(int exitCode, String output) {}

  /** Logs the admin CLI in, then runs the script for {@code realm} with {@code environment}. */
  public Run setUp(String realm, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path config = directory.resolve("kcadm.config");
    Run login =
        command(
            List.of(
                kcadm().toString(),
                "config",
                "credentials",
                "--server",
                system.keycloakUrl().toString(),
                "--realm",
                "master",
                "--user",
                KeycloakServer.ADMIN_USER,
                "--password",
                KeycloakServer.ADMIN_PASSWORD,
                "--config",
                config.toString()),
            Map.of());
    if (login.exitCode() != 0) {
      return login;
    }
    Map<String, String> withCli = new HashMap<>(environment);
    withCli.put("KCADM", kcadm().toString());
    withCli.put("KCADM_CONFIG", config.toString());
    return command(List.of("bash", SCRIPT.toAbsolutePath().toString(), realm), withCli);
  }

  private Path kcadm() {
    return system.keycloakHome().resolve("bin").resolve("kcadm.sh");
  }

  private Run command(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("ERASURE_SERVICE_CLIENT_SECRET");
    builder.environment().putAll(environment);
    Path output = directory.resolve("output-" + UUID.randomUUID() + ".txt");
    Process process = builder.redirectOutput(output.toFile()).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
