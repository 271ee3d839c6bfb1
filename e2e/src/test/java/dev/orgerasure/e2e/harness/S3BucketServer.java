package dev.orgerasure.e2e.harness;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real S3-compatible server (Adobe's S3Mock, on a loopback port of the tests' JVM) holding one
 * bucket: the store an application keeps its files in, and the erasure-service deletes them from.
 * The tests write and look objects up with plain S3 requests, as any S3 client sends them.
 */
public final class S3BucketServer implements AutoCloseable {

  private final S3MockApplication server;
  private final String bucket;
  private final HttpClient http = HttpClient.newHttpClient();

  private S3BucketServer(S3MockApplication server, String bucket) {
    this.server = server;
    this.bucket = bucket;
  }

  /** Starts the server with {@code bucket}, its objects kept under {@code directory}. */
  public static S3BucketServer start(String bucket, Path directory) {
    // The tests' JVM logs through slf4j-simple; Spring Boot, under S3Mock, would insist on
    // configuring the Logback it brings along.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    S3MockApplication server =
        S3MockApplication.start(
            // A map S3Mock may add its defaults to.
            new HashMap<>(
                Map.of(
                    S3MockApplication.PROP_HTTP_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_INITIAL_BUCKETS,
                    bucket,
                    S3MockApplication.PROP_ROOT_DIRECTORY,
                    directory.toString(),
                    S3MockApplication.PROP_SILENT,
                    true)));
    return new S3BucketServer(server, bucket);
  }

  /** The endpoint an S3 client is given, with path-style addressing. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getHttpPort();
  }

  public String bucket() {
    return bucket;
  }

  /**
   * The settings that point the erasure-service's file store at this bucket (ear/README.md); the
   * server checks no credentials, but the service's client signs with some.
   */
  public Map<String, String> serviceSettings() {
    return Map.of(
        "ERASURE_FILE_STORE_TYPE", "s3",
        "ERASURE_FILE_STORE_S3_ENDPOINT", endpoint(),
        "ERASURE_FILE_STORE_S3_BUCKET", bucket,
        "ERASURE_FILE_STORE_S3_PATH_STYLE", "true",
        "ERASURE_FILE_STORE_S3_ACCESS_KEY", "test-access-key",
        "ERASURE_FILE_STORE_S3_SECRET_KEY", "test-secret-key");
  }

  /** Stores {@code content} under {@code key}, as the application uploads a file. */
  public void put(String key, byte[] content) {
    int status =
        send(
            HttpRequest.newBuilder(object(key))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build());
    if (status != 200) {
      throw new IllegalStateException("PUT " + key + " answered " + status);
    }
  }

  /** Whether an object is stored under {@code key}. */
  public boolean holds(String key) {
    int status =
        send(
            HttpRequest.newBuilder(object(key))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    if (status != 200 && status != 404) {
      throw new IllegalStateException("HEAD " + key + " answered " + status);
    }
    return status == 200;
  }

  private URI object(String key) {
    return URI.create(endpoint() + "/" + bucket + "/" + key);
  }

  private int send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
