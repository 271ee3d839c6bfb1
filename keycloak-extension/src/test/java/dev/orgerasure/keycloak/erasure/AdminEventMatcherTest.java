package dev.orgerasure.keycloak.erasure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminEventMatcherTest {

  private static final String ERASED_ID = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  private static final String KEPT_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  private final AdminEventMatcher matcher =
      new AdminEventMatcher(List.of(ERASED_ID), List.of("ada@acme.example"));

  @Test
  void anEventWhosePathHoldsTheIdNamesThePerson() {
    assertTrue(matcher.names("users/" + ERASED_ID, null, null));
  }

  @Test
  void anEventWhoseRepresentationHoldsTheUsernameAsAJsonStringNamesThePerson() {
    assertTrue(matcher.names("users", "{\"id\":\"x\",\"username\":\"ada@acme.example\"}", null));
  }

  @Test
  void aLongerNameThatOnlyContainsTheUsernameDoesNotNameThePerson() {
    assertFalse(matcher.names("users", "{\"username\":\"grace.ada@acme.example\"}", null));
  }

  @Test
  void anotherPersonsEventIsLeftAlone() {
    assertFalse(matcher.names("users/" + KEPT_ID, "{\"username\":\"grace@acme.example\"}", "{}"));
  }

  @Test
  void anIdThatIsNotAUuidIsFoundAnywhere() {
    AdminEventMatcher custom = new AdminEventMatcher(List.of("legacy-42"), List.of());
    assertTrue(custom.names(null, null, "{\"userId\":\"legacy-42\"}"));
  }

  @Test
  void aNameAfterAnEscapedQuoteIsStillFound() {
    assertTrue(
        matcher.names(null, "{\"note\":\"say \\\"hi\\\"\",\"email\":\"ada@acme.example\"}", null));
  }

  @Test
  void anIdInsideALongerRunOfHexDigitsIsStillFound() {
    assertTrue(matcher.names("cache-key/" + ERASED_ID + "-a1", null, null));
  }
}
