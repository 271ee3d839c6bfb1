package dev.orgerasure.e2e;

import dev.orgerasure.e2e.demo.DemoData;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.harness.WholeSystemOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole system on the first request and keeps it in the root store, which closes it when
 * the test run ends.
 */
public final class WholeSystemExtension implements ParameterResolver {

  /**
   * {@code kc.sh start} options of the shared Keycloak node. Lockouts and deletions run in small
   * batches, so that a test org of a few members takes several and a crash can land between two;
   * admin events are swept a few pages per erasure, so that every erasure crosses pages; a node
   * holds an erasure for only 10 s, so that after a crash the restarted node takes it over soon.
   */
  public static final List<String> KEYCLOAK_OPTIONS =
      List.of(
          "--spi-org-erasure--default--lockout-batch-size=5",
          "--spi-org-erasure--default--identity-batch-size=3",
          "--spi-org-erasure--default--admin-event-sweep-page=25",
          "--spi-org-erasure--default--finisher-lease=10");

  /** The longest wait of the service between two reports, or two attempts at a file. */
  public static final int LONGEST_BACKOFF_MS = 4000;

  /**
   * The service purges in small batches of a fixed size, one per timer expiry, so that a test can
   * catch a purge in the middle (and a test org of a few members still takes several batches). The
   * tests run one Liberty server, so timer failover is off: a killed server, restarted, runs its
   * timers at once instead of waiting out Liberty's minimum failover threshold of 100 s. Reports to
   * Keycloak and undeleted files are retried at least every {@value #LONGEST_BACKOFF_MS} ms, so
   * that an erasure whose Keycloak or file store was out of reach goes on within seconds of their
   * return.
   */
  public static final Map<String, String> LIBERTY_SETTINGS =
      Map.of(
          "ERASURE_PURGE_BATCH_SIZE", "5",
          "ERASURE_PURGE_BATCH_SIZE_MAX", "5",
          "ERASURE_PURGE_TIMER_INTERVAL_MS", "200",
          "ERASURE_PURGE_TIMEOUT_BUDGET_MS", "0",
          "ERASURE_MISSED_TASK_THRESHOLD", "-1",
          "ERASURE_REPORT_BACKOFF_MAX_MS", Integer.toString(LONGEST_BACKOFF_MS),
          "ERASURE_FILE_RETRY_BACKOFF_MAX_MS", Integer.toString(LONGEST_BACKOFF_MS));

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WholeSystemExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SystemUnderTest.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SystemUnderTest.class, key -> start(), SystemUnderTest.class);
  }

  private static SystemUnderTest start() {
    WholeSystem system =
        WholeSystem.start(
            WholeSystemOptions.freePorts("tests")
                .withKeycloakOptions(KEYCLOAK_OPTIONS)
                .withLibertySettings(LIBERTY_SETTINGS));
    try {
      DemoData demo = DemoData.load(system);
      // The services started before their realms existed; they are ready once the demo data made
      // the realms and their clients.
      system.awaitServicesReady();
      return new SystemUnderTest(system, demo);
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }
}
