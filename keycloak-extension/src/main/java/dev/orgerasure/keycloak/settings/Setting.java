package dev.orgerasure.keycloak.settings;

import dev.orgerasure.contract.ServiceApi;
import java.util.Arrays;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Every option of the extension, set as {@code --spi-org-erasure--default--<key>=<value>}: the one
 * table of key, default and meaning that the factory reads, Keycloak lists ({@code
 * getConfigMetadata}) and the table of docs/operating.md is checked against.
 */
public enum Setting {
  MAX_AUTH_AGE(
      "max-auth-age",
      ProviderConfigProperty.INTEGER_TYPE,
      "300",
      "seconds since the admin's last sign-in within which an erasure may start"),
  INTERACTIVE_CLIENTS(
      "interactive-clients",
      ProviderConfigProperty.STRING_TYPE,
      "security-admin-console",
      "comma-separated clients whose sessions count as interactive"),
  LOCKOUT_BATCH_SIZE(
      "lockout-batch-size",
      ProviderConfigProperty.INTEGER_TYPE,
      "1000",
      "members locked out per transaction"),
  IDENTITY_BATCH_SIZE(
      "identity-batch-size",
      ProviderConfigProperty.INTEGER_TYPE,
      "500",
      "identities deleted per transaction"),
  ADMIN_EVENT_SWEEP_PAGE(
      "admin-event-sweep-page",
      ProviderConfigProperty.INTEGER_TYPE,
      "5000",
      "admin events read per transaction when those naming erased members are swept"),
  BATCH_THREADS(
      "batch-threads",
      ProviderConfigProperty.INTEGER_TYPE,
      "2",
      "batches of lockout and of identity deletion run at once, each on its own range of user ids"),
  GRACE_PERIOD_DEFAULT(
      "grace-period-default",
      ProviderConfigProperty.INTEGER_TYPE,
      "0",
      "grace period (seconds) when a request names none"),
  GRACE_PERIOD_MAX(
      "grace-period-max",
      ProviderConfigProperty.INTEGER_TYPE,
      "2592000",
      "longest grace period (seconds) an erasure may ask for"),
  SERVICE_URL(
      "service-url",
      ProviderConfigProperty.STRING_TYPE,
      "http://127.0.0.1:9080/erasure/api",
      "the erasure-service's API"),
  KEYCLOAK_URL(
      "keycloak-url",
      ProviderConfigProperty.STRING_TYPE,
      "http://127.0.0.1:8080",
      "this Keycloak's base URL, where the dispatcher takes its token"),
  PUBLIC_URL(
      "public-url",
      ProviderConfigProperty.STRING_TYPE,
      "",
      "base URL people reach this Keycloak at, for links in e-mails; empty: keycloak-url"),
  DISPATCHER_CLIENT(
      "dispatcher-client",
      ProviderConfigProperty.STRING_TYPE,
      ServiceApi.DISPATCHER_CLIENT,
      "client whose service account hands erasures over"),
  SERVICE_CLIENT(
      "service-client",
      ProviderConfigProperty.STRING_TYPE,
      ServiceApi.SERVICE_CLIENT,
      "the only client whose report is accepted"),
  HELP_OTHER_NODES(
      "help-other-nodes",
      ProviderConfigProperty.BOOLEAN_TYPE,
      "true",
      "whether this node works ranges of user ids of the erasures other nodes hold; false where"
          + " the nodes share cores or PostgreSQL is the limit"),
  RANGE_POLL_MILLIS(
      "range-poll-millis",
      ProviderConfigProperty.INTEGER_TYPE,
      "1000",
      "how often a node looks for ranges of user ids of other nodes' erasures to work on"),
  TASK_INTERVAL_MILLIS(
      "task-interval-millis",
      ProviderConfigProperty.INTEGER_TYPE,
      "2000",
      "how often hand-overs are retried and completions resumed"),
  DELIVERY_MAX_BACKOFF(
      "delivery-max-backoff",
      ProviderConfigProperty.INTEGER_TYPE,
      "60",
      "longest wait (seconds) between hand-over attempts, and between attempts at the \"erasure scheduled\" e-mail"),
  FINISHER_LEASE(
      "finisher-lease",
      ProviderConfigProperty.INTEGER_TYPE,
      "120",
      "seconds a node holds an erasure it is finishing"),
  RECEIPT_LINK_LIFETIME_DAYS(
      "receipt-link-lifetime-days",
      ProviderConfigProperty.INTEGER_TYPE,
      "0",
      "days the receipt link of the completion e-mail works; 0: as long as the audit key"),
  AUDIT_KEYSTORE(
      "audit-keystore",
      ProviderConfigProperty.STRING_TYPE,
      "data/org-erasure/audit-keys.p12",
      "a PKCS#12 keystore of audit keys kept in a file before, imported into the database once"
          + " when it holds none (relative: to Keycloak's home)"),
  AUDIT_KEYSTORE_PASSWORD(
      "audit-keystore-password",
      ProviderConfigProperty.PASSWORD,
      "org-erasure-audit",
      "password of the audit keys in Keycloak's database; production mode refuses the default"),
  AUDIT_KEY_ALIAS(
      "audit-key-alias",
      ProviderConfigProperty.STRING_TYPE,
      "audit-1",
      "the key that signs new checkpoints; a new alias adds a key (rotation)"),
  AUDIT_LOG_ORIGIN(
      "audit-log-origin",
      ProviderConfigProperty.STRING_TYPE,
      "",
      "origin line of the audit log's C2SP checkpoint notes; empty: <public-url host>/org-erasure/audit"),
  AUDIT_CHECKPOINT_DIR(
      "audit-checkpoint-dir",
      ProviderConfigProperty.STRING_TYPE,
      "data/org-erasure/checkpoints",
      "directory outside the database where every checkpoint is also written");

  private final String key;
  private final String type;
  private final String defaultValue;
  private final String meaning;

  Setting(String key, String type, String defaultValue, String meaning) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String meaning() {
    return meaning;
  }

  /** As Keycloak lists provider options (admin console's provider info, {@code kc.sh}). */
  public static List<ProviderConfigProperty> configMetadata() {
    return Arrays.stream(values())
        .map(
            setting -> {
              ProviderConfigProperty property = new ProviderConfigProperty();
              property.setName(setting.key);
              property.setType(setting.type);
              property.setDefaultValue(setting.defaultValue);
              property.setHelpText(setting.meaning);
              return property;
            })
        .toList();
  }
}
