package dev.orgerasure.e2e.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports nobody listens on right now, taken below the systems' ephemeral ranges (Linux from
 * 32768, macOS and Windows from 49152). A port the kernel hands out for port 0 lies in that range,
 * where any outgoing connection may take it as its source port before the server that was given it
 * binds it, tens of seconds later; below it, only a listener can.
 */
public final class FreePorts {

  private static final int FIRST = 20_000;
  private static final int COUNT = 12_000;

  /** A random start, so that two harness processes do not walk the same ports. */
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

  private FreePorts() {}

  public static int find() {
    for (int tried = 0; tried < COUNT; tried++) {
      int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
      if (isFree(port)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "no free loopback port from " + FIRST + " to " + (FIRST + COUNT - 1));
  }

  /**
   * A free port whose next one is free too, for a server that takes both (the quickstart's second
   * erasure-service listens on the first one's port + 1); neither is handed out again.
   */
  public static int findPair() {
    for (int tried = 0; tried < COUNT; tried += 2) {
      int port = FIRST + Math.floorMod(NEXT.getAndAdd(2), COUNT - 1);
      if (isFree(port) && isFree(port + 1)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "no two free loopback ports in a row from " + FIRST + " to " + (FIRST + COUNT - 1));
  }

  /** The given port, or a free one when it is 0. */
  public static int orFree(int port) {
    return port == 0 ? find() : port;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
