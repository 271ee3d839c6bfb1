package dev.orgerasure.e2e.harness;

import java.util.List;
import java.util.Map;

/**
 * How to start a {@link WholeSystem}. Port 0 means a free port.
 *
 * @param instanceName names the directory under {@code target/instances} with this system's state
 *     and logs
 * @param keycloakOptions extra {@code kc.sh start} options, e.g. {@code --spi-...} settings of our
 *     extension
 * @param libertySettings extra environment variables of the erasure service (ear/README.md lists
 *     them), e.g. {@code ERASURE_PURGE_BATCH_SIZE}, {@code ERASURE_GRACE_PERIOD_DEFAULT_SECONDS}
 */
public record WholeSystemOptions(
    String instanceName,
    int keycloakPort,
    int libertyPort,
    int smtpPort,
    List<String> keycloakOptions,
    Map<String, String> libertySettings) {

  public WholeSystemOptions {
    keycloakOptions = List.copyOf(keycloakOptions);
    libertySettings = Map.copyOf(libertySettings);
  }

  public WholeSystemOptions(
      String instanceName,
      int keycloakPort,
      int libertyPort,
      int smtpPort,
      List<String> keycloakOptions) {
    this(instanceName, keycloakPort, libertyPort, smtpPort, keycloakOptions, Map.of());
  }

  /**
   * The port of the second erasure-service (realm {@code learning-groups}): the one after {@code
   * libertyPort}, or a free one.
   */
  public int groupsLibertyPort() {
    return libertyPort == 0 ? 0 : libertyPort + 1;
  }

  public static WholeSystemOptions freePorts(String instanceName) {
    return new WholeSystemOptions(instanceName, 0, 0, 0, List.of(), Map.of());
  }

  public WholeSystemOptions withKeycloakOptions(List<String> options) {
    return new WholeSystemOptions(
        instanceName, keycloakPort, libertyPort, smtpPort, options, libertySettings);
  }

  public WholeSystemOptions withLibertySettings(Map<String, String> settings) {
    return new WholeSystemOptions(
        instanceName, keycloakPort, libertyPort, smtpPort, keycloakOptions, settings);
  }
}
