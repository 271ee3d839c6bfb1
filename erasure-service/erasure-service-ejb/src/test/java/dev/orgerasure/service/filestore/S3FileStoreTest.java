package dev.orgerasure.service.filestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 file store against a real S3-compatible server (Adobe's S3Mock, on a loopback port of this
 * JVM): what a purge deletes and what the counts measure, with keys under a prefix.
 */
class S3FileStoreTest {

  private static final String BUCKET = "application-files";
  private static final String PREFIX = "uploads/";

  @TempDir static Path objects;

  private static S3MockApplication server;
  private static S3Client application;

  private S3FileStore store;

  @BeforeAll
  static void startTheServer() {
    server =
        S3MockApplication.start(
            // A map S3Mock may add its defaults to.
            new HashMap<>(
                Map.of(
                    S3MockApplication.PROP_HTTP_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_INITIAL_BUCKETS,
                    BUCKET,
                    S3MockApplication.PROP_ROOT_DIRECTORY,
                    objects.toString(),
                    S3MockApplication.PROP_SILENT,
                    true)));
    application =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .endpointOverride(URI.create(endpoint()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
            .build();
  }

  @AfterAll
  static void stopTheServer() {
    application.close();
    server.stop();
  }

  @BeforeEach
  void openTheStore() {
    store = new S3FileStore(settings(BUCKET));
  }

  @AfterEach
  void closeTheStore() {
    store.close();
  }

  @Test
  void aStoredFileHasItsSizeAndIsGoneOnceRemoved() {
    put("org-1/course-1/notes.txt", "twelve bytes");

    assertEquals(12, store.sizeOf("org-1/course-1/notes.txt"));
    assertEquals(Optional.empty(), store.remove("org-1/course-1/notes.txt"));
    assertEquals(-1, store.sizeOf("org-1/course-1/notes.txt"));
  }

  @Test
  void removingAFileThatIsAlreadyGoneSucceedsSoAResumedPurgeCountsItOnce() {
    assertEquals(Optional.empty(), store.remove("org-1/never-stored.txt"));
  }

  @Test
  void removingOneFileLeavesTheOthersAndObjectsOutsideThePrefix() {
    put("org-2/a.txt", "a");
    put("org-3/a.txt", "other tenant");
    application.putObject(
        request -> request.bucket(BUCKET).key("org-2/a.txt"), RequestBody.fromString("unprefixed"));

    store.remove("org-2/a.txt");

    assertEquals(12, store.sizeOf("org-3/a.txt"));
    assertTrue(
        application.headObject(request -> request.bucket(BUCKET).key("org-2/a.txt")).contentLength()
            > 0,
        "the object outside the prefix stays");
  }

  @Test
  void aBucketThatDoesNotExistIsAnErrorReportedNotAFileDeleted() {
    try (S3FileStore missing = new S3FileStore(settings("no-such-bucket"))) {
      Optional<String> error = missing.remove("org-1/notes.txt");

      assertFalse(error.isEmpty());
      assertTrue(error.get().contains("NoSuchBucket"), error.get());
    }
  }

  @Test
  void aPathThatClimbsOutOfThePrefixIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> store.key("../other-app/secret.txt"));
    assertThrows(IllegalArgumentException.class, () -> store.key("org-1/../../x"));
    assertThrows(IllegalArgumentException.class, () -> store.key("/absolute"));
    assertFalse(store.remove("../other-app/secret.txt").isEmpty());
  }

  private static String endpoint() {
    return "http://127.0.0.1:" + server.getHttpPort();
  }

  private static S3FileStore.Settings settings(String bucket) {
    return new S3FileStore.Settings(
        Optional.of(endpoint()),
        "us-east-1",
        bucket,
        PREFIX,
        Optional.of("key"),
        Optional.of("secret"),
        true);
  }

  private static void put(String path, String content) {
    application.putObject(
        request -> request.bucket(BUCKET).key(PREFIX + path),
        RequestBody.fromString(content, StandardCharsets.UTF_8));
  }
}
