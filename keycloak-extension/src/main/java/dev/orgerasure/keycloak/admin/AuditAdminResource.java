package dev.orgerasure.keycloak.admin;

import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.export.ExportWriter;
import dev.orgerasure.audit.verify.VerificationReport;
import dev.orgerasure.keycloak.access.ErasureRoles;
import dev.orgerasure.keycloak.audit.AuditLog;
import dev.orgerasure.keycloak.audit.AuditQuery;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import dev.orgerasure.keycloak.erasure.ErasureState;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.NoCache;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/org-erasure/audit}: the audit log for identity teams
 * (docs/audit.md): its records, an export, a verification of the whole log, and each erasure's
 * receipt. Readers need the role {@code view-erasure-audit} and Keycloak's power to view the
 * realm's events. A realm's readers see its records; the master realm's see every realm's, deleted
 * realms' too.
 */
public class AuditAdminResource {

  private static final int MAX_PAGE = 500;
  private static final String AUDIT_POWERS_REQUIRED =
      "Reading the erasure audit needs the role "
          + ErasureRoles.VIEW_ERASURE_AUDIT
          + " and the power to view the realm's events";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;

  AuditAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
  }

  /** Whether the caller may read the audit; the console hides the page otherwise. */
  static boolean mayView(AdminPermissionEvaluator auth, RealmModel realm) {
    return ErasureRoles.mayViewAudit(auth.adminAuth().getUser(), auth.adminAuth().getRealm(), realm)
        && auth.realm().canViewEvents();
  }

  /** The statuses records carry: the erasure's states, for the page's filter. */
  @GET
  @NoCache
  @Path("statuses")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> statuses() {
    requireView();
    return Arrays.stream(ErasureState.values()).map(Enum::name).toList();
  }

  @GET
  @NoCache
  @Path("records")
  @Produces(MediaType.APPLICATION_JSON)
  public List<AuditRecordRepresentation> records(
      @QueryParam("organization") String organization,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("erasure") String erasure,
      @QueryParam("after") @DefaultValue("0") long after,
      @QueryParam("max") @DefaultValue("100") int max) {
    requireView();
    return log()
        .find(
            query(organization, from, to, status, erasure),
            Math.max(after, 0),
            Math.min(Math.max(max, 1), MAX_PAGE))
        .stream()
        .map(AuditRecordRepresentation::of)
        .toList();
  }

  /**
   * Streams the records as JSON Lines (the offline verifier's input) or CSV, with the latest
   * checkpoint; one page of records is in memory at a time.
   */
  @GET
  @Path("export")
  public Response export(
      @QueryParam("format") @DefaultValue("jsonl") String format,
      @QueryParam("organization") String organization,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status") String status,
      @QueryParam("erasure") String erasure) {
    requireView();
    AuditQuery query = query(organization, from, to, status, erasure);
    boolean csv =
        switch (format) {
          case "jsonl" -> false;
          case "csv" -> true;
          default ->
              throw ErrorResponse.error(
                  "format is jsonl or csv, not " + format, Response.Status.BAD_REQUEST);
        };
    KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
    StreamingOutput body =
        out -> {
          Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          try {
            KeycloakModelUtils.runJobInTransaction(
                factory,
                exportSession -> {
                  try {
                    OrgErasureProvider.of(exportSession)
                        .audit()
                        .export(query, csv ? new CsvExport(writer) : new JsonLinesExport(writer));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
          writer.flush();
        };
    return Response.ok(body, csv ? "text/csv" : "application/jsonl")
        .header(
            "Content-Disposition",
            "attachment; filename=\"org-erasure-audit." + (csv ? "csv" : "jsonl") + "\"")
        .build();
  }

  /** Checks the whole log (docs/audit.md, "Verifying") and says in words what holds. */
  @POST
  @NoCache
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> verify() throws IOException {
    requireView();
    VerificationReport report = log().verify();
    return Map.of(
        "ok", report.ok(),
        "records", report.recordsChecked(),
        "checkpoints", report.checkpointsChecked(),
        "summary", report.summary(),
        "problems",
            report.problems().stream()
                .map(
                    problem ->
                        Map.of(
                            "seq",
                            problem.seq().isPresent() ? problem.seq().getAsLong() : 0,
                            "description",
                            problem.description()))
                .toList());
  }

  /** The erasure's receipt, once it has completed: verifiable offline with the public keys. */
  @GET
  @NoCache
  @Path("erasures/{id}/receipt")
  @Produces(MediaType.APPLICATION_JSON)
  public Response receipt(@PathParam("id") String id) {
    requireView();
    if (log().recordsOf(id).stream().noneMatch(this::visible)) {
      throw ErrorResponse.error("No audit records of that erasure", Response.Status.NOT_FOUND);
    }
    return log()
        .receipt(id)
        .map(
            receipt ->
                Response.ok(receipt.toJson(), MediaType.APPLICATION_JSON)
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"erasure-receipt-" + id + ".json\"")
                    .build())
        .orElseThrow(
            () ->
                ErrorResponse.error(
                    "The erasure has not completed; its receipt comes with its completion",
                    Response.Status.NOT_FOUND));
  }

  /**
   * The erasure's receipt as a C2SP tlog-proof (docs/audit.md, "Standard checkpoint format"), for
   * transparency-log tools: checked with the log's note verifier key alone.
   */
  @GET
  @NoCache
  @Path("erasures/{id}/tlog-proof")
  @Produces(MediaType.TEXT_PLAIN)
  public Response tlogProof(@PathParam("id") String id) {
    requireView();
    if (log().recordsOf(id).stream().noneMatch(this::visible)) {
      throw ErrorResponse.error("No audit records of that erasure", Response.Status.NOT_FOUND);
    }
    return log()
        .tlogProof(id)
        .map(
            proof ->
                Response.ok(proof, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"erasure-" + id + ".tlog-proof\"")
                    .build())
        .orElseThrow(
            () ->
                ErrorResponse.error(
                    "The erasure has not completed; its proof comes with its completion",
                    Response.Status.NOT_FOUND));
  }

  /** The public keys of the audit log (JWKS), as the realm-independent endpoint serves them. */
  @GET
  @NoCache
  @Path("keys")
  @Produces(MediaType.APPLICATION_JSON)
  public String keys() {
    requireView();
    return OrgErasureProvider.of(session).auditKeys().current(session).jwksJson();
  }

  private boolean visible(AuditRecordEntity record) {
    return isMasterRealm() || record.getRealmId().equals(realm.getId());
  }

  private boolean isMasterRealm() {
    return realm.getName().equals(Config.getAdminRealm());
  }

  private AuditQuery query(
      String organization, String from, String to, String status, String erasure) {
    return new AuditQuery(
        isMasterRealm() ? null : realm.getId(),
        blankToNull(organization),
        day(from, "from", 0),
        day(to, "to", 1),
        blankToNull(status),
        blankToNull(erasure));
  }

  /** A date ({@code 2026-11-26}, UTC; {@code to} includes the whole day) or an instant. */
  private static Long day(String value, String name, int daysAfter) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value)
            .plusDays(daysAfter)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
      }
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ErrorResponse.error(
          name + " is a date (2026-11-26) or an instant (2026-11-26T10:00:00Z)",
          Response.Status.BAD_REQUEST);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private AuditLog log() {
    return OrgErasureProvider.of(session).audit();
  }

  private void requireView() {
    if (!mayView(auth, realm)) {
      throw ErrorResponse.error(AUDIT_POWERS_REQUIRED, Response.Status.FORBIDDEN);
    }
  }

  /** The export the offline verifier reads (docs/audit.md, "Export"). */
  private static final class JsonLinesExport implements AuditLog.ExportSink {
    private final Writer writer;
    private ExportWriter export;

    JsonLinesExport(Writer writer) {
      this.writer = writer;
    }

    @Override
    public void start(SignedCheckpoint checkpoint, boolean complete) throws IOException {
      export =
          complete
              ? ExportWriter.complete(writer, checkpoint)
              : ExportWriter.selection(writer, checkpoint);
    }

    @Override
    public void record(AuditRecordEntity record, List<byte[]> inclusionProof) throws IOException {
      if (inclusionProof.isEmpty()) {
        export.record(record.getRecordJson());
      } else {
        export.record(record.getRecordJson(), inclusionProof);
      }
    }

    @Override
    public void finish() throws IOException {
      export.finish();
    }

    @Override
    public void empty() {}
  }

  /** One row per record for spreadsheets; the last row is the checkpoint the export ends with. */
  private static final class CsvExport implements AuditLog.ExportSink {
    private final Writer writer;
    private Optional<SignedCheckpoint> checkpoint = Optional.empty();

    CsvExport(Writer writer) {
      this.writer = writer;
    }

    @Override
    public void start(SignedCheckpoint checkpoint, boolean complete) throws IOException {
      this.checkpoint = Optional.of(checkpoint);
      empty();
    }

    @Override
    public void record(AuditRecordEntity record, List<byte[]> inclusionProof) throws IOException {
      AuditRecordRepresentation representation = AuditRecordRepresentation.of(record);
      row(
          AuditRecordRepresentation.CSV_COLUMNS.stream()
              .map(column -> column.cell().apply(representation))
              .toArray(String[]::new));
    }

    @Override
    public void finish() throws IOException {
      SignedCheckpoint latest = checkpoint.orElseThrow();
      row(
          CsvCells.text("checkpoint"),
          CsvCells.text(latest.checkpoint().time()),
          CsvCells.number(latest.checkpoint().treeSize()),
          CsvCells.text(latest.checkpoint().rootHash()),
          CsvCells.text(latest.jws()));
    }

    @Override
    public void empty() throws IOException {
      row(
          AuditRecordRepresentation.CSV_COLUMNS.stream()
              .map(column -> CsvCells.text(column.heading()))
              .toArray(String[]::new));
    }

    private void row(String... cells) throws IOException {
      writer.write(String.join(",", cells) + "\r\n");
    }
  }
}
