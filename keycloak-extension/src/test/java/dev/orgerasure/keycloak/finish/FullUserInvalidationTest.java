package dev.orgerasure.keycloak.finish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FullUserInvalidationTest {

  @Test
  void thisNodeInvalidatesOnlyTheKeysTheEvictionLeft() {
    Set<String> full =
        Set.of("user-1", "realm-1.username.ann", "realm-1.email.ann@x", "user-1.consents");
    Set<String> evicted = Set.of("user-1", "realm-1.username.ann", "realm-1.email.ann@x");

    assertEquals(Set.of("user-1.consents"), FullUserInvalidation.withoutEvicted(full, evicted));
  }
}
