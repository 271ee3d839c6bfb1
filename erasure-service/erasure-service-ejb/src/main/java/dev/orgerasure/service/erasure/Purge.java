package dev.orgerasure.service.erasure;

import dev.orgerasure.contract.ContractLimits;
import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.PurgeState;
import dev.orgerasure.contract.PurgeStatus;
import dev.orgerasure.contract.TableCount;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.service.contract.InventoryCounts;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The purge of one organisation's application data, handed over by Keycloak under its request id.
 * Every state change is a method here that checks the state it starts from.
 */
@Entity
@Table(name = "purge")
@NamedQuery(
    name = "Purge.findInProgress",
    query = "SELECT p.requestId FROM Purge p WHERE p.state IN :states")
@NamedQuery(
    name = "Purge.countByState",
    query = "SELECT p.state, COUNT(p) FROM Purge p GROUP BY p.state")
public class Purge {

  static final int MAX_ID_LENGTH = 36;

  static final int MAX_TENANT_KEY_LENGTH = 255;
  static final int MAX_NAME_LENGTH = 255;

  @Id
  @Column(name = "request_id", length = MAX_ID_LENGTH)
  private String requestId;

  @Column(name = "org_id", nullable = false, updatable = false, length = MAX_ID_LENGTH)
  private String orgId;

  @Column(name = "tenant_key", updatable = false, length = MAX_TENANT_KEY_LENGTH)
  private String tenantKey;

  @Column(name = "org_name", nullable = false, updatable = false)
  private String orgName;

  @Enumerated(EnumType.STRING)
  @Column(name = "member_policy", nullable = false, updatable = false, length = 8)
  private MemberPolicy memberPolicy;

  /** What the tenant is in Keycloak, for the record; the data is keyed by its id either way. */
  @Enumerated(EnumType.STRING)
  @Column(name = "tenant_kind", nullable = false, updatable = false, length = 16)
  private TenantKind tenantKind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private PurgeState state;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private OffsetDateTime requestedAt;

  @Column(name = "grace_until", nullable = false)
  private OffsetDateTime graceUntil;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  @Column(name = "reported_at")
  private OffsetDateTime reportedAt;

  @Column(name = "files_deleted", nullable = false)
  private long filesDeleted;

  @Column(name = "files_failed", nullable = false)
  private long filesFailed;

  @Column(name = "report_attempts", nullable = false)
  private int reportAttempts;

  @Column(name = "next_report_at")
  private OffsetDateTime nextReportAt;

  @Column(name = "last_report_error", length = 1024)
  private String lastReportError;

  @OneToMany(mappedBy = "purge", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<PurgeProgress> progress = new ArrayList<>();

  @OneToMany(
      mappedBy = "purge",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.EAGER)
  @OrderBy("path")
  private List<UndeletedFile> undeletedFiles = new ArrayList<>();

  protected Purge() {}

  /**
   * @param tenantKey the tenant's key in the application's tables, as text: the organisation's id,
   *     or the application's own id of it (docs/inventory.md); null when the inventory maps
   *     Keycloak's ids and the application holds no tenant for the organisation, whose purge then
   *     finds only its erased members' own rows
   * @param memberPolicy what the purge does to the members' own rows (the inventory says which)
   * @param tenantKind what the tenant is in Keycloak
   * @param tablesInPurgeOrder the inventory tables, children first: one progress row each
   */
  public Purge(
      String requestId,
      String orgId,
      String tenantKey,
      String orgName,
      MemberPolicy memberPolicy,
      TenantKind tenantKind,
      Duration gracePeriod,
      Instant now,
      List<String> tablesInPurgeOrder) {
    this.requestId = requireUuid(requestId);
    this.orgId = requireText(orgId, "organizationId", MAX_ID_LENGTH);
    this.tenantKey =
        tenantKey == null ? null : requireText(tenantKey, "tenant key", MAX_TENANT_KEY_LENGTH);
    this.orgName = requireText(orgName, "organizationName", MAX_NAME_LENGTH);
    this.memberPolicy = Objects.requireNonNull(memberPolicy, "memberPolicy");
    this.tenantKind = Objects.requireNonNull(tenantKind, "tenantKind");
    Objects.requireNonNull(gracePeriod, "gracePeriod");
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod is negative");
    }
    Objects.requireNonNull(now, "now");
    this.requestedAt = at(now);
    this.graceUntil = at(now.plus(gracePeriod));
    this.state = PurgeState.SCHEDULED;
    if (tablesInPurgeOrder.isEmpty()) {
      throw new IllegalArgumentException("no tables to purge");
    }
    for (int i = 0; i < tablesInPurgeOrder.size(); i++) {
      progress.add(new PurgeProgress(this, tablesInPurgeOrder.get(i), i));
    }
  }

  private static String requireUuid(String requestId) {
    requireText(requestId, "requestId", MAX_ID_LENGTH);
    try {
      UUID.fromString(requestId);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("requestId is not a UUID");
    }
    return requestId;
  }

