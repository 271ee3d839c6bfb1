package dev.orgerasure.keycloak.admin;

import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.contract.PurgeStatus;
import dev.orgerasure.keycloak.access.ErasureRoles;
import dev.orgerasure.keycloak.access.InteractiveSessionCheck;
import dev.orgerasure.keycloak.cancel.CancelRefusedException;
import dev.orgerasure.keycloak.erasure.ConfirmationMismatchException;
import dev.orgerasure.keycloak.erasure.ErasureRepresentation;
import dev.orgerasure.keycloak.erasure.HandOverNotPossibleException;
import dev.orgerasure.keycloak.erasure.MemberPreview;
import dev.orgerasure.keycloak.erasure.StartedErasure;
import dev.orgerasure.keycloak.serviceclient.ServiceClient;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import dev.orgerasure.keycloak.tenant.TenantModel;
import dev.orgerasure.keycloak.tenant.UserIdRange;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.NoCache;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/org-erasure}: list organisations, start and follow erasures. The
 * admin console page calls it with the console's own token; the service's counts and progress are
 * read here, as the dispatcher client, so the browser never talks to the service.
 */
public class OrgErasureAdminResource {

  private static final int MAX_PAGE = 1_000;
  private static final int RECENT_ERASURES = 50;
  private static final int MEMBER_PAGE = 500;
  private static final String ERASURE_POWERS_REQUIRED =
      "Erasing organisations needs the role "
          + ErasureRoles.ERASE_ORGANIZATIONS
          + " and the powers the erasure uses: managing users and managing the organisation";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final OrgErasureProvider erasures;

