package dev.orgerasure.keycloak.selfservice;

import dev.orgerasure.contract.DetachAction;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.OrganizationData;
import dev.orgerasure.keycloak.erasure.ConfirmationMismatchException;
import dev.orgerasure.keycloak.erasure.GracePeriod;
import dev.orgerasure.keycloak.erasure.HandOverNotPossibleException;
import dev.orgerasure.keycloak.erasure.MemberPreview;
import dev.orgerasure.keycloak.erasure.StartedErasure;
import dev.orgerasure.keycloak.serviceclient.ServiceClient;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import dev.orgerasure.keycloak.tenant.Tenant;
import dev.orgerasure.keycloak.tenant.TenantDirectory;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;

/**
 * An org admin erases their own organisation (GDPR Article 17 self-service). The organisation is
 * always one an erasure admin designated the signed-in member to erase (docs/erasure.md, "Who may
 * erase"), whatever the request names; the erasure itself starts through {@link
 * OrgErasureProvider#start}, exactly as from the admin console. Keycloak has re-authenticated the
 * user before this runs when their sign-in was older than the action's {@code max_auth_age}.
 */
public class OrgErasureRequiredAction implements RequiredActionProvider {

  private static final Logger LOG = Logger.getLogger(OrgErasureRequiredAction.class);

  static final String CHOOSE_PAGE = "org-erasure-choose.ftl";
  static final String CONFIRM_PAGE = "org-erasure-confirm.ftl";
  static final String STARTED_PAGE = "org-erasure-started.ftl";
  static final String ERROR_PAGE = "org-erasure-error.ftl";

  private static final String STEP = "step";
  private static final String STEP_CHOOSE = "choose";
  private static final String ORGANIZATION = "organization";
  private static final String CONFIRMATION = "confirmation";
  private static final String GRACE_PERIOD = "gracePeriod";
  private static final String GRACE_PERIOD_UNIT = "gracePeriodUnit";
  private static final String MEMBER_POLICY = "memberPolicy";

  @Override
  public InitiatedActionSupport initiatedActionSupport() {
    return InitiatedActionSupport.SUPPORTED;
  }

