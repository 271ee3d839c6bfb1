package dev.orgerasure.service.filestore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The file store the settings choose: {@code local} (a directory) or {@code s3} (a bucket). */
@ApplicationScoped
public class FileStores {

  @Inject
  @ConfigProperty(name = "erasure.file-store.type")
  String type;

  @Inject
  @ConfigProperty(name = "erasure.file-store.root")
  String root;

  // Optional: MicroProfile Config takes the empty default for "not set".
  @Inject
  @ConfigProperty(name = "erasure.file-store.s3.endpoint")
  Optional<String> endpoint;

  @Inject
  @ConfigProperty(name = "erasure.file-store.s3.region")
  String region;

  @Inject
  @ConfigProperty(name = "erasure.file-store.s3.bucket")
  Optional<String> bucket;

  @Inject
  @ConfigProperty(name = "erasure.file-store.s3.prefix")
  Optional<String> prefix;

  @Inject
  @ConfigProperty(name = "erasure.file-store.s3.access-key")
  Optional<String> accessKey;

  @Inject
  @ConfigProperty(name = "erasure.file-store.s3.secret-key")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "erasure.file-store.s3.path-style")
  boolean pathStyle;

  @Produces
  @ApplicationScoped
  FileStore fileStore() {
    return switch (type) {
      case "local" -> new LocalFileStore(root);
      case "s3" ->
          new S3FileStore(
              new S3FileStore.Settings(
                  endpoint,
                  region,
                  bucket.orElseThrow(
                      () ->
                          new IllegalStateException(
                              "erasure.file-store.type is s3 but erasure.file-store.s3.bucket is"
                                  + " not set")),
                  prefix.orElse(""),
                  accessKey,
                  secretKey,
                  pathStyle));
      default ->
          throw new IllegalStateException(
              "erasure.file-store.type is \"" + type + "\": it is local or s3");
    };
  }

  void close(@Disposes FileStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
