package dev.orgerasure.keycloak.erasure;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an admin event names any of a batch of people: one of their ids anywhere in it, or one of
 * their usernames or e-mail addresses as a whole JSON string. Ids shaped like Keycloak's UUIDs are
 * found as tokens in one pass over the text and looked up, so an event costs the same whatever the
 * batch's size; any other id is searched for as it is.
 */
final class AdminEventMatcher {

  private static final int UUID_LENGTH = 36;
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Set<String> uuidIds;
  private final List<String> otherIds;
  private final Set<String> names;
  private final List<String> namesWithQuotes;

  AdminEventMatcher(Collection<String> userIds, Collection<String> names) {
    this.uuidIds = Set.copyOf(userIds.stream().filter(id -> UUID.matcher(id).matches()).toList());
    this.otherIds = userIds.stream().filter(id -> !uuidIds.contains(id)).toList();
    this.names = Set.copyOf(names.stream().filter(name -> name.indexOf('"') < 0).toList());
    this.namesWithQuotes =
        names.stream()
            .filter(name -> name.indexOf('"') >= 0)
            .map(name -> '"' + name + '"')
            .toList();
  }

  boolean names(String... texts) {
    for (String text : texts) {
      if (text != null && (namesById(text) || namesByName(text))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every 36 characters within a run of hexadecimal digits and dashes are a candidate; one pass, no
   * regular expression.
   */
  private boolean namesById(String text) {
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || !isUuidCharacter(text.charAt(i))) {
        for (int from = start; from + UUID_LENGTH <= i; from++) {
          if (uuidIds.contains(text.substring(from, from + UUID_LENGTH))) {
            return true;
          }
        }
        start = i + 1;
      }
    }
    return otherIds.stream().anyMatch(text::contains);
  }

  private static boolean isUuidCharacter(char c) {
    return c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Every text between two neighbouring quotes is a candidate, so nothing depends on escaping. */
  private boolean namesByName(String text) {
    int open = text.indexOf('"');
    while (open >= 0) {
      int close = text.indexOf('"', open + 1);
      if (close < 0) {
        break;
      }
      if (names.contains(text.substring(open + 1, close))) {
        return true;
      }
      open = close;
    }
    return namesWithQuotes.stream().anyMatch(text::contains);
  }
}
