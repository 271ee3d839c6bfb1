package dev.orgerasure.keycloak.support;

import org.jboss.logging.MDC;

/**
 * The erasure's id and realm as structured fields of every log record written on this thread while
 * it is worked on: in Keycloak's JSON logs ({@code --log-console-output=json}) they are {@code
 * mdc.erasureId} and {@code mdc.erasureRealm} (docs/operating.md, "Logs"). Only these two, never a
 * member's name or address. Closing puts back what the thread had before, so a step nested in
 * another keeps the outer erasure's fields afterwards.
 */
public final class ErasureLogContext implements AutoCloseable {

  static final String ERASURE_ID = "erasureId";
  static final String ERASURE_REALM = "erasureRealm";

  private final Object previousId;
  private final Object previousRealm;

  private ErasureLogContext(String erasureId, String realmName) {
    previousId = MDC.get(ERASURE_ID);
    previousRealm = MDC.get(ERASURE_REALM);
    put(ERASURE_ID, erasureId);
    put(ERASURE_REALM, realmName);
  }

  /** Marks the thread's log records with the erasure; {@code null}s leave a field out. */
  public static ErasureLogContext of(String erasureId, String realmName) {
    return new ErasureLogContext(erasureId, realmName);
  }

  /** Adds the erasure's id once it is known, keeping the realm already on the thread's records. */
  public static ErasureLogContext withErasure(String erasureId) {
    Object realmName = MDC.get(ERASURE_REALM);
    return of(erasureId, realmName == null ? null : realmName.toString());
  }

  /** The task, to run on another thread with this thread's erasure fields (worker threads). */
  public static Runnable carriedTo(Runnable task) {
    Object erasureId = MDC.get(ERASURE_ID);
    Object realmName = MDC.get(ERASURE_REALM);
    return () -> {
      try (ErasureLogContext context =
          of(
              erasureId == null ? null : erasureId.toString(),
              realmName == null ? null : realmName.toString())) {
        task.run();
      }
    };
  }

  @Override
  public void close() {
    put(ERASURE_ID, previousId);
    put(ERASURE_REALM, previousRealm);
  }

  private static void put(String key, Object value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