  private static String requireText(String value, String what, int maxLength) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(what + " longer than " + maxLength + " characters");
    }
    return value;
  }

  /** What this purge needs next, by its state and the time. */
  public enum NextStep {
    /** The grace period runs, or the next report attempt is not due yet. */
    WAIT,
    /** A batch of rows is to be deleted (the first one ends the grace period). */
    PURGE_BATCH,
    /** The app data is gone and Keycloak is to be told now. */
    REPORT,
    /** Files that could not be deleted are due for another attempt. */
    RETRY_FILES,
    /** Reported (no file left failing) or cancelled: the purge's timer may go. */
    NOTHING_LEFT
  }

  public NextStep nextStep(Instant now) {
    return switch (state) {
      case SCHEDULED -> isDue(now) ? NextStep.PURGE_BATCH : NextStep.WAIT;
      case PURGING_APP_DATA -> NextStep.PURGE_BATCH;
      case APP_DATA_PURGED, REPORT_RETRYING ->
          isReportDue(now)
              ? NextStep.REPORT
              : hasFilesDue(now) ? NextStep.RETRY_FILES : NextStep.WAIT;
      case REPORTED ->
          hasFilesDue(now)
              ? NextStep.RETRY_FILES
              : undeletedFiles.isEmpty() ? NextStep.NOTHING_LEFT : NextStep.WAIT;
      case CANCELLED -> NextStep.NOTHING_LEFT;
    };
  }

  /**
   * Ends the grace period if it still runs on paper; {@code true} when this call started purging.
   */
  public boolean startPurgingIfScheduled(Instant now) {
    if (state != PurgeState.SCHEDULED) {
      return false;
    }
    startPurging(now);
    return true;
  }

  /** Whether the grace period has ended, so that purging may start. */
  public boolean isDue(Instant now) {
    return state == PurgeState.SCHEDULED && !now.isBefore(graceUntil());
  }

  public void startPurging(Instant now) {
    requireState(PurgeState.SCHEDULED, "start purging");
    if (now.isBefore(graceUntil())) {
      throw new IllegalStateException("the grace period runs until " + graceUntil);
    }
    state = PurgeState.PURGING_APP_DATA;
    startedAt = at(now);
  }

  /**
   * Counts one batch of one table (rows deleted, or reset under Detach), with the files deleted for
   * its rows; the files that could not be deleted are kept, each retried after the back-off.
   */
  public void recordBatch(
      String table,
      long rows,
      long filesDeletedNow,
      List<FileFailure> failures,
      Instant now,
      ReportBackoff fileBackoff) {
    requireState(PurgeState.PURGING_APP_DATA, "record a batch");
    if (filesDeletedNow < 0) {
      throw new IllegalArgumentException("file count is negative");
    }
    progressRecording(table).add(rows);
    filesDeleted += filesDeletedNow;
    for (FileFailure failure : failures) {
      undeletedFile(failure.path())
          .ifPresentOrElse(
              file -> file.failedAgain(failure.error(), now, fileBackoff),
              () ->
                  undeletedFiles.add(
                      new UndeletedFile(this, failure.path(), failure.error(), now, fileBackoff)));
    }
    filesFailed = undeletedFiles.size();
  }

  /** Whether a file that could not be deleted is due for another attempt. */
  public boolean hasFilesDue(Instant now) {
    return undeletedFiles.stream().anyMatch(file -> file.isDue(now));
  }

  /**
   * The paths of the files still failing; only those due for another attempt unless {@code all}.
   */
  public List<String> undeletedFilePaths(Instant now, boolean all) {
    return undeletedFiles.stream()
        .filter(file -> all || file.isDue(now))
        .map(UndeletedFile::path)
        .toList();
  }

  /** A retry deleted the file (or found it gone): it counts as deleted and leaves the list. */
  public void undeletedFileDeleted(String path) {
    UndeletedFile file =
        undeletedFile(path)
            .orElseThrow(() -> new IllegalArgumentException("not a failed file: " + path));
    undeletedFiles.remove(file);
    filesDeleted++;
    filesFailed = undeletedFiles.size();
  }

  /** A retry failed again: keep its error and wait longer. */
  public void undeletedFileFailedAgain(
      String path, String error, Instant now, ReportBackoff fileBackoff) {
    undeletedFile(path)
        .orElseThrow(() -> new IllegalArgumentException("not a failed file: " + path))
        .failedAgain(error, now, fileBackoff);
  }

  private Optional<UndeletedFile> undeletedFile(String path) {
    return undeletedFiles.stream().filter(file -> file.path().equals(path)).findFirst();
  }

  /** Every table is empty for the organisation: the report to Keycloak is due at once. */
  public void finishPurging(Instant now) {
    requireState(PurgeState.PURGING_APP_DATA, "finish purging");
    state = PurgeState.APP_DATA_PURGED;
    finishedAt = at(now);
    nextReportAt = at(now);
  }

  public boolean isReportDue(Instant now) {
    return state.awaitsReport() && !now.isBefore(nextReportAt());
  }

  public void reported(Instant now) {
    requireReportAwaited("record the report");
    state = PurgeState.REPORTED;
    reportedAt = at(now);
    reportAttempts++;
    nextReportAt = null;
    lastReportError = null;
  }

  /** The report failed: retry after the back-off for the number of attempts made so far. */
  public void reportFailed(Instant now, String error, ReportBackoff backoff) {
    requireReportAwaited("record a failed report");
    state = PurgeState.REPORT_RETRYING;
    reportAttempts++;
    nextReportAt = at(now.plus(backoff.delayAfter(reportAttempts)));
    lastReportError = ContractLimits.truncatedError(error);
  }

  /**
   * Only while the grace period runs: nothing has been deleted then. At its end the purge may start
   * at any moment, so a cancel from then on is refused even if the timer has not fired yet. A
   * second cancel of a cancelled purge changes nothing and succeeds: Keycloak asks again when it
   * never heard the first answer.
   */
  public void cancel(Instant now) {
    if (state == PurgeState.CANCELLED) {
      return;
    }
    if (state != PurgeState.SCHEDULED || !now.isBefore(graceUntil())) {
      throw new GracePeriodOverException(requestId, state);
    }
    state = PurgeState.CANCELLED;
  }

  /** Whether a cancel is still possible now. */
  public boolean isCancellable(Instant now) {
    return state == PurgeState.SCHEDULED && now.isBefore(graceUntil());
  }

  // Persistence 3.1 maps OffsetDateTime (timestamptz), not Instant.
  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private void requireReportAwaited(String action) {
    if (!state.awaitsReport()) {
      throw new IllegalStateException("cannot " + action + " in state " + state);
    }
  }

  private void requireState(PurgeState expected, String action) {
    if (state != expected) {
      throw new IllegalStateException("cannot " + action + " in state " + state);
    }
  }

  /**
   * The table's progress row; a table the inventory gained after this purge was handed over (an
   * upgrade in between) gets one, after the others.
   */
  private PurgeProgress progressRecording(String table) {
    return progress.stream()
        .filter(row -> row.tableName().equals(table))
        .findFirst()
        .orElseGet(
            () -> {
              PurgeProgress added = new PurgeProgress(this, table, progress.size());
              progress.add(added);
              return added;
            });
  }

  private PurgeProgress progressOf(String table) {
    return progress.stream()
        .filter(row -> row.tableName().equals(table))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a purged table: " + table));
  }

  public long rowsDeleted(String table) {
    return progressOf(table).rowsDeleted();
  }

  public String requestId() {
    return requestId;
  }

  public String orgId() {
    return orgId;
  }

  /**
   * The tenant's key in the application's tables, as resolved when the purge was accepted; empty
   * when the application held none, or for a purge a server without this column accepted.
   */
  public Optional<String> tenantKey() {
    return Optional.ofNullable(tenantKey);
  }

  public String orgName() {
    return orgName;
  }

  public TenantKind tenantKind() {
    return tenantKind;
  }

  public MemberPolicy memberPolicy() {
    return memberPolicy;
  }

  public PurgeState state() {
    return state;
  }

  public Instant requestedAt() {
    return instant(requestedAt);
  }

  public Instant graceUntil() {
    return instant(graceUntil);
  }

  public Instant startedAt() {
    return instant(startedAt);
  }

  public Instant finishedAt() {
    return instant(finishedAt);
  }

  public Instant reportedAt() {
    return instant(reportedAt);
  }

  public long filesDeleted() {
    return filesDeleted;
  }

  public long filesFailed() {
    return filesFailed;
  }

  public int reportAttempts() {
    return reportAttempts;
  }

  public Instant nextReportAt() {
    return instant(nextReportAt);
  }

  public String lastReportError() {
    return lastReportError;
  }

  /** The counts Keycloak is told once the app data is gone. */
  public PurgeReport report(InventoryCounts counts) {
    return new PurgeReport(requestId, orgId, rowsDeletedPerTable(counts), files());
  }

  public PurgeStatus status(InventoryCounts counts) {
    return new PurgeStatus(
        requestId,
        orgId,
        orgName,
        state,
        rowsDeletedPerTable(counts),
        files(),
        undeletedFiles.stream().map(UndeletedFile::view).toList(),
        text(requestedAt()),
        text(graceUntil()),
        text(startedAt()),
        text(finishedAt()),
        text(reportedAt()),
        reportAttempts,
        text(nextReportAt()),
        lastReportError);
  }

  private List<TableCount> rowsDeletedPerTable(InventoryCounts counts) {
    return progress.stream().map(row -> counts.of(row.tableName(), row.rowsDeleted())).toList();
  }

  private FileOutcome files() {
    return new FileOutcome(filesDeleted, filesFailed);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Progress rows in purge order. */
  public List<PurgeProgress> progress() {
    return Collections.unmodifiableList(progress);
  }
}
