package dev.orgerasure.keycloak.detach;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * The first page a detached member sees at their next sign-in: their organisation was closed, their
 * account was kept, and the application will take them through onboarding again. Shown once: the
 * action is removed from the user when they continue.
 */
public class OrganisationClosedRequiredAction implements RequiredActionProvider {

  static final String PAGE = "org-erasure-organisation-closed.ftl";

  @Override
  public InitiatedActionSupport initiatedActionSupport() {
    return InitiatedActionSupport.NOT_SUPPORTED;
  }

  @Override
  public void evaluateTriggers(RequiredActionContext context) {
    // Set on the user by the erasure that detached them, never by a trigger.
  }

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    context.challenge(
        context
            .form()
            .setAttribute(
                "closedOrganisations",
                context
                    .getUser()
                    .getAttributeStream(MemberDetachment.CLOSED_ORGANISATIONS)
                    .toList())
            .createForm(PAGE));
  }

  @Override
  public void processAction(RequiredActionContext context) {
    context.getUser().removeAttribute(MemberDetachment.CLOSED_ORGANISATIONS);
    context.success();
  }

  @Override
  public void close() {}
}