  @Override
  public void evaluateTriggers(RequiredActionContext context) {
    // Only ever started by the org admin (kc_action), never set on a user.
  }

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    List<Tenant> administered = administered(context);
    if (administered.isEmpty()) {
      context.challenge(errorPage(context));
    } else if (administered.size() == 1) {
      context.challenge(confirmPage(context, administered.get(0), null));
    } else {
      context.challenge(
          context
              .form()
              .setAttribute(
                  "organizations", administered.stream().map(t -> describe(context, t)).toList())
              .createForm(CHOOSE_PAGE));
    }
  }

  @Override
  public void processAction(RequiredActionContext context) {
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    String requested = form.getFirst(ORGANIZATION);
    Optional<Tenant> tenant =
        administered(context).stream().filter(t -> t.id().equals(requested)).findFirst();
    if (tenant.isEmpty()) {
      LOG.warnf(
          "User %s asked to erase organisation %s, which they do not administer",
          context.getUser().getId(), requested);
      context.challenge(errorPage(context));
      return;
    }
    if (STEP_CHOOSE.equals(form.getFirst(STEP))) {
      context.challenge(confirmPage(context, tenant.get(), null));
      return;
    }
    OrgErasureProvider erasures = OrgErasureProvider.of(context.getSession());
    int gracePeriodSeconds;
    try {
      gracePeriodSeconds =
          GracePeriod.seconds(
                  form.getFirst(GRACE_PERIOD),
                  form.getFirst(GRACE_PERIOD_UNIT),
                  erasures.settings().gracePeriodMaxSeconds())
              .orElse(erasures.gracePeriodDefaultSeconds());
    } catch (IllegalArgumentException e) {
      context.challenge(confirmPage(context, tenant.get(), "orgErasureGraceInvalid"));
      return;
    }
    MemberPolicy memberPolicy;
    try {
      memberPolicy = MemberPolicy.parse(form.getFirst(MEMBER_POLICY));
    } catch (IllegalArgumentException e) {
      context.challenge(confirmPage(context, tenant.get(), "orgErasurePolicyInvalid"));
      return;
    }
    StartedErasure started;
    try {
      started =
          erasures.start(
              tenant.get(),
              context.getUser(),
              form.getFirst(CONFIRMATION),
              gracePeriodSeconds,
              memberPolicy);
    } catch (ConfirmationMismatchException e) {
      context.challenge(confirmPage(context, tenant.get(), "orgErasureConfirmationMismatch"));
      return;
    } catch (HandOverNotPossibleException e) {
      LOG.warn(e.getMessage());
      context.challenge(
          context.form().setError("orgErasureNotPossibleHere").createForm(ERROR_PAGE));
      return;
    }
    context
        .getEvent()
        .event(EventType.CUSTOM_REQUIRED_ACTION)
        .detail("custom_required_action", OrgErasureRequiredActionFactory.ID)
        .detail("org_erasure_request", started.erasure().id())
        .success();
    // The requester is locked out with everyone else: this page is the end of their session.
    context.challenge(
        context
            .form()
            .setAttribute("organization", describe(context, tenant.get()))
            .setAttribute("erasureId", started.erasure().id())
            .setAttribute("memberPolicy", started.erasure().memberPolicy().name())
            .createForm(STARTED_PAGE));
  }

  private List<Tenant> administered(RequiredActionContext context) {
    OrgErasureProvider erasures = OrgErasureProvider.of(context.getSession());
    return erasures.selfServiceErasers().erasableBy(erasures.tenants(), context.getUser());
  }

  private static TenantDirectory tenants(RequiredActionContext context) {
    return OrgErasureProvider.of(context.getSession()).tenants();
  }

  private Response confirmPage(RequiredActionContext context, Tenant tenant, String error) {
    var form =
        context
            .form()
            .setAttribute("organization", describe(context, tenant))
            .setAttribute("inventory", inventory(context, tenant));
    if (error != null) {
      form.setError(error);
    }
    return form.createForm(CONFIRM_PAGE);
  }

  private static Response errorPage(RequiredActionContext context) {
    return context.form().setError("orgErasureNotYourOrganisation").createForm(ERROR_PAGE);
  }

  private static Map<String, Object> describe(RequiredActionContext context, Tenant tenant) {
    Map<String, Object> organization = new LinkedHashMap<>();
    organization.put("id", tenant.id());
    organization.put("name", tenant.name());
    organization.put("memberCount", tenants(context).memberCount(tenant));
    return organization;
  }

  /**
   * What will be erased, with this organisation's counts; the service's part when it can be asked.
   */
  private Map<String, Object> inventory(RequiredActionContext context, Tenant tenant) {
    Map<String, Object> inventory = new LinkedHashMap<>();
    ServiceClient service =
        ServiceClient.forRealm(
            OrgErasureProvider.of(context.getSession()).settings(), context.getRealm());
    List<Map<String, Object>> appData = new ArrayList<>();
    try {
      OrganizationData counts = service.organizationData(tenant.id());
      // The login theme reads maps; FreeMarker does not see record accessors as properties.
      counts
          .tables()
          .forEach(
              table ->
                  appData.add(
                      Map.of(
                          "category",
                          table.category(),
                          "count",
                          table.rows(),
                          "resetUnderDetach",
                          table.underDetach() == DetachAction.RESET)));
      inventory.put("files", counts.files().files());
      inventory.put("bytes", counts.files().bytes());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      inventory.put("unavailable", "Interrupted");
    } catch (IOException e) {
      inventory.put("unavailable", service.describe(e));
    }
    inventory.put("appData", appData);
    MemberPreview members = OrgErasureProvider.of(context.getSession()).previewMembers(tenant);
    inventory.put("membersErased", members.erase().erased());
    inventory.put("membersDetached", members.detach().detached());
    inventory.put("managedErasedUnderDetach", members.detach().erased());
    inventory.put("keptInOtherTenants", members.erase().keptInOtherTenants());
    inventory.put("keptAsAdministrators", members.erase().keptAsAdministrators());
    return inventory;
  }

  @Override
  public void close() {}
}
