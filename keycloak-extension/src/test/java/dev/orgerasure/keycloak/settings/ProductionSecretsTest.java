package dev.orgerasure.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

  private static final String DEFAULT = Setting.AUDIT_KEYSTORE_PASSWORD.defaultValue();

  @Test
  void productionModeWithoutAnAuditKeystorePasswordIsRefusedNamingTheOption() {
    Optional<String> refusal = ProductionSecrets.refusal(null, false);
    assertTrue(refusal.orElseThrow().contains("audit-keystore-password"), refusal.get());
  }

  @Test
  void productionModeWithTheDefaultOrABlankPasswordIsRefused() {
    assertTrue(ProductionSecrets.refusal(DEFAULT, false).isPresent());
    assertTrue(ProductionSecrets.refusal(" ", false).isPresent());
  }

  @Test
  void productionModeWithAPasswordOfItsOwnStarts() {
    assertEquals(Optional.empty(), ProductionSecrets.refusal("a-long-random-secret", false));
  }

  @Test
  void developmentModeKeepsTheDefault() {
    assertEquals(Optional.empty(), ProductionSecrets.refusal(null, true));
  }
}
