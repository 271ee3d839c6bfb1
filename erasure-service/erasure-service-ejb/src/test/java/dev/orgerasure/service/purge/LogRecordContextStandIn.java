package dev.orgerasure.service.purge;

import java.util.HashMap;
import java.util.Map;

/** The static methods of Liberty's {@code LogRecordContext} that the service calls, on a map. */
public final class LogRecordContextStandIn {

  private static final ThreadLocal<Map<String, String>> EXTENSIONS =
      ThreadLocal.withInitial(HashMap::new);

  private LogRecordContextStandIn() {}

  public static void addExtension(String extensionName, String extensionValue) {
    if (extensionName == null || extensionValue == null) {
      throw new IllegalArgumentException("neither name nor value may be null");
    }
    EXTENSIONS.get().put(extensionName, extensionValue);
  }

  public static boolean removeExtension(String extensionName) {
    return EXTENSIONS.get().remove(extensionName) != null;
  }

  public static void getExtensions(Map<String, String> map) {
    map.put("thread", Thread.currentThread().getName());
    map.putAll(EXTENSIONS.get());
  }

  static Map<String, String> extensions() {
    return Map.copyOf(EXTENSIONS.get());
  }

  static void clear() {
    EXTENSIONS.remove();
  }
}
