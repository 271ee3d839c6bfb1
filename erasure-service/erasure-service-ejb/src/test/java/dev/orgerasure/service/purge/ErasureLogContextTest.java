package dev.orgerasure.service.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErasureLogContextTest {

  private static final ErasureLogContext.ThreadFields FIELDS =
      ErasureLogContext.ThreadFields.of(LogRecordContextStandIn.class.getName());

  @AfterEach
  void clearThread() {
    LogRecordContextStandIn.clear();
  }

  @Test
  void theErasureIsOnTheThreadsRecordsWhileOpenAndGoneAfterwards() {
    try (ErasureLogContext context = ErasureLogContext.of(FIELDS, "e-1", "learning")) {
      assertEquals(
          Map.of("erasureId", "e-1", "erasureRealm", "learning"),
          LogRecordContextStandIn.extensions());
    }
    assertEquals(Map.of(), LogRecordContextStandIn.extensions());
  }

  @Test
  void workThatFailsLeavesNoFieldForTheThreadsNextWork() {
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (ErasureLogContext context = ErasureLogContext.of(FIELDS, "e-1", "learning")) {
            throw new IllegalStateException("step failed");
          }
        });
    assertEquals(Map.of(), LogRecordContextStandIn.extensions());
  }

  @Test
  void closingAnInnerErasurePutsBackTheOuterOne() {
    try (ErasureLogContext outer = ErasureLogContext.of(FIELDS, "outer", "learning")) {
      try (ErasureLogContext inner = ErasureLogContext.of(FIELDS, "inner", "groups")) {
        assertEquals("inner", LogRecordContextStandIn.extensions().get("erasureId"));
      }
      assertEquals(
          Map.of("erasureId", "outer", "erasureRealm", "learning"),
          LogRecordContextStandIn.extensions());
    }
  }

  @Test
  void anUnknownIdLeavesItsFieldOut() {
    try (ErasureLogContext context = ErasureLogContext.of(FIELDS, null, "learning")) {
      assertEquals(Map.of("erasureRealm", "learning"), LogRecordContextStandIn.extensions());
    }
  }

  @Test
  void withoutLibertysClassTheRecordsStayAsTheyAre() {
    ErasureLogContext.ThreadFields absent =
        ErasureLogContext.ThreadFields.of("com.example.NoSuchLogRecordContext");
    assertSame(ErasureLogContext.ThreadFields.NONE, absent);
    try (ErasureLogContext context = ErasureLogContext.of(absent, "e-1", "learning")) {
      assertEquals(Map.of(), absent.current());
    }
  }
}
