package dev.orgerasure.service.learning;

import java.util.stream.Stream;

public interface AssetRepository {

  /** The file-store paths of the organisation's assets; close the stream after use. */
  Stream<String> filePathsOf(String orgId);
}
