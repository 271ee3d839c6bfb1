package dev.orgerasure.keycloak.finish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityDeletionTest {

  @Test
  void keycloaksOwnUserTablesAllowBatchDeletionWhateverTheirCase() {
    assertTrue(IdentityDeletion.knowsEveryTable(Set.of("user_attribute", "CREDENTIAL")));
  }

  @Test
  void aTableReferringToUsersThatBatchDeletionDoesNotKnowTurnsItOff() {
    assertFalse(IdentityDeletion.knowsEveryTable(Set.of("user_attribute", "user_new_feature")));
  }
}
