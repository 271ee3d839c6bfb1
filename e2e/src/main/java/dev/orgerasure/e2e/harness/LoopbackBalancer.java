package dev.orgerasure.e2e.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The load balancer in front of a Keycloak cluster, on loopback: each TCP connection goes to the
 * first node that accepts it, in the order given, so that traffic reaches node A while it lives and
 * node B once A is dead, as a balancer's health checks would have it. Its address is the cluster's
 * public one ({@code --hostname}): the issuer of every token, the links in every e-mail, the
 * address the erasure-service calls.
 */
public final class LoopbackBalancer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LoopbackBalancer.class.getName());
  private static final int CONNECT_TIMEOUT_MILLIS = 1000;

  private final ServerSocket listener;
  private final List<Integer> backendPorts;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon());

  private LoopbackBalancer(ServerSocket listener, List<Integer> backendPorts) {
    this.listener = listener;
    this.backendPorts = List.copyOf(backendPorts);
  }

  /** Listens on {@code port} of 127.0.0.1 for connections to the backends, first one first. */
  public static LoopbackBalancer start(int port, List<Integer> backendPorts) {
    try {
      ServerSocket listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      LoopbackBalancer balancer = new LoopbackBalancer(listener, backendPorts);
      balancer.threads.execute(balancer::accept);
      return balancer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        threads.execute(() -> forward(client));
      } catch (IOException e) {
        if (!listener.isClosed()) {
          LOG.log(Level.WARNING, "accept failed", e);
        }
      }
    }
  }

  private void forward(Socket client) {
    Socket backend = connectToFirstLiving();
    if (backend == null) {
      closeQuietly(client);
      return;
    }
    threads.execute(() -> pipe(client, backend));
    pipe(backend, client);
  }

  private Socket connectToFirstLiving() {
    for (int port : backendPorts) {
      Socket backend = new Socket();
      try {
        backend.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
        return backend;
      } catch (IOException refused) {
        closeQuietly(backend);
      }
    }
    return null;
  }

  /** Copies until either side closes, then closes both: a dead node drops its connections. */
  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException closed) {
      // Either side went away; closing both below ends the other direction too.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "loopback-balancer");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the listener", e);
    }
    threads.shutdownNow();
  }
}
