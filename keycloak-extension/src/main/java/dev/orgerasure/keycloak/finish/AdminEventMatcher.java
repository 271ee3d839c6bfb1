package dev.orgerasure.keycloak.finish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.util.JsonSerialization;

/**
 * Whether an admin event names any of a batch of people. An id names them wherever it stands: in
 * the resource path ({@code users/{id}/…}) or as a text value of the representation or details,
 * e.g. an organisation's {@code org-admins} attribute. A username or e-mail address names them only
 * where Keycloak writes whom an event is about: the representation's {@code username} and {@code
 * email} (of the object, or of each object of an array) and the details' (an organisation
 * membership's). A person called {@code enabled} is thus not named by every user's {@code
 * "enabled": true}, nor by another field's value. Every candidate is looked up in a set, so an
 * event costs the same whatever the batch's size.
 */
final class AdminEventMatcher {

  private static final int UUID_LENGTH = 36;
  private static final Set<String> NAME_FIELDS = Set.of("username", "email");

  private final Set<String> ids;
  private final Set<String> names;

  AdminEventMatcher(Collection<String> userIds, Collection<String> names) {
    this.ids = Set.copyOf(userIds);
    this.names = names.stream().map(AdminEventMatcher::folded).collect(Collectors.toSet());
  }

  boolean names(String resourcePath, String representation, String details) {
    if (resourcePath != null) {
      for (String segment : resourcePath.split("/")) {
        if (mentionsId(segment)) {
          return true;
        }
      }
    }
    JsonNode represented = parsed(representation);
    if (mentionsId(represented) || namesInFields(represented)) {
      return true;
    }
    JsonNode detailed = parsed(details);
    return mentionsId(detailed) || namesInFields(detailed);
  }

  /**
   * Keycloak writes both columns with Jackson; a text that is not JSON, which it cannot have
   * written, is searched for ids alone rather than stopping the erasure.
   */
  private static JsonNode parsed(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JsonSerialization.mapper.readTree(json);
    } catch (JsonProcessingException notJson) {
      return JsonSerialization.mapper.getNodeFactory().textNode(json);
    }
  }

  /** Every text value, however deep; keys are not looked at. */
  private boolean mentionsId(JsonNode json) {
    if (json == null) {
      return false;
    }
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(json);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isTextual() && mentionsId(node.textValue())) {
        return true;
      }
      node.forEach(pending::push);
    }
    return false;
  }

  /**
   * The text as a whole, or any 36 characters within a run of hexadecimal digits and dashes, so
   * that a Keycloak id inside a longer text is found in one pass, without a regular expression.
   */
  private boolean mentionsId(String text) {
    if (ids.contains(text)) {
      return true;
    }
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || !isUuidCharacter(text.charAt(i))) {
        for (int from = start; from + UUID_LENGTH <= i; from++) {
          if (ids.contains(text.substring(from, from + UUID_LENGTH))) {
            return true;
          }
        }
        start = i + 1;
      }
    }
    return false;
  }

  private static boolean isUuidCharacter(char c) {
    return c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private boolean namesInFields(JsonNode json) {
    if (json == null) {
      return false;
    }
    if (json.isArray()) {
      for (JsonNode element : json) {
        if (namesInObject(element)) {
          return true;
        }
      }
      return false;
    }
    return namesInObject(json);
  }

  private boolean namesInObject(JsonNode json) {
    for (String field : NAME_FIELDS) {
      JsonNode value = json.get(field);
      if (value != null && value.isTextual() && names.contains(folded(value.textValue()))) {
        return true;
      }
    }
    return false;
  }

  /** Keycloak keeps usernames and e-mail addresses in lower case; a request may not have. */
  private static String folded(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
