package dev.orgerasure.keycloak.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.audit.checkpoint.AuditKeyStore;
import dev.orgerasure.audit.checkpoint.CheckpointDirectory;
import dev.orgerasure.audit.checkpoint.CheckpointException;
import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.CanonicalJson;
import dev.orgerasure.audit.log.CompactRange;
import dev.orgerasure.audit.log.Hashes;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.note.SignedNote;
import dev.orgerasure.audit.note.TlogCheckpoint;
import dev.orgerasure.audit.note.TlogProof;
import dev.orgerasure.audit.receipt.Receipt;
import dev.orgerasure.audit.verify.CheckpointEvidence;
import dev.orgerasure.audit.verify.LogVerifier;
import dev.orgerasure.audit.verify.LoggedRecord;
import dev.orgerasure.audit.verify.VerificationReport;
import dev.orgerasure.keycloak.support.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;

/**
 * Appends records to the audit log (docs/audit.md): at most one per erasure and event, each sealed
 * into the Merkle tree and covered by a new signed checkpoint in the same transaction, under the
 * head row's lock, so that appends of several nodes never fork the log. The checkpoint is also
 * written to the checkpoint directory once the transaction has committed.
 */
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class);

  /**
   * The records this node appended, on Keycloak's metrics (docs/operating.md, "Metrics and
   * alerts"); registered once, the same counter at every call.
   */
  public static Counter appendsCounter() {
    return Counter.builder("org_erasure_audit_appends")
        .description("Records appended to the erasure audit log by this node")
        .register(Metrics.globalRegistry);
  }

  /** Records read per query while exporting or verifying, so memory stays flat at any size. */
  private static final int PAGE = 1000;

  private final KeycloakSession session;
  private final EntityManager em;
  private final AuditKeyStore keys;
  private final CheckpointDirectory checkpoints;
  private final String origin;

  public AuditLog(KeycloakSession session, AuditKeys keys) {
    this.session = session;
    this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    this.keys = keys.current(session);
    this.checkpoints = keys.checkpoints();
    this.origin = keys.logOrigin();
  }

  /** The record of this event of this erasure: the existing one, or a new one at the log's end. */
  public AuditRecordEntity append(AuditEvent event) {
    AuditLogHeadEntity head =
        em.find(AuditLogHeadEntity.class, AuditLogHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
    Optional<AuditRecordEntity> existing =
        em.createNamedQuery("AuditRecord.findByRequestAndEvent", AuditRecordEntity.class)
            .setParameter("requestId", event.requestId())
            .setParameter("event", event.event())
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    CompactRange tree = CompactRange.decode(head.getCompactRange());
    String previousCheckpoint = checkpointJws(tree.size()).orElse(null);
    for (AuditRecordEntity unsealed :
        em.createNamedQuery("AuditRecord.unsealed", AuditRecordEntity.class).getResultList()) {
      seal(unsealed, tree);
    }
    AuditRecordEntity record =
        new AuditRecordEntity(tree.size() + 1, Time.currentTimeMillis(), event);
    em.persist(record);
    AfterCommit.run(session, () -> appendsCounter().increment());
    seal(record, tree);
    SignedCheckpoint checkpoint =
        keys.signer()
            .sign(
                tree.size(),
                tree.root(),
                Instant.ofEpochMilli(record.getRecordedAt()),
                Optional.ofNullable(previousCheckpoint));
    em.persist(
        new AuditCheckpointEntity(
            tree.size(),
            record.getRecordedAt(),
            keys.activeKey().keyId(),
            checkpoint.checkpoint().rootHash(),
            checkpoint.jws()));
    head.moveTo(tree.size(), tree.encode());
    em.flush();
    writeOutsideTheDatabaseAfterCommit(
        Optional.ofNullable(previousCheckpoint).map(this::trusted), checkpoint);
    return record;
  }

  /** The checkpoint of the log at exactly this size, if one was signed. */
  private Optional<String> checkpointJws(long treeSize) {
    return Optional.ofNullable(em.find(AuditCheckpointEntity.class, treeSize))
        .map(AuditCheckpointEntity::getJws);
  }

  private void seal(AuditRecordEntity record, CompactRange tree) {
    if (record.getSequence() != tree.size() + 1) {
      throw new IllegalStateException(
          "Audit record " + record.getSequence() + " does not follow the log's end " + tree.size());
    }
    String json = CanonicalJson.canonicalize(recordJson(record));
    byte[] leafHash = MerkleTree.leafHash(CanonicalJson.canonicalBytes(json));
    record.seal(json, Hashes.toHex(leafHash));
    tree.append(leafHash);
  }

  /** The record as the log holds it (docs/audit.md, "Records"). */
  private String recordJson(AuditRecordEntity record) {
    ObjectNode json = JsonSerialization.mapper.createObjectNode();
    json.put("seq", record.getSequence());
    json.put("time", Instant.ofEpochMilli(record.getRecordedAt()).toString());
    json.put("event", record.getEvent());
    json.put("erasureId", record.getRequestId());
    json.putObject("realm").put("id", record.getRealmId()).put("name", record.getRealmName());
    json.putObject("tenant")
        .put("kind", record.getTenantKind().name().toLowerCase(Locale.ROOT))
        .put("id", record.getOrganizationId())
        .put("name", record.getOrganizationName());
    json.putObject("requester")
        .put("id", record.getRequesterId())
        .put("emailDigest", record.getRequesterEmailDigest());
    json.put("memberCount", record.getMemberCount());
    try {
      json.set("counts", JsonSerialization.mapper.readTree(record.getCounts()));
      if (record.getNotifiedToDigest() != null || record.getNotificationError() != null) {
        json.putObject("notification")
            .put("sentToDigest", record.getNotifiedToDigest())
            .put("error", record.getNotificationError());
      }
      json.put("status", record.getStatus());
      json.put("keyId", keys.activeKey().keyId());
      return JsonSerialization.mapper.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy outside the database, written only once the checkpoint is committed: a rolled-back
   * append must not leave a checkpoint the log never had. The previous checkpoint is written again
   * (a no-op when its file is there), so a copy a crash lost in between is made up at the next
   * append; the directory never takes a different checkpoint for a size it holds.
   */
  private void writeOutsideTheDatabaseAfterCommit(
      Optional<SignedCheckpoint> previous, SignedCheckpoint checkpoint) {
    Optional<String> previousNote = previous.map(this::note);
    String note = note(checkpoint);
    AfterCommit.run(
        session,
        () -> {
          try {
            if (previous.isPresent()) {
              checkpoints.write(previous.get());
              checkpoints.writeNote(previous.get().checkpoint().treeSize(), previousNote.get());
            }
            checkpoints.write(checkpoint);
            checkpoints.writeNote(checkpoint.checkpoint().treeSize(), note);
            LOG.infof(
                "Audit checkpoint %d %s written",
                checkpoint.checkpoint().treeSize(), checkpoint.hash());
          } catch (IOException e) {
            LOG.errorf(
                e,
                "Audit checkpoint %d could not be written outside the database",
                checkpoint.checkpoint().treeSize());
          }
        });
  }

  /** Every record of one erasure, in log order. */
  public List<AuditRecordEntity> recordsOf(String requestId) {
    return em.createNamedQuery("AuditRecord.ofRequest", AuditRecordEntity.class)
        .setParameter("requestId", requestId)
        .getResultList();
  }

  /** The records the query selects, in log order, after the record {@code afterSeq}. */
  public List<AuditRecordEntity> find(AuditQuery query, long afterSeq, int max) {
    Map<String, Object> parameters = new HashMap<>();
    String where = query.where(parameters);
    TypedQuery<AuditRecordEntity> select =
        em.createQuery(
                "select a from AuditRecordEntity a where a.sequence > :after"
                    + where
                    + " order by a.sequence",
                AuditRecordEntity.class)
            .setParameter("after", afterSeq)
            .setMaxResults(max);
    parameters.forEach(select::setParameter);
    return select.getResultList();
  }

  /** The latest checkpoint, which covers the whole log. */
  public Optional<SignedCheckpoint> latestCheckpoint() {
    return em.createNamedQuery("AuditCheckpoint.latest", AuditCheckpointEntity.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(checkpoint -> trusted(checkpoint.getJws()));
  }

  /**
   * Writes the records the query selects as an export (docs/audit.md, "Export"), one page of
   * records at a time: the whole log as a complete export, anything less as a selection whose
   * records carry their inclusion proofs.
   */
  public void export(AuditQuery query, ExportSink sink) throws IOException {
    Optional<SignedCheckpoint> checkpoint = latestCheckpoint();
    if (checkpoint.isEmpty()) {
      sink.empty();
      return;
    }
    long treeSize = checkpoint.get().checkpoint().treeSize();
    List<byte[]> leaves = query.isWholeLog() ? List.of() : leafHashes(treeSize);
    sink.start(checkpoint.get(), query.isWholeLog());
    long after = 0;
    while (true) {
      List<AuditRecordEntity> page = find(query, after, PAGE);
      for (AuditRecordEntity record : page) {
        if (record.getSequence() > treeSize) {
          // Appended after the checkpoint was read: the next export covers it.
          sink.finish();
          return;
        }
        sink.record(
            record,
            query.isWholeLog()
                ? List.of()
                : MerkleTree.inclusionProof(
                    leaves, (int) record.getSequence() - 1, (int) treeSize));
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).getSequence();
      em.clear();
    }
    sink.finish();
  }

  /** Where an export goes: JSON Lines, CSV. */
  public interface ExportSink {
    void start(SignedCheckpoint checkpoint, boolean complete) throws IOException;

    void record(AuditRecordEntity record, List<byte[]> inclusionProof) throws IOException;

    void finish() throws IOException;

    /** The log has no record yet. */
    void empty() throws IOException;
  }

  /**
   * Checks the whole log as the offline verifier does: every record's hash, every checkpoint's
   * signature and chain, each checkpoint's root against the records, and the checkpoints in the
   * database against those in the directory outside it.
   */
  public VerificationReport verify() throws IOException {
    List<String> inTheDatabase =
        em.createNamedQuery("AuditCheckpoint.all", AuditCheckpointEntity.class)
            .getResultStream()
            .map(AuditCheckpointEntity::getJws)
            .toList();
    return new LogVerifier(keys.jwks())
        .verify(
            new PagedRecords(),
            CheckpointEvidence.database(inTheDatabase).withDirectory(checkpoints.readAll()));
  }

  /** The log's records one page at a time, as the verifier reads them. */
  private final class PagedRecords implements Iterator<LoggedRecord> {
    private final AuditQuery everything = new AuditQuery(null, null, null, null, null, null);
    private List<AuditRecordEntity> page = List.of();
    private int next;
    private long after;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      if (next < page.size()) {
        return true;
      }
      if (exhausted) {
        return false;
      }
      em.clear();
      page = find(everything, after, PAGE);
      next = 0;
      exhausted = page.size() < PAGE;
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).getSequence();
      }
      return !page.isEmpty();
    }

    @Override
    public LoggedRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      AuditRecordEntity record = page.get(next++);
      return record.getLeafHash() == null || record.getRecordJson() == null
          ? LoggedRecord.of(record.getRecordJson() == null ? "{}" : record.getRecordJson())
          : LoggedRecord.withStoredLeafHash(
              record.getRecordJson(), Hashes.fromHex(record.getLeafHash()));
    }
  }

  /**
   * The erasure's receipt: its completion record, that record's inclusion proof and the signed
   * checkpoint made when it was appended. Empty until the erasure has completed.
   */
  public Optional<Receipt> receipt(String requestId) {
    Optional<AuditRecordEntity> completion =
        em.createNamedQuery("AuditRecord.findByRequestAndEvent", AuditRecordEntity.class)
            .setParameter("requestId", requestId)
            .setParameter("event", AuditEventType.COMPLETED.name())
            .getResultStream()
            .findFirst();
    return completion.flatMap(
        record ->
            checkpointJws(record.getSequence())
                .map(
                    jws ->
                        Receipt.of(
                            AuditRecord.parse(record.getRecordJson()),
                            MerkleTree.inclusionProof(
                                leafHashes(record.getSequence()),
                                (int) record.getSequence() - 1,
                                (int) record.getSequence()),
                            trusted(jws))));
  }

  private List<byte[]> leafHashes(long upTo) {
    return em.createNamedQuery("AuditRecord.leafHashes", String.class)
        .setParameter("upTo", upTo)
        .getResultStream()
        .map(Hashes::fromHex)
        .toList();
  }

  /**
   * The checkpoint as a C2SP signed note (docs/audit.md, "Standard checkpoint format"): the same
   * tree size and root hash, under the log's origin, signed with the active note key. Ed25519 signs
   * deterministically, so a checkpoint's note is the same whenever it is made.
   */
  private String note(SignedCheckpoint checkpoint) {
    return TlogCheckpoint.of(origin, checkpoint.checkpoint())
        .sign(keys.noteSigner(origin))
        .format();
  }

  /** The log's latest checkpoint as a C2SP signed note; empty while the log is empty. */
  public Optional<String> latestCheckpointNote() {
    return em.createNamedQuery("AuditCheckpoint.latest", AuditCheckpointEntity.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(latest -> note(trusted(latest.getJws())));
  }

  /**
   * The erasure's receipt as a C2SP tlog-proof: its completion record, the record's inclusion proof
   * and the checkpoint's note. Empty until the erasure has completed.
   */
  public Optional<String> tlogProof(String requestId) {
    return receipt(requestId)
        .map(
            receipt ->
                TlogProof.of(receipt, SignedNote.parse(note(trusted(receipt.checkpointJws()))))
                    .format());
  }

  /** The verifier keys of the log's note keys, one per line, as a witness is given them. */
  public String noteVerifierKeys() {
    StringBuilder lines = new StringBuilder();
    keys.noteVerifiers(origin).forEach(key -> lines.append(key.verifierKey()).append('\n'));
    return lines.toString();
  }

  private SignedCheckpoint trusted(String jws) {
    try {
      return SignedCheckpoint.verify(jws, keys.jwks());
    } catch (CheckpointException e) {
      throw new IllegalStateException("A checkpoint of the audit log does not verify", e);
    }
  }
}
