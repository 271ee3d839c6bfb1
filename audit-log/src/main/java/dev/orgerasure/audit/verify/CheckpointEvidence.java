package dev.orgerasure.audit.verify;

import java.util.List;
import java.util.Optional;

/**
 * The checkpoints a log is verified against: those kept with the log (every one, in the database;
 * or the one an export ends with) and, when it is given, the external checkpoint directory's copy
 * of them.
 */
public final class CheckpointEvidence {

  private final List<String> kept;
  private final String keptWhere;
  private final boolean keptAll;
  private final Optional<List<String>> directory;

  private CheckpointEvidence(
      List<String> kept, String keptWhere, boolean keptAll, Optional<List<String>> directory) {
    this.kept = List.copyOf(kept);
    this.keptWhere = keptWhere;
    this.keptAll = keptAll;
    this.directory = directory.map(List::copyOf);
  }

  /** Every checkpoint the database holds; the first must start the chain. */
  public static CheckpointEvidence database(List<String> checkpoints) {
    return new CheckpointEvidence(checkpoints, "in the database", true, Optional.empty());
  }

  /** The one checkpoint an export ends with. */
  public static CheckpointEvidence export(String checkpoint) {
    return new CheckpointEvidence(List.of(checkpoint), "in the export", false, Optional.empty());
  }

  /** The same, compared with every checkpoint of the external directory. */
  public CheckpointEvidence withDirectory(List<String> checkpoints) {
    return new CheckpointEvidence(kept, keptWhere, keptAll, Optional.of(checkpoints));
  }

  List<String> kept() {
    return kept;
  }

  /** Where the kept checkpoints are, as words: "in the database". */
  String keptWhere() {
    return keptWhere;
  }

  /** Whether the kept checkpoints are all of them, from the log's first on. */
  boolean keptAll() {
    return keptAll;
  }

  Optional<List<String>> directory() {
    return directory;
  }
}
