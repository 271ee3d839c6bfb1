package dev.orgerasure.service.learning;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

public interface AssetRepository {

  /** The file-store paths of the organisation's assets; close the stream after use. */
  Stream<String> filePathsOf(String orgId);

  /**
   * Asset files and their bytes per organisation, as recorded; organisations without are left out.
   */
  Map<String, FileTotals> fileTotalsOf(List<String> orgIds);

  record FileTotals(long files, long bytes) {}
}
