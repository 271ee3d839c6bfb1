package dev.orgerasure.keycloak.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.common.util.Time;

/**
 * Every setting of the extension, read once at start from the options listed in {@link Setting}.
 *
 * @param serviceUrl base of the erasure-service's API, e.g. {@code
 *     http://127.0.0.1:9080/erasure/api}
 * @param keycloakUrl this Keycloak's own base URL, where the dispatcher takes its
 *     client-credentials token
 * @param publicUrl the base URL people reach this Keycloak at, for links in e-mails
 */
public record ErasureSettings(
    Set<String> interactiveClients,
    int maxAuthAgeSeconds,
    int lockoutBatchSize,
    int identityBatchSize,
    int adminEventSweepPage,
    int batchThreads,
    int gracePeriodDefaultSeconds,
    int gracePeriodMaxSeconds,
    URI serviceUrl,
    URI keycloakUrl,
    URI publicUrl,
    String dispatcherClient,
    String serviceClient,
    long taskIntervalMillis,
    boolean helpOtherNodes,
    long rangePollMillis,
    int deliveryMaxBackoffSeconds,
    int finisherLeaseSeconds,
    int receiptLinkLifetimeDays,
    Path auditKeystore,
    String auditKeystorePassword,
    String auditKeyAlias,
    String auditLogOrigin,
    Path auditCheckpointDirectory) {

  public static ErasureSettings read(Config.Scope config) {
    URI publicUrl =
        text(config, Setting.PUBLIC_URL).isBlank()
            ? url(config, Setting.KEYCLOAK_URL)
            : url(config, Setting.PUBLIC_URL);
    return new ErasureSettings(
        Arrays.stream(text(config, Setting.INTERACTIVE_CLIENTS).split(","))
            .map(String::trim)
            .filter(client -> !client.isEmpty())
            .collect(Collectors.toUnmodifiableSet()),
        number(config, Setting.MAX_AUTH_AGE),
        number(config, Setting.LOCKOUT_BATCH_SIZE),
        number(config, Setting.IDENTITY_BATCH_SIZE),
        number(config, Setting.ADMIN_EVENT_SWEEP_PAGE),
        number(config, Setting.BATCH_THREADS),
        number(config, Setting.GRACE_PERIOD_DEFAULT),
        number(config, Setting.GRACE_PERIOD_MAX),
        url(config, Setting.SERVICE_URL),
        url(config, Setting.KEYCLOAK_URL),
        publicUrl,
        text(config, Setting.DISPATCHER_CLIENT),
        text(config, Setting.SERVICE_CLIENT),
        Long.parseLong(text(config, Setting.TASK_INTERVAL_MILLIS)),
        Boolean.parseBoolean(text(config, Setting.HELP_OTHER_NODES)),
        Long.parseLong(text(config, Setting.RANGE_POLL_MILLIS)),
        number(config, Setting.DELIVERY_MAX_BACKOFF),
        number(config, Setting.FINISHER_LEASE),
        number(config, Setting.RECEIPT_LINK_LIFETIME_DAYS),
        path(config, Setting.AUDIT_KEYSTORE),
        text(config, Setting.AUDIT_KEYSTORE_PASSWORD),
        text(config, Setting.AUDIT_KEY_ALIAS),
        text(config, Setting.AUDIT_LOG_ORIGIN).isBlank()
            ? logOrigin(publicUrl)
            : text(config, Setting.AUDIT_LOG_ORIGIN),
        path(config, Setting.AUDIT_CHECKPOINT_DIR));
  }

  /**
   * How often a node renews its lease on an erasure while its workers lock out or finish members:
   * three times per lease, so that one slow renewal does not lose it.
   */
  public Duration leaseRenewal() {
    return Duration.ofMillis(Math.max(1_000, finisherLeaseSeconds * 1000L / 3));
  }

  /**
   * When a lease on an erasure, taken or renewed now, lapses; another node may claim the erasure
   * after that (docs/operating.md, "Running as a cluster").
   */
  public long leaseEnd() {
    return Time.currentTimeMillis() + finisherLeaseSeconds * 1000L;
  }

  /**
   * The audit log's origin by default: where people reach this Keycloak, without a scheme, as
   * c2sp.org/tlog-checkpoint recommends ({@code keycloak.example/org-erasure/audit}).
   */
  static String logOrigin(URI publicUrl) {
    return publicUrl.getAuthority() + "/org-erasure/audit";
  }

  private static String text(Config.Scope config, Setting setting) {
    return config.get(setting.key(), setting.defaultValue());
  }

  private static int number(Config.Scope config, Setting setting) {
    return Integer.parseInt(text(config, setting));
  }

  /** Relative paths are under Keycloak's home directory, as its own {@code data/} is. */
  private static Path path(Config.Scope config, Setting setting) {
    return Path.of(System.getProperty("kc.home.dir", ".")).resolve(text(config, setting));
  }

  private static URI url(Config.Scope config, Setting setting) {
    String url = text(config, setting);
    return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }
}
