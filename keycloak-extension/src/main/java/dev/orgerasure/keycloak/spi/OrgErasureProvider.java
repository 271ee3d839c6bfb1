package dev.orgerasure.keycloak.spi;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.audit.AuditKeys;
import dev.orgerasure.keycloak.audit.AuditLog;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import dev.orgerasure.keycloak.designation.SelfServiceErasers;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.MemberPreview;
import dev.orgerasure.keycloak.erasure.StartedErasure;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.settings.RealmSettings;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import dev.orgerasure.keycloak.tenant.TenantModel;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Organisation erasure as a Keycloak provider, one per session: the use cases every entry point
 * (admin API, org admin's pages, the service's report, the scheduled task) calls, and the one place
 * that decides which tenant directory a realm uses. Realm-bound calls act on the session's realm.
 */
public interface OrgErasureProvider extends Provider {

  static OrgErasureProvider of(KeycloakSession session) {
    return session.getProvider(OrgErasureProvider.class);
  }

  ErasureSettings settings();

  /** The tenants of the session's realm, as that realm models them. */
  TenantDirectory tenants();

  /** The tenants of the session's realm as an erasure of this kind reads them. */
  TenantDirectory tenants(TenantKind kind);

  /** How the session's realm models its tenants. */
  TenantModel tenantModel();

  /** Erasure requests and locked members, in this session's transaction. */
  ErasureRequestRepository requests();

  /**
   * Who may erase their own organisation in the session's realm (docs/erasure.md, "Who may erase").
   */
  SelfServiceErasers selfServiceErasers();

  /** The audit log (docs/audit.md). */
  AuditLog audit();

  /** The keys that sign the audit log's checkpoints, and the directory that keeps copies. */
  AuditKeys auditKeys();

  /**
   * Appends this event of the erasure to the audit log, once: a second call answers the first
   * record.
   */
  AuditRecordEntity recordAudit(AuditEventType type, ErasureRequestEntity request, Object counts);

  /**
   * Starts an erasure of a tenant of the session's realm: checks the confirmation, records the
   * request (one per tenant, whatever the concurrency), locks every member out in batches of their
   * own transactions and hands the erasure over to the service. Runs outside the session's
   * transaction.
   *
   * @throws dev.orgerasure.keycloak.erasure.ConfirmationMismatchException when the typed name is
   *     not the tenant's
   * @throws dev.orgerasure.keycloak.erasure.HandOverNotPossibleException when the realm cannot hand
   *     erasures over to the service
   */
  StartedErasure start(
      Tenant tenant,
      UserModel requester,
      String confirmation,
      int gracePeriodSeconds,
      MemberPolicy memberPolicy);

  /** What erasing the tenant would do to its members now, before anyone confirms. */
  MemberPreview previewMembers(Tenant tenant);

  /**
   * The grace period of an erasure that names none: the realm's own default (attribute {@value
   * RealmSettings#GRACE_PERIOD_DEFAULT}), else the server's.
   */
  int gracePeriodDefaultSeconds();

  /** An erasure of the session's realm. */
  Optional<ErasureRepresentation> find(String erasureId);

  /** The session's realm's erasures, newest first. */
  List<ErasureRepresentation> recent(int max);

  /**
   * Goes on with an erasure whose lockout a crash interrupted (unless a node holds it), then hands
   * it over.
   */
  void resumeLockout(String erasureId);

  /** Hands a locked erasure over to the service, or records why it could not be. */
  void handOver(String erasureId);

  /** Finishes an erasure whose app data is gone; a no-op for any other, or one held elsewhere. */
  void finish(String erasureId);

  /**
   * Cancels an erasure in its grace period and puts back what its lockout changed; answers it
   * cancelled.
   *
   * @throws dev.orgerasure.keycloak.cancel.CancelRefusedException when it cannot be cancelled now;
   *     nothing changed then
   */
  ErasureRepresentation cancel(String erasureId);

  /**
   * Finishes a cancel a crash interrupted; a no-op if a node holds it. An erasure still in its
   * grace period whose cancel claim lapsed is restored when the service says it cancelled the
   * purge.
   */
  void resumeCancel(String erasureId);

  @Override
  default void close() {}
}
