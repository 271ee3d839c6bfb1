package dev.orgerasure.keycloak.settings;

import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;

/**
 * Secrets a production Keycloak ({@code kc.sh start}) must be given rather than take from the
 * defaults everybody can read: the password of the audit keys. Development mode ({@code start-dev})
 * keeps the default, so that the extension runs without set-up.
 */
public final class ProductionSecrets {

  private ProductionSecrets() {}

  /**
   * @throws IllegalStateException in production mode, when a secret is missing or is its default
   */
  public static void check(Config.Scope config) {
    refusal(config.get(Setting.AUDIT_KEYSTORE_PASSWORD.key()), Environment.isDevMode())
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
  }

  /** Why a Keycloak configured with this audit keystore password may not start; empty if it may. */
  static Optional<String> refusal(String auditKeystorePassword, boolean devMode) {
    if (devMode) {
      return Optional.empty();
    }
    if (auditKeystorePassword == null
        || auditKeystorePassword.isBlank()
        || auditKeystorePassword.equals(Setting.AUDIT_KEYSTORE_PASSWORD.defaultValue())) {
      return Optional.of(
          "Production mode needs a password of its own for the audit keys: set"
              + " --spi-org-erasure--default--"
              + Setting.AUDIT_KEYSTORE_PASSWORD.key()
              + " (or KC_SPI_ORG_ERASURE__DEFAULT__AUDIT_KEYSTORE_PASSWORD); it protects the"
              + " keys that sign the audit log, in Keycloak's database (docs/operating.md)");
    }
    return Optional.empty();
  }
}
