package dev.orgerasure.service.purge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

/**
 * The erasure's id and realm as structured fields of every log record written on this thread while
 * it is worked on: in Liberty's JSON logs they are {@code ext_erasureId} and {@code
 * ext_erasureRealm} (docs/operating.md, "Logs"), as Keycloak's extension gives its records {@code
 * mdc.erasureId} and {@code mdc.erasureRealm}. Only these two, never a member's name or address.
 * Closing puts back what the thread had before, so a step nested in another keeps the outer
 * erasure's fields afterwards, and nothing is left for the next work on a pooled thread.
 *
 * <p>Liberty's {@code LogRecordContext} is reached reflectively: its API jar ships with the Liberty
 * runtime and is visible to applications ({@code ibm-api}, a default API type), but it is not
 * published where this build takes its libraries from. Where the class is absent (unit tests
 * outside Liberty) the fields are left out and the records' text still names the erasure.
 */
public final class ErasureLogContext implements AutoCloseable {

  private static final String ERASURE_ID = "erasureId";
  private static final String ERASURE_REALM = "erasureRealm";

  private static final String LIBERTY_LOG_RECORD_CONTEXT =
      "com.ibm.websphere.logging.hpel.LogRecordContext";

  private static final ThreadFields LIBERTY = ThreadFields.of(LIBERTY_LOG_RECORD_CONTEXT);

  private final ThreadFields fields;
  private final String previousId;
  private final String previousRealm;

  private ErasureLogContext(ThreadFields fields, String erasureId, String realmName) {
    this.fields = fields;
    Map<String, String> current = fields.current();
    previousId = current.get(ERASURE_ID);
    previousRealm = current.get(ERASURE_REALM);
    fields.put(ERASURE_ID, erasureId);
    fields.put(ERASURE_REALM, realmName);
  }

  /** Marks the thread's log records with the erasure; {@code null}s leave a field out. */
  public static ErasureLogContext of(String erasureId, String realmName) {
    return of(LIBERTY, erasureId, realmName);
  }

  static ErasureLogContext of(ThreadFields fields, String erasureId, String realmName) {
    return new ErasureLogContext(fields, erasureId, realmName);
  }

  @Override
  public void close() {
    fields.put(ERASURE_ID, previousId);
    fields.put(ERASURE_REALM, previousRealm);
  }

  /** The thread-scoped fields of the log records a thread writes. */
  interface ThreadFields {

    /** Leaves every record as it is: outside Liberty. */
    ThreadFields NONE =
        new ThreadFields() {
          @Override
          public Map<String, String> current() {
            return Map.of();
          }

          @Override
          public void put(String name, String value) {}
        };

    Map<String, String> current();

    /** Sets the field; {@code null} removes it. */
    void put(String name, String value);

    /**
     * The fields of the class named, which has the static methods of Liberty's {@code
     * LogRecordContext}; {@link #NONE} when it cannot be loaded.
     */
    static ThreadFields of(String className) {
      try {
        Class<?> context = Class.forName(className, true, ErasureLogContext.class.getClassLoader());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle add =
            lookup.findStatic(
                context,
                "addExtension",
                MethodType.methodType(void.class, String.class, String.class));
        MethodHandle remove =
            lookup.findStatic(
                context, "removeExtension", MethodType.methodType(boolean.class, String.class));
        MethodHandle read =
            lookup.findStatic(
                context, "getExtensions", MethodType.methodType(void.class, Map.class));
        return new ReflectedFields(add, remove, read);
      } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException absent) {
        return NONE;
      }
    }
  }

  private record ReflectedFields(MethodHandle add, MethodHandle remove, MethodHandle read)
      implements ThreadFields {

    @Override
    public Map<String, String> current() {
      Map<String, String> extensions = new HashMap<>();
      call(read, extensions);
      return extensions;
    }

    @Override
    public void put(String name, String value) {
      if (value == null) {
        call(remove, name);
      } else {
        call(add, name, value);
      }
    }

    private static void call(MethodHandle method, Object... arguments) {
      try {
        method.invokeWithArguments(arguments);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
