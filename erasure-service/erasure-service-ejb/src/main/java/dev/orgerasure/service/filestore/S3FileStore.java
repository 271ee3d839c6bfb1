package dev.orgerasure.service.filestore;

import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Objects in one bucket of an S3-compatible store (Amazon S3, MinIO, Ceph, ...), the relative path
 * as the object key under an optional prefix. Deleting a key that does not exist succeeds in S3, so
 * a resumed purge counts a file once, as with a directory.
 */
public final class S3FileStore implements FileStore, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(S3FileStore.class.getName());

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /** Where and how to reach the bucket. */
  public record Settings(
      Optional<String> endpoint,
      String region,
      String bucket,
      String prefix,
      Optional<String> accessKey,
      Optional<String> secretKey,
      boolean pathStyle) {}

  public S3FileStore(Settings settings) {
    var builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle());
    settings.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
    if (settings.accessKey().isPresent() && settings.secretKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get())));
    }
    this.s3 = builder.build();
    this.bucket = settings.bucket();
    this.prefix = settings.prefix();
  }

  @Override
  public Optional<String> remove(String relativePath) {
    try {
      s3.deleteObject(request -> request.bucket(bucket).key(key(relativePath)));
      return Optional.empty();
    } catch (SdkException | IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "cannot delete the object " + relativePath + " of bucket " + bucket + ": " + e,
          e);
      return Optional.of(e.toString());
    }
  }

  @Override
  public long sizeOf(String relativePath) {
    try {
      return s3.headObject(request -> request.bucket(bucket).key(key(relativePath)))
          .contentLength();
    } catch (SdkException | IllegalArgumentException missingOrUnreadable) {
      return -1;
    }
  }

  /** The object key: the prefix and the relative path, which may not climb out of it. */
  String key(String relativePath) {
    if (relativePath.startsWith("/")
        || relativePath.equals("..")
        || relativePath.startsWith("../")
        || relativePath.contains("/../")
        || relativePath.endsWith("/..")) {
      throw new IllegalArgumentException("path leaves the file store: " + relativePath);
    }
    return prefix + relativePath;
  }

  @Override
  public void close() {
    s3.close();
  }
}
