package dev.orgerasure.keycloak.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErasureLogContextTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void marksTheThreadsRecordsWithTheErasureWhileOpen() {
    try (ErasureLogContext context = ErasureLogContext.of("e-1", "learning")) {
      assertEquals("e-1", MDC.get(ErasureLogContext.ERASURE_ID));
      assertEquals("learning", MDC.get(ErasureLogContext.ERASURE_REALM));
    }
    assertNull(MDC.get(ErasureLogContext.ERASURE_ID));
    assertNull(MDC.get(ErasureLogContext.ERASURE_REALM));
  }

  @Test
  void anInnerContextGivesTheOuterOneBackWhenClosed() {
    try (ErasureLogContext outer = ErasureLogContext.of("e-1", "learning")) {
      try (ErasureLogContext inner = ErasureLogContext.of("e-2", null)) {
        assertEquals("e-2", MDC.get(ErasureLogContext.ERASURE_ID));
        assertNull(MDC.get(ErasureLogContext.ERASURE_REALM));
      }
      assertEquals("e-1", MDC.get(ErasureLogContext.ERASURE_ID));
      assertEquals("learning", MDC.get(ErasureLogContext.ERASURE_REALM));
    }
  }

  @Test
  void theErasuresIdJoinsTheRealmAlreadyOnTheThread() {
    try (ErasureLogContext realm = ErasureLogContext.of(null, "learning");
        ErasureLogContext erasure = ErasureLogContext.withErasure("e-4")) {
      assertEquals("e-4", MDC.get(ErasureLogContext.ERASURE_ID));
      assertEquals("learning", MDC.get(ErasureLogContext.ERASURE_REALM));
    }
  }

  @Test
  void aWorkerThreadCarriesTheFieldsOfTheThreadThatGaveItTheTask() throws Exception {
    AtomicReference<Object> seen = new AtomicReference<>();
    Runnable task;
    try (ErasureLogContext context = ErasureLogContext.of("e-3", "crm")) {
      task = ErasureLogContext.carriedTo(() -> seen.set(MDC.get(ErasureLogContext.ERASURE_ID)));
    }
    Thread worker = new Thread(task);
    worker.start();
    worker.join();
    assertEquals("e-3", seen.get());
  }
}
