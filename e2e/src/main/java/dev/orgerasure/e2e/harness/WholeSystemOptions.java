package dev.orgerasure.e2e.harness;

import java.util.List;

/**
 * How to start a {@link WholeSystem}. Port 0 means a free port.
 *
 * @param instanceName names the directory under {@code target/instances} with this system's state and logs
 * @param keycloakOptions extra {@code kc.sh start} options, e.g. {@code --spi-...} settings of our extension
 */
public record WholeSystemOptions(
    String instanceName, int keycloakPort, int libertyPort, int smtpPort, List<String> keycloakOptions) {

  public WholeSystemOptions {
    keycloakOptions = List.copyOf(keycloakOptions);
  }

  public static WholeSystemOptions freePorts(String instanceName) {
    return new WholeSystemOptions(instanceName, 0, 0, 0, List.of());
  }

  public WholeSystemOptions withKeycloakOptions(List<String> options) {
    return new WholeSystemOptions(instanceName, keycloakPort, libertyPort, smtpPort, options);
  }
}
