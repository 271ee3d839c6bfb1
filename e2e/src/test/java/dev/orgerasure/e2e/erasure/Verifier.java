package dev.orgerasure.e2e.erasure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The offline audit verifier, run as its own process from the jar the build made. */
final class Verifier {

  record Result(int exitCode, String output) {}

  private Verifier() {}

  static Result run(String... arguments) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("erasure.e2e.audit-verify-jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no verifier jar at " + jar + ": build audit-log first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the verifier did not finish: " + output);
    }
    return new Result(process.exitValue(), output);
  }
}
