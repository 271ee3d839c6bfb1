package dev.orgerasure.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The unpacked Keycloak distribution with our providers, built for PostgreSQL. The build runs only
 * when the providers or build options changed, under a file lock since a test JVM and a quickstart
 * may share it; each running node gets its own hard-linked copy so nodes never share {@code data/}.
 */
final class KeycloakDistribution {

  /**
   * {@code declarative-ui} (experimental in Keycloak 26.7) lets the console show the realm's
   * erasure settings form, Realm settings → org-erasure; without it the settings are saved the same
   * way through the REST API (docs/operating.md, "Realm settings").
   */
  private static final List<String> BUILD_OPTIONS =
      List.of(
          "--db=postgres",
          "--health-enabled=true",
          "--metrics-enabled=true",
          "--features=declarative-ui");

  private KeycloakDistribution() {}

  static Path prepareCopy(HarnessPaths paths, Path nodeDir) {
    Path dist = paths.keycloakDist();
    HarnessPaths.requireDirectory(
        dist, "run the Maven build of e2e (it unpacks the Keycloak distribution)");
    HarnessPaths.requireDirectory(
        paths.keycloakProviders(), "run the Maven build of e2e (it copies our providers)");
    try (FileChannel lockFile =
            FileChannel.open(
                paths.workDir().resolve("keycloak-build.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      buildIfChanged(dist, paths);
      deleteRecursively(nodeDir);
      linkTree(dist, nodeDir);
      return nodeDir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Keycloak in " + nodeDir, e);
    }
  }

  private static void buildIfChanged(Path dist, HarnessPaths paths) throws IOException {
    Path marker = dist.resolve("org-erasure-build.txt");
    String fingerprint = fingerprint(paths.keycloakProviders());
    if (Files.exists(marker) && Files.readString(marker).equals(fingerprint)) {
      return;
    }
    Path providers = dist.resolve("providers");
    try (Stream<Path> old = Files.list(providers)) {
      for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).collect(Collectors.toList())) {
        Files.delete(jar);
      }
    }
    try (Stream<Path> ours = Files.list(paths.keycloakProviders())) {
      for (Path jar : ours.collect(Collectors.toList())) {
        Files.copy(jar, providers.resolve(jar.getFileName()));
      }
    }
    Files.deleteIfExists(marker);
    List<String> command =
        new java.util.ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "build"));
    command.addAll(BUILD_OPTIONS);
    ServerProcess.runToCompletion(
        "kc.sh build",
        command,
        Map.of(),
        paths.workDir().resolve("logs/keycloak-build.log"),
        Duration.ofMinutes(5));
    Files.writeString(marker, fingerprint);
  }

  private static String fingerprint(Path providers) throws IOException {
    StringBuilder text = new StringBuilder(String.join(" ", BUILD_OPTIONS)).append('\n');
    try (Stream<Path> jars = Files.list(providers).sorted()) {
      for (Path jar : jars.collect(Collectors.toList())) {
        text.append(jar.getFileName()).append(' ').append(sha256(jar)).append('\n');
      }
    }
    return text.toString();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Hard links are instant and safe: Keycloak never writes the files it ships, only {@code data/}.
   */
  private static void linkTree(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : tree.collect(Collectors.toList())) {
        Path relative = from.relativize(source);
        if (relative.startsWith("data")) {
          continue;
        }
        Path target = to.resolve(relative);
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createLink(target, source);
        }
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path :
          tree.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(path);
      }
    }
  }
}