  public OrgErasureAdminResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent.resource(ResourceType.ORGANIZATION);
    this.erasures = OrgErasureProvider.of(session);
  }

  /**
   * What the caller may do here; any admin may ask, so the console can hide what they cannot use.
   */
  @GET
  @NoCache
  @Path("permissions")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Boolean> permissions() {
    return Map.of(
        "eraseOrganizations",
        mayErase(),
        "viewErasureAudit",
        AuditAdminResource.mayView(auth, realm));
  }

  /** The audit log: records, export, verification, receipts. */
  @Path("audit")
  public AuditAdminResource audit() {
    return new AuditAdminResource(session, realm, auth);
  }

  /** How this realm models its tenants (docs/erasure.md, "Tenant models"), for the page to say. */
  @GET
  @NoCache
  @Path("tenant-model")
  @Produces(MediaType.APPLICATION_JSON)
  public TenantModel tenantModel() {
    requireErasureRole();
    return erasures.tenantModel();
  }

  @GET
  @NoCache
  @Path("organizations")
  @Produces(MediaType.APPLICATION_JSON)
  public List<OrganizationErasureRepresentation> organizations(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    requireErasureRole();
    Map<String, ErasureRepresentation> active =
        erasures.requests().findActiveByRealm(realm.getId()).stream()
            .map(ErasureRepresentation::of)
            .collect(Collectors.toMap(ErasureRepresentation::organizationId, Function.identity()));
    TenantDirectory tenants = erasures.tenants();
    List<Tenant> page = manageablePage(tenants, first, max);
    Map<String, Long> memberCounts = tenants.memberCounts(page);
    return page.stream()
        .map(
            t ->
                new OrganizationErasureRepresentation(
                    t.id(), t.name(), memberCounts.getOrDefault(t.id(), 0L), active.get(t.id())))
        .toList();
  }

  /**
   * The application data of a page of organisations (the same page as {@link #organizations}), in
   * one call to the erasure-service.
   */
  @GET
  @NoCache
  @Path("organizations/app-data")
  @Produces(MediaType.APPLICATION_JSON)
  public List<OrganizationData> appDataPage(
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    requireErasureRole();
    List<String> manageable =
        manageablePage(erasures.tenants(), first, max).stream().map(Tenant::id).toList();
    return manageable.isEmpty()
        ? List.of()
        : fromService(service -> service.organizationData(manageable));
  }

  /**
   * A page of the organisations the caller may manage, {@code first} and {@code max} counted among
   * those: an admin whose fine-grained permissions cover some organisations only sees and pages
   * through those, as Keycloak's own lists do. Without such permissions every organisation counts,
   * and the page is read as it is.
   */
  private List<Tenant> manageablePage(TenantDirectory tenants, int first, int max) {
    int from = Math.max(first, 0);
    int size = Math.min(Math.max(max, 1), MAX_PAGE);
    if (!realm.isAdminPermissionsEnabled()) {
      return tenants.list(from, size).toList();
    }
    List<Tenant> page = new ArrayList<>();
    int skipped = 0;
    List<Tenant> read;
    int rawFirst = 0;
    do {
      read = tenants.list(rawFirst, MAX_PAGE).toList();
      for (Tenant tenant : read) {
        if (page.size() == size || !tenants.canManage(auth, tenant)) {
          continue;
        }
        if (skipped < from) {
          skipped++;
        } else {
          page.add(tenant);
        }
      }
      rawFirst += MAX_PAGE;
    } while (read.size() == MAX_PAGE && page.size() < size);
    return page;
  }

  /**
   * The organisation's application data as the erasure-service counts it: rows per table, and
   * files.
   */
  @GET
  @NoCache
  @Path("organizations/{organizationId}/app-data")
  @Produces(MediaType.APPLICATION_JSON)
  public OrganizationData appData(@PathParam("organizationId") String organizationId) {
    requireErasureRole();
    Tenant tenant = manageableTenant(organizationId);
    return fromService(service -> service.organizationData(tenant.id()));
  }

  /**
   * What erasing the organisation would do to its members under each policy: how many are erased,
   * how many keep their accounts and why (docs/erasure.md, "Who is erased"). Shown before anyone
   * confirms.
   */
  @GET
  @NoCache
  @Path("organizations/{organizationId}/members-preview")
  @Produces(MediaType.APPLICATION_JSON)
  public MemberPreview membersPreview(@PathParam("organizationId") String organizationId) {
    requireErasureRole();
    return erasures.previewMembers(manageableTenant(organizationId));
  }

  /**
   * The members allowed to erase this organisation themselves from the account console
   * (docs/erasure.md, "Who may erase"), with the same role and powers as erasing it.
   */
  @GET
  @NoCache
  @Path("organizations/{organizationId}/self-service-erasers")
  @Produces(MediaType.APPLICATION_JSON)
  public List<SelfServiceEraserRepresentation> selfServiceErasers(
      @PathParam("organizationId") String organizationId) {
    requireErasureRole();
    Tenant tenant = manageableTenant(organizationId);
    return erasures.selfServiceErasers().of(tenant).stream()
        .map(
            eraser ->
                new SelfServiceEraserRepresentation(
                    eraser.userId(),
                    usernameOf(eraser.userId()),
                    eraser.grantedAt(),
                    eraser.grantedById(),
                    usernameOf(eraser.grantedById())))
        .toList();
  }

  /**
   * Allows a member to erase this organisation themselves. Only an admin who may erase it may allow
   * it, and only for one of its members: the power is never read from anything a user or
   * organisation manager can edit. {@code 204}; {@code 404} for an unknown user, {@code 400} for
   * someone who is not a member; nothing changed then.
   */
  @PUT
  @Path("organizations/{organizationId}/self-service-erasers/{userId}")
  public Response designateSelfServiceEraser(
      @PathParam("organizationId") String organizationId, @PathParam("userId") String userId) {
    requireErasureRole();
    Tenant tenant = manageableTenant(organizationId);
    UserModel user = session.users().getUserById(realm, userId);
    if (user == null) {
      throw ErrorResponse.error("User not found", Response.Status.NOT_FOUND);
    }
    if (!erasures.tenants().isMember(tenant, user)) {
      throw ErrorResponse.error(
          "Only a member of the organisation may be allowed to erase it",
          Response.Status.BAD_REQUEST);
    }
    if (erasures
        .selfServiceErasers()
        .designate(
            tenant, user.getId(), auth.adminAuth().getUser().getId(), Time.currentTimeMillis())) {
      adminEvent
          .operation(OperationType.CREATE)
          .resourcePath(
              "org-erasure", "organizations", tenant.id(), "self-service-erasers", user.getId())
          .success();
    }
    return Response.noContent().build();
  }

  /**
   * Withdraws a member's permission to erase the organisation themselves; {@code 204} either way.
   */
  @DELETE
  @Path("organizations/{organizationId}/self-service-erasers/{userId}")
  public Response withdrawSelfServiceEraser(
      @PathParam("organizationId") String organizationId, @PathParam("userId") String userId) {
    requireErasureRole();
    Tenant tenant = manageableTenant(organizationId);
    if (erasures.selfServiceErasers().withdraw(tenant, userId)) {
      adminEvent
          .operation(OperationType.DELETE)
          .resourcePath("org-erasure", "organizations", tenant.id(), "self-service-erasers", userId)
          .success();
    }
    return Response.noContent().build();
  }

  private String usernameOf(String userId) {
    UserModel user = session.users().getUserById(realm, userId);
    return user == null ? null : user.getUsername();
  }

  @POST
  @Path("organizations/{organizationId}/erasures")
  @Produces(MediaType.APPLICATION_JSON)
  public Response startErasure(
      @PathParam("organizationId") String organizationId, InputStream body) {
    requireErasureRole();
    requireInteractiveSession();
    Tenant tenant = manageableTenant(organizationId);
    requireEveryMemberManageable(tenant);
    StartErasureBody request = readBody(body);
    StartedErasure started;
    try {
      started =
          erasures.start(
              tenant,
              auth.adminAuth().getUser(),
              request.confirmation(),
              request.gracePeriodSeconds().orElse(erasures.gracePeriodDefaultSeconds()),
              request.memberPolicy());
    } catch (ConfirmationMismatchException e) {
      throw ErrorResponse.error(e.getMessage(), Response.Status.BAD_REQUEST);
    } catch (HandOverNotPossibleException e) {
      throw ErrorResponse.error(e.getMessage(), Response.Status.CONFLICT);
    }
    ErasureRepresentation erasure = started.erasure();
    if (!started.created()) {
      return Response.ok(erasure).build();
    }
    adminEvent
        .operation(OperationType.ACTION)
        .resourcePath("org-erasure", "organizations", organizationId, "erasures", erasure.id())
        .representation(erasure)
        .success();
    return Response.created(URI.create("../../erasures/" + erasure.id())).entity(erasure).build();
  }

  @GET
  @NoCache
  @Path("erasures")
  @Produces(MediaType.APPLICATION_JSON)
  public List<ErasureRepresentation> recentErasures() {
    requireErasureRole();
    return erasures.recent(RECENT_ERASURES).stream()
        .filter(erasure -> mayFollow(erasure.organizationId()))
        .toList();
  }

  @GET
  @NoCache
  @Path("erasures/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ErasureRepresentation erasure(@PathParam("id") String id) {
    requireErasureRole();
    ErasureRepresentation erasure =
        erasures
            .find(id)
            .orElseThrow(() -> ErrorResponse.error("Erasure not found", Response.Status.NOT_FOUND));
    if (!mayFollow(erasure.organizationId())) {
      throw ErrorResponse.error(ERASURE_POWERS_REQUIRED, Response.Status.FORBIDDEN);
    }
    return erasure;
  }

  /**
   * Cancels an erasure in its grace period (docs/erasure.md, "Cancelling an erasure"), with the
   * same role, powers and recent interactive sign-in as starting one: {@code 200} and the cancelled
   * erasure; {@code 409} when the grace period is over or the service cannot be asked, nothing
   * changed.
   */
  @POST
  @Path("erasures/{id}/cancel")
  @Produces(MediaType.APPLICATION_JSON)
  public ErasureRepresentation cancelErasure(@PathParam("id") String id) {
    ErasureRepresentation erasure = erasure(id);
    requireInteractiveSession();
    manageableTenant(erasure.organizationId());
    ErasureRepresentation cancelled;
    try {
      cancelled = erasures.cancel(erasure.id());
    } catch (CancelRefusedException e) {
      throw ErrorResponse.error(e.getMessage(), Response.Status.CONFLICT);
    }
    adminEvent
        .operation(OperationType.ACTION)
        .resourcePath("org-erasure", "erasures", erasure.id(), "cancel")
        .success();
    return cancelled;
  }

  /**
   * A failing hand-over is retried with back-off; this makes an attempt now, e.g. once the service
   * is back. {@code 200} with the erasure after the attempt (handed over, or its new error); {@code
   * 409} when its hand-over is not failing.
   */
  @POST
  @Path("erasures/{id}/retry")
  @Produces(MediaType.APPLICATION_JSON)
  public ErasureRepresentation retryHandOver(@PathParam("id") String id) {
    ErasureRepresentation erasure = erasure(id);
    manageableTenantOrGone(erasure.organizationId());
    if (!erasure.state().awaitsHandOver()) {
      throw ErrorResponse.error(
          "Only a hand-over that is failing can be retried now; this erasure is " + erasure.state(),
          Response.Status.CONFLICT);
    }
    erasures.handOver(erasure.id());
    adminEvent
        .operation(OperationType.ACTION)
        .resourcePath("org-erasure", "erasures", erasure.id(), "retry")
        .success();
    return KeycloakModelUtils.runJobInTransactionWithResult(
        session.getKeycloakSessionFactory(),
        current ->
            ErasureRepresentation.of(
                OrgErasureProvider.of(current).requests().findById(id).orElseThrow()));
  }

  /** The purge of the erasure's app data as the erasure-service reports it, table by table. */
  @GET
  @NoCache
  @Path("erasures/{id}/purge")
  @Produces(MediaType.APPLICATION_JSON)
  public PurgeStatus purge(@PathParam("id") String id) {
    ErasureRepresentation erasure = erasure(id);
    return fromService(service -> service.purgeStatus(erasure.id()))
        .orElseThrow(
            () ->
                ErrorResponse.error(
                    "The erasure-service has not received this erasure yet",
                    Response.Status.NOT_FOUND));
  }

  /**
   * Files the service could not delete are retried with back-off; this asks for an attempt now,
   * e.g. after an operator fixed the file store's permissions.
   */
  @POST
  @Path("erasures/{id}/failed-files/retry")
  @Produces(MediaType.APPLICATION_JSON)
  public PurgeStatus retryFailedFiles(@PathParam("id") String id) {
    ErasureRepresentation erasure = erasure(id);
    manageableTenantOrGone(erasure.organizationId());
    PurgeStatus status = fromService(service -> service.retryFailedFiles(erasure.id()));
    adminEvent
        .operation(OperationType.ACTION)
        .resourcePath("org-erasure", "erasures", erasure.id(), "failed-files", "retry")
        .success();
    return status;
  }

  private interface ServiceCall<T> {
    T call(ServiceClient service) throws IOException, InterruptedException;
  }

  private <T> T fromService(ServiceCall<T> call) {
    ServiceClient service = ServiceClient.forRealm(erasures.settings(), realm);
    try {
      return call.call(service);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ErrorResponse.error(
          "Interrupted while asking the erasure-service", Response.Status.BAD_GATEWAY);
    } catch (IOException e) {
      throw ErrorResponse.error(service.describe(e), Response.Status.BAD_GATEWAY);
    }
  }

  /**
   * The erasure role alone is not enough: an admin with {@code manage-users} can map that custom
   * role to himself. The caller must also hold the powers the erasure uses, as Keycloak's own
   * evaluator sees them (fine-grained admin permissions included): managing users and the
   * organisations.
   */
  private boolean mayErase() {
    return ErasureRoles.mayErase(auth.adminAuth().getUser(), auth.adminAuth().getRealm(), realm)
        && auth.users().canManage()
        && auth.orgs().canManage();
  }

  private void requireInteractiveSession() {
    new InteractiveSessionCheck(
            erasures.settings().interactiveClients(), erasures.settings().maxAuthAgeSeconds())
        .refusal(session, auth.adminAuth())
        .ifPresent(
            reason -> {
              throw ErrorResponse.error(reason, Response.Status.FORBIDDEN);
            });
  }

  private void requireErasureRole() {
    if (!mayErase()) {
      throw ErrorResponse.error(ERASURE_POWERS_REQUIRED, Response.Status.FORBIDDEN);
    }
  }

  /** An erasure's organisation may be gone already: then the erasure role and powers suffice. */
  private void manageableTenantOrGone(String organizationId) {
    if (!mayFollow(organizationId)) {
      throw ErrorResponse.error(ERASURE_POWERS_REQUIRED, Response.Status.FORBIDDEN);
    }
  }

  /** Whether the caller may see an erasure: its organisation is theirs to manage, or gone. */
  private boolean mayFollow(String organizationId) {
    return erasures
        .tenants()
        .find(organizationId)
        .map(tenant -> erasures.tenants().canManage(auth, tenant))
        .orElse(true);
  }

  /**
   * The erasure deletes every member, so the caller must be allowed to manage each of them, not
   * only users as a kind: fine-grained admin permissions may deny some people to an admin who
   * manages users. Without those permissions the answer is the same for everyone, and one check (in
   * {@link #mayErase}) stands for all.
   */
  private void requireEveryMemberManageable(Tenant tenant) {
    if (!realm.isAdminPermissionsEnabled()) {
      return;
    }
    TenantDirectory tenants = erasures.tenants();
    List<String> page;
    String after = "";
    do {
      page = tenants.memberIds(tenant, UserIdRange.ALL, after, MEMBER_PAGE);
      for (String userId : page) {
        UserModel member = session.users().getUserById(realm, userId);
        if (member != null && !auth.users().canManage(member)) {
          throw ErrorResponse.error(
              "Erasing this organisation deletes every member; you may not manage all of them",
              Response.Status.FORBIDDEN);
        }
      }
      after = page.isEmpty() ? after : page.get(page.size() - 1);
    } while (page.size() == MEMBER_PAGE);
  }

  /** The organisation, which the caller must also be allowed to manage. */
  private Tenant manageableTenant(String organizationId) {
    Tenant tenant = tenant(organizationId);
    if (!erasures.tenants().canManage(auth, tenant)) {
      throw ErrorResponse.error(ERASURE_POWERS_REQUIRED, Response.Status.FORBIDDEN);
    }
    return tenant;
  }

  private Tenant tenant(String organizationId) {
    return erasures
        .tenants()
        .find(organizationId)
        .orElseThrow(
            () -> ErrorResponse.error("Organisation not found", Response.Status.NOT_FOUND));
  }

  private StartErasureBody readBody(InputStream body) {
    try {
      return StartErasureBody.read(body, erasures.settings().gracePeriodMaxSeconds());
    } catch (StartErasureBody.TooLargeException e) {
      throw ErrorResponse.error(e.getMessage(), Response.Status.REQUEST_ENTITY_TOO_LARGE);
    } catch (StartErasureBody.MalformedException e) {
      throw ErrorResponse.error(e.getMessage(), Response.Status.BAD_REQUEST);
    } catch (IOException e) {
      throw ErrorResponse.error("The request body could not be read", Response.Status.BAD_REQUEST);
    }
  }
}
