package dev.orgerasure.keycloak.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartErasureBodyTest {

  private static final int MAX_GRACE_SECONDS = 7 * 24 * 3600;

  private static StartErasureBody read(String body) throws Exception {
    return StartErasureBody.read(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), MAX_GRACE_SECONDS);
  }

  @Test
  void confirmationIsReadVerbatim() throws Exception {
    assertEquals(" Acme ", read("{\"confirmation\":\" Acme \"}").confirmation());
  }

  @Test
  void gracePeriodIsOptional() throws Exception {
    assertEquals(Optional.empty(), read("{\"confirmation\":\"A\"}").gracePeriodSeconds());
    assertEquals(
        Optional.of(3600),
        read("{\"confirmation\":\"A\",\"gracePeriodSeconds\":3600}").gracePeriodSeconds());
  }

  @Test
  void negativeOrFractionalGracePeriodIsRefused() {
    assertThrows(
        StartErasureBody.MalformedException.class,
        () -> read("{\"confirmation\":\"A\",\"gracePeriodSeconds\":-1}"));
    assertThrows(
        StartErasureBody.MalformedException.class,
        () -> read("{\"confirmation\":\"A\",\"gracePeriodSeconds\":1.5}"));
    assertThrows(
        StartErasureBody.MalformedException.class,
        () -> read("{\"confirmation\":\"A\",\"gracePeriodSeconds\":\"1\"}"));
  }

  @Test
  void malformedJsonIsRefused() {
    assertThrows(StartErasureBody.MalformedException.class, () -> read("{\"confirmation\":"));
  }

  @Test
  void nonObjectIsRefused() {
    assertThrows(StartErasureBody.MalformedException.class, () -> read("[\"Acme\"]"));
  }

  @Test
  void missingConfirmationIsRefused() {
    assertThrows(StartErasureBody.MalformedException.class, () -> read("{}"));
  }

  @Test
  void nonStringConfirmationIsRefused() {
    assertThrows(StartErasureBody.MalformedException.class, () -> read("{\"confirmation\":42}"));
  }

  @Test
  void unknownFieldIsRefused() {
    assertThrows(
        StartErasureBody.MalformedException.class,
        () -> read("{\"confirmation\":\"A\",\"orgId\":\"x\"}"));
  }

  @Test
  void bodyOverTheLimitIsRefused() {
    String big = "{\"confirmation\":\"" + "a".repeat(StartErasureBody.MAX_BYTES) + "\"}";
    assertThrows(StartErasureBody.TooLargeException.class, () -> read(big));
  }
}
