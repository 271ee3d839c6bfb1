package dev.orgerasure.keycloak.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgerasure.contract.MemberPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.keycloak.util.JsonSerialization;

/**
 * The body of "start an erasure", read defensively: at most {@link #MAX_BYTES}, a JSON object,
 * known fields only, the confirmation a string, the member policy {@code ERASE} (the default) or
 * {@code DETACH}.
 */
public record StartErasureBody(
    String confirmation, Optional<Integer> gracePeriodSeconds, MemberPolicy memberPolicy) {

  public static final int MAX_BYTES = 64 * 1024;

  private static final Set<String> FIELDS =
      Set.of("confirmation", "gracePeriodSeconds", "memberPolicy");

  /** Thrown for a body larger than {@link #MAX_BYTES}. */
  public static class TooLargeException extends Exception {
    TooLargeException() {
      super("The request body is larger than " + MAX_BYTES + " bytes");
    }
  }

  /** Thrown for a body that is not the expected JSON. */
  public static class MalformedException extends Exception {
    MalformedException(String message) {
      super(message);
    }
  }

  /** Reads a body whose grace period, if any, is at most {@code maxGracePeriodSeconds}. */
  public static StartErasureBody read(InputStream in, int maxGracePeriodSeconds)
      throws IOException, TooLargeException, MalformedException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new TooLargeException();
    }
    JsonNode json;
    try {
      json = JsonSerialization.mapper.readTree(bytes);
    } catch (IOException e) {
      throw new MalformedException("The request body is not valid JSON");
    }
    if (json == null || !json.isObject()) {
      throw new MalformedException("The request body must be a JSON object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new MalformedException("Unknown field: " + name);
      }
    }
    JsonNode confirmation = json.get("confirmation");
    if (confirmation == null || !confirmation.isTextual()) {
      throw new MalformedException(
          "The field 'confirmation' (the exact organisation name) is required");
    }
    JsonNode grace = json.get("gracePeriodSeconds");
    if (grace != null
        && (!grace.canConvertToInt()
            || !grace.isIntegralNumber()
            || grace.intValue() < 0
            || grace.intValue() > maxGracePeriodSeconds)) {
      throw new MalformedException(
          "The field 'gracePeriodSeconds' must be a whole number of seconds from 0 to "
              + maxGracePeriodSeconds);
    }
    return new StartErasureBody(
        confirmation.textValue(),
        Optional.ofNullable(grace).map(JsonNode::intValue),
        memberPolicy(json.get("memberPolicy")));
  }

  private static MemberPolicy memberPolicy(JsonNode policy) throws MalformedException {
    if (policy == null) {
      return MemberPolicy.ERASE;
    }
    try {
      if (policy.isTextual() && !policy.textValue().isBlank()) {
        return MemberPolicy.parse(policy.textValue());
      }
    } catch (IllegalArgumentException notAPolicy) {
      // Answered below, as for a value that is not text.
    }
    throw new MalformedException("The field 'memberPolicy' must be \"ERASE\" or \"DETACH\"");
  }
}
