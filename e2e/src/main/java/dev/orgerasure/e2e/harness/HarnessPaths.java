package dev.orgerasure.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harness finds the servers Maven unpacked and where one running system keeps its state.
 * Maven passes {@code erasure.e2e.work-dir} (e2e/target), {@code erasure.e2e.liberty-server-dir}
 * (ear/target/liberty-server) and {@code erasure.e2e.learning-platform-dir}
 * (erasure-service/demo-learning-platform/target/liberty-app).
 */
public record HarnessPaths(
    Path workDir, Path libertyServerTemplate, Path learningPlatformOverlay, Path instanceDir) {

  static final String KEYCLOAK_DIST = "keycloak-26.7.3";

  public static HarnessPaths forInstance(String instanceName) {
    Path workDir =
        Path.of(System.getProperty("erasure.e2e.work-dir", "e2e/target")).toAbsolutePath();
    Path template =
        Path.of(
                System.getProperty(
                    "erasure.e2e.liberty-server-dir",
                    workDir.resolve("../../ear/target/liberty-server").toString()))
            .toAbsolutePath()
            .normalize();
    Path learningPlatform =
        Path.of(
                System.getProperty(
                    "erasure.e2e.learning-platform-dir",
                    workDir
                        .resolve("../../erasure-service/demo-learning-platform/target/liberty-app")
                        .toString()))
            .toAbsolutePath()
            .normalize();
    return new HarnessPaths(
        workDir, template, learningPlatform, workDir.resolve("instances").resolve(instanceName));
  }

  public Path keycloakDist() {
    return workDir.resolve(KEYCLOAK_DIST);
  }

  public Path keycloakProviders() {
    return workDir.resolve("keycloak-providers");
  }

  public Path libertyInstall() {
    return workDir.resolve("wlp");
  }

  public Path logs() {
    return instanceDir.resolve("logs");
  }

  /**
   * The audit log's keystore and its checkpoint directory outside the database; they belong with
   * the database, so a fresh embedded database starts them afresh.
   */
  public Path audit() {
    return instanceDir.resolve("audit");
  }

  public Path auditCheckpoints() {
    return audit().resolve("checkpoints");
  }

  public Path fileStore() {
    return fileStore(ServiceSite.LEARNING);
  }

  /** The file store of one erasure-service. */
  public Path fileStore(ServiceSite site) {
    return instanceDir.resolve("file-store" + site.suffix());
  }

  static void requireDirectory(Path dir, String whatAndHow) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " is missing: " + whatAndHow);
    }
  }
}
