package dev.orgerasure.keycloak.finish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminEventMatcherTest {

  private static final String ERASED_ID = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  private static final String KEPT_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  private static final String ORG_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

  /**
   * Another person's account as Keycloak records its creation, with every word a member below is
   * called as a key, and as the value of fields that do not say whom the event is about.
   */
  private static final String ANOTHER_USER =
      "{\"id\":\""
          + KEPT_ID
          + "\",\"username\":\"grace@acme.example\",\"email\":\"grace@acme.example\","
          + "\"enabled\":true,\"emailVerified\":false,\"firstName\":\"username\","
          + "\"lastName\":\"realm\",\"attributes\":{\"id\":[\"enabled\"],\"realm\":[\"true\"],"
          + "\"note\":[\"email\",\"id\"]},\"realm\":\"acme\"}";

  private final AdminEventMatcher matcher =
      new AdminEventMatcher(List.of(ERASED_ID), List.of("ada@acme.example"));

  private static AdminEventMatcher memberNamed(String username) {
    return new AdminEventMatcher(List.of(ERASED_ID), List.of(username, username + "@acme.example"));
  }

  @Test
  void anEventWhosePathHoldsTheIdNamesThePerson() {
    assertTrue(matcher.names("users/" + ERASED_ID, null, null));
  }

  @Test
  void anEventWhosePathHoldsTheIdAmongOtherSegmentsNamesThePerson() {
    assertTrue(matcher.names("organizations/" + ORG_ID + "/members/" + ERASED_ID, null, null));
  }

  @Test
  void anEventWhoseRepresentationHoldsTheUsernameNamesThePerson() {
    assertTrue(matcher.names("users", "{\"id\":\"x\",\"username\":\"ada@acme.example\"}", null));
  }

  @Test
  void anEventWhoseRepresentationHoldsTheEmailNamesThePerson() {
    AdminEventMatcher named = memberNamed("ada");
    assertTrue(named.names("users", "{\"username\":\"a\",\"email\":\"ada@acme.example\"}", null));
  }

  @Test
  void anEventWhoseRepresentationIsAnArrayOfAccountsOneOfThemThePersonsNamesThePerson() {
    assertTrue(
        matcher.names(
            "users",
            "[{\"username\":\"grace@acme.example\"},{\"username\":\"ada@acme.example\"}]",
            null));
  }

  @Test
  void anEventWhoseRepresentationHoldsTheIdInAnyValueNamesThePerson() {
    assertTrue(
        matcher.names(
            "organizations/" + ORG_ID,
            "{\"id\":\"" + ORG_ID + "\",\"attributes\":{\"org-admins\":[\"" + ERASED_ID + "\"]}}",
            null));
  }

  @Test
  void anOrganisationMembershipWhoseDetailsHoldTheUsernameNamesThePerson() {
    assertTrue(
        matcher.names(
            "organizations/" + ORG_ID + "/members",
            "{\"id\":\"" + ORG_ID + "\",\"name\":\"Acme\"}",
            "{\"username\":\"ada@acme.example\",\"email\":\"ada@acme.example\"}"));
  }

  @Test
  void aNameInAnotherCaseStillNamesThePerson() {
    assertTrue(matcher.names("users", "{\"username\":\"Ada@Acme.example\"}", null));
  }

  @Test
  void aLongerNameThatOnlyContainsTheUsernameDoesNotNameThePerson() {
    assertFalse(matcher.names("users", "{\"username\":\"grace.ada@acme.example\"}", null));
  }

  @Test
  void anotherPersonsEventIsLeftAlone() {
    assertFalse(matcher.names("users/" + KEPT_ID, "{\"username\":\"grace@acme.example\"}", "{}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"enabled", "email", "id", "username", "realm", "true"})
  void aMemberNamedLikeAKeyOrAnotherFieldsValueIsNotNamedByAnotherPersonsEvent(String username) {
    assertFalse(memberNamed(username).names("users/" + KEPT_ID, ANOTHER_USER, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"enabled", "email", "id", "username", "realm", "true"})
  void aMemberNamedLikeAKeyIsNotNamedByDetailsAboutSomethingElse(String username) {
    assertFalse(
        memberNamed(username)
            .names(
                "users/" + KEPT_ID + "/credentials",
                null,
                "{\"credential_type\":\"" + username + "\",\"" + username + "\":\"password\"}"));
  }

  @Test
  void aMemberNamedLikeAKeyIsStillNamedByTheirOwnUsername() {
    assertTrue(
        memberNamed("enabled")
            .names(
                "organizations/" + ORG_ID + "/members",
                null,
                "{\"username\":\"enabled\",\"email\":\"enabled@acme.example\"}"));
  }

  @Test
  void anIdThatIsNotAUuidIsFoundAsAWholeValue() {
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

  @Test
  void aRepresentationThatIsNotJsonIsStillSearchedForIds() {
    assertTrue(matcher.names("users", "truncated {\"id\":\"" + ERASED_ID, null));
  }
}
