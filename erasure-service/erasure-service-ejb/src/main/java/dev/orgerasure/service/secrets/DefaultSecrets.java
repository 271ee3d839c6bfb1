package dev.orgerasure.service.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's secrets that have a default everybody can read in server.xml: the database user's
 * password and the password of the keystore Liberty generates. A service left with one of them is
 * refused (readiness down, an error in the log) unless {@value #ALLOW_VARIABLE}{@code =true}
 * accepts them for a local trial (ear/README.md, docs/operating.md). Pure: the settings come from a
 * lookup, and no message holds a secret.
 */
public final class DefaultSecrets {

  /** The setting that accepts the defaults. */
  public static final String ALLOW_SETTING = "erasure.allow-default-secrets";

  public static final String ALLOW_VARIABLE = "ERASURE_ALLOW_DEFAULT_SECRETS";

  /** A secret with a default: its setting (server.xml variable), environment variable, default. */
  public enum Secret {
    DB_PASSWORD(
        "erasure.db.password",
        "ERASURE_DB_PASSWORD",
        "erasure",
        "give the database user a password of your own and set it there"),
    KEYSTORE_PASSWORD(
        "erasure.keystore.password",
        "ERASURE_KEYSTORE_PASSWORD",
        "erasure-service-local-keystore",
        "set a password of your own for the keystore Liberty generates at first start"
            + " (resources/security/key.p12; delete a keystore generated with the default, Liberty"
            + " generates it again)");

    private final String setting;
    private final String variable;
    private final String defaultValue;
    private final String remedy;

    Secret(String setting, String variable, String defaultValue, String remedy) {
      this.setting = setting;
      this.variable = variable;
      this.defaultValue = defaultValue;
      this.remedy = remedy;
    }

    public String setting() {
      return setting;
    }

    public String variable() {
      return variable;
    }

    public String defaultValue() {
      return defaultValue;
    }
  }

  /** The secrets found at their defaults, and whether the defaults are accepted. */
  public record Findings(List<Secret> atDefault, boolean allowed) {

    /** Why readiness is down: one sentence per secret; empty when none or when accepted. */
    public List<String> refusals() {
      if (allowed) {
        return List.of();
      }
      return atDefault.stream()
          .map(
              secret ->
                  secret.variable
                      + " is left at its default, which anybody can read in server.xml: "
                      + secret.remedy
                      + ". For a local trial only, "
                      + ALLOW_VARIABLE
                      + "=true accepts the defaults")
          .toList();
    }

    /** What is logged as a warning when the defaults are accepted. */
    public List<String> accepted() {
      if (!allowed) {
        return List.of();
      }
      return atDefault.stream()
          .map(
              secret ->
                  secret.variable
                      + " is left at its default, accepted because "
                      + ALLOW_VARIABLE
                      + "=true: never do this in production")
          .toList();
    }
  }

  private DefaultSecrets() {}

  /**
   * @param settings a setting's value as MicroProfile Config gives it (the environment, or
   *     server.xml's default); empty when unset, which means the default
   */
  public static Findings find(Function<String, Optional<String>> settings) {
    List<Secret> atDefault = new ArrayList<>();
    for (Secret secret : Secret.values()) {
      if (isDefault(settings.apply(secret.setting), secret.defaultValue)) {
        atDefault.add(secret);
      }
    }
    boolean allowed =
        settings
            .apply(ALLOW_SETTING)
            .map(value -> value.trim().equalsIgnoreCase("true"))
            .orElse(false);
    return new Findings(List.copyOf(atDefault), allowed);
  }

  /**
   * Unset, or the default, also in Liberty's {@code {xor}} encoding ({@code securityUtility encode}
   * without options). An {@code {aes}} or {@code {hash}} value is the operator's own.
   */
  static boolean isDefault(Optional<String> configured, String defaultValue) {
    if (configured.isEmpty()) {
      return true;
    }
    String value = configured.get();
    if (value.startsWith("{xor}")) {
      return defaultValue.equals(xorDecode(value.substring("{xor}".length())));
    }
    return value.equals(defaultValue);
  }

  private static String xorDecode(String encoded) {
    try {
      byte[] bytes = Base64.getDecoder().decode(encoded);
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (bytes[i] ^ '_');
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return encoded;
    }
  }
}
