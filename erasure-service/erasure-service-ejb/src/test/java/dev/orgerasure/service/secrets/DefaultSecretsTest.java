package dev.orgerasure.service.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.service.secrets.DefaultSecrets.Findings;
import dev.orgerasure.service.secrets.DefaultSecrets.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultSecretsTest {

  private static Findings find(Map<String, String> settings) {
    return DefaultSecrets.find(name -> Optional.ofNullable(settings.get(name)));
  }

  @Test
  void unsetSecretsAreTheDefaultsAndRefusedEachNamed() {
    Findings findings = find(Map.of());

    assertEquals(List.of(Secret.DB_PASSWORD, Secret.KEYSTORE_PASSWORD), findings.atDefault());
    List<String> refusals = findings.refusals();
    assertEquals(2, refusals.size());
    assertTrue(
        refusals.get(0).startsWith("ERASURE_DB_PASSWORD is left at its default"), refusals.get(0));
    assertTrue(
        refusals.get(1).startsWith("ERASURE_KEYSTORE_PASSWORD is left at its default"),
        refusals.get(1));
    assertTrue(refusals.get(0).contains("ERASURE_ALLOW_DEFAULT_SECRETS=true"), refusals.get(0));
    assertEquals(List.of(), findings.accepted());
  }

  @Test
  void theDefaultValuesSetExplicitlyAreRefusedToo() {
    Findings findings =
        find(
            Map.of(
                "erasure.db.password", "erasure",
                "erasure.keystore.password", "erasure-service-local-keystore"));

    assertEquals(2, findings.refusals().size());
    for (String refusal : findings.refusals()) {
      assertFalse(refusal.contains("'erasure'"), "the message names the setting, not the value");
    }
  }

  @Test
  void passwordsOfTheOperatorsOwnPass() {
    Findings findings =
        find(Map.of("erasure.db.password", "db-own", "erasure.keystore.password", "ks-own"));

    assertEquals(List.of(), findings.atDefault());
    assertEquals(List.of(), findings.refusals());
  }

  @Test
  void oneDefaultLeftIsRefusedAlone() {
    Findings findings = find(Map.of("erasure.db.password", "db-own"));

    assertEquals(List.of(Secret.KEYSTORE_PASSWORD), findings.atDefault());
    assertEquals(1, findings.refusals().size());
  }

  @Test
  void theDefaultInLibertysXorEncodingIsStillTheDefault() {
    assertTrue(DefaultSecrets.isDefault(Optional.of(xor("erasure")), "erasure"));
    assertFalse(DefaultSecrets.isDefault(Optional.of(xor("db-own")), "erasure"));
    assertFalse(DefaultSecrets.isDefault(Optional.of("{aes}AEmVKa+jOeA7pos="), "erasure"));
  }

  @Test
  void allowingTheDefaultsTurnsEachRefusalIntoAWarning() {
    Findings findings = find(Map.of("erasure.allow-default-secrets", "true"));

    assertEquals(List.of(), findings.refusals());
    assertEquals(2, findings.accepted().size());
    assertTrue(findings.accepted().get(0).contains("never do this in production"));
  }

  @Test
  void onlyTrueAllowsThem() {
    assertEquals(2, find(Map.of("erasure.allow-default-secrets", "yes")).refusals().size());
    assertEquals(2, find(Map.of("erasure.allow-default-secrets", "false")).refusals().size());
  }

  /** What Liberty's securityUtility encode writes without options. */
  private static String xor(String password) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (bytes[i] ^ '_');
    }
    return "{xor}" + Base64.getEncoder().encodeToString(bytes);
  }
}
