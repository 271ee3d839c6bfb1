package dev.orgerasure.keycloak.application;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.audit.AuditKeys;
import dev.orgerasure.keycloak.audit.AuditLog;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import dev.orgerasure.keycloak.cancel.ErasureCanceller;
import dev.orgerasure.keycloak.designation.SelfServiceErasers;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureState;
import dev.orgerasure.keycloak.erasure.FinishedMembers;
import dev.orgerasure.keycloak.erasure.GracePeriod;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import dev.orgerasure.keycloak.erasure.MemberPreview;
import dev.orgerasure.keycloak.erasure.StartedErasure;
import dev.orgerasure.keycloak.finish.ErasureFinisher;
import dev.orgerasure.keycloak.handover.HandOverDelivery;
import dev.orgerasure.keycloak.lockout.RequestOrigin;
import dev.orgerasure.keycloak.members.MemberRules;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import dev.orgerasure.keycloak.settings.RealmSettings;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.support.ErasureLogContext;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectories;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import dev.orgerasure.keycloak.tenant.TenantModel;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The erasure use cases on Keycloak's models and our tables, for one session. */
public class DefaultOrgErasureProvider implements OrgErasureProvider {

  private final KeycloakSession session;
  private final ErasureSettings settings;
  private final AuditKeys auditKeys;

  DefaultOrgErasureProvider(
      KeycloakSession session, ErasureSettings settings, AuditKeys auditKeys) {
    this.session = session;
    this.settings = settings;
    this.auditKeys = auditKeys;
  }

  @Override
  public ErasureSettings settings() {
    return settings;
  }

  @Override
  public TenantDirectory tenants() {
    return tenants(tenantModel().kind());
  }

  @Override
  public TenantDirectory tenants(TenantKind kind) {
    return TenantDirectories.of(session, realm(), kind);
  }

  @Override
  public TenantModel tenantModel() {
    return TenantModel.of(realm());
  }

  @Override
  public ErasureRequestRepository requests() {
    return new ErasureRequestRepository(
        session.getProvider(JpaConnectionProvider.class).getEntityManager());
  }

  @Override
  public SelfServiceErasers selfServiceErasers() {
    return new SelfServiceErasers(
        session.getProvider(JpaConnectionProvider.class).getEntityManager(), realm().getId());
  }

  @Override
  public AuditLog audit() {
    return new AuditLog(session, auditKeys);
  }

  @Override
  public AuditKeys auditKeys() {
    return auditKeys;
  }

  @Override
  public AuditRecordEntity recordAudit(
      AuditEventType type, ErasureRequestEntity request, Object counts) {
    RealmModel realm = session.realms().getRealm(request.getRealmId());
    return audit().append(request.auditEvent(type, realm == null ? "" : realm.getName(), counts));
  }

  @Override
  public StartedErasure start(
      Tenant tenant,
      UserModel requester,
      String confirmation,
      int gracePeriodSeconds,
      MemberPolicy memberPolicy) {
    try (ErasureLogContext context = ErasureLogContext.of(null, realm().getName())) {
      return new ErasureStarter(
              session.getKeycloakSessionFactory(),
              realm().getId(),
              settings,
              Optional.of(RequestOrigin.of(session)))
          .start(tenant, requester, confirmation, gracePeriodSeconds, memberPolicy);
    }
  }

  @Override
  public MemberPreview previewMembers(Tenant tenant) {
    return MemberPreview.fromDetach(
        MemberCounts.of(
            MemberRules.preview(
                session,
                realm(),
                tenants(),
                tenant,
                MemberPolicy.DETACH,
                settings.lockoutBatchSize())));
  }

  @Override
  public int gracePeriodDefaultSeconds() {
    return GracePeriod.realmDefaultSeconds(
        RealmSettings.get(realm(), RealmSettings.GRACE_PERIOD_DEFAULT),
        settings.gracePeriodDefaultSeconds(),
        settings.gracePeriodMaxSeconds());
  }

  @Override
  public Optional<ErasureRepresentation> find(String erasureId) {
    return requests().find(realm().getId(), erasureId).map(this::represent);
  }

  @Override
  public List<ErasureRepresentation> recent(int max) {
    return requests().findRecentByRealm(realm().getId(), max).stream()
        .map(this::represent)
        .toList();
  }

  /** The erasure as it stands, with the identities deleted so far while they are being deleted. */
  private ErasureRepresentation represent(ErasureRequestEntity request) {
    return ErasureRepresentation.of(
        request,
        request.getState() == ErasureState.DELETING_IDENTITIES
            ? requests().finishedSoFar(request.getId())
            : FinishedMembers.NONE);
  }

  @Override
  public void resumeLockout(String erasureId) {
    requests()
        .findById(erasureId)
        .ifPresent(
            request -> {
              try (ErasureLogContext context = logContext(erasureId)) {
                new ErasureStarter(
                        session.getKeycloakSessionFactory(),
                        request.getRealmId(),
                        settings,
                        Optional.empty())
                    .resume(erasureId);
              }
            });
  }

  @Override
  public void handOver(String erasureId) {
    try (ErasureLogContext context = logContext(erasureId)) {
      new HandOverDelivery(session.getKeycloakSessionFactory(), settings).deliver(erasureId);
    }
  }

  @Override
  public void finish(String erasureId) {
    try (ErasureLogContext context = logContext(erasureId)) {
      new ErasureFinisher(session.getKeycloakSessionFactory(), settings).finish(erasureId);
    }
  }

  @Override
  public ErasureRepresentation cancel(String erasureId) {
    try (ErasureLogContext context = logContext(erasureId)) {
      return new ErasureCanceller(session.getKeycloakSessionFactory(), settings).cancel(erasureId);
    }
  }

  @Override
  public void resumeCancel(String erasureId) {
    try (ErasureLogContext context = logContext(erasureId)) {
      new ErasureCanceller(session.getKeycloakSessionFactory(), settings).resume(erasureId);
    }
  }

  /** The erasure's id and its realm's name on this thread's log records while it is worked on. */
  private ErasureLogContext logContext(String erasureId) {
    String realmName =
        requests()
            .findById(erasureId)
            .map(request -> session.realms().getRealm(request.getRealmId()))
            .map(RealmModel::getName)
            .orElse(null);
    return ErasureLogContext.of(erasureId, realmName);
  }

  private RealmModel realm() {
    return session.getContext().getRealm();
  }
}
