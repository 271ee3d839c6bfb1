package dev.orgerasure.demo.learning.api;

import dev.orgerasure.demo.learning.LearningPlatform;
import dev.orgerasure.demo.learning.Onboarding;
import dev.orgerasure.demo.learning.OnboardingState;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The caller's own onboarding in the learning platform: read it, or complete it into an
 * organisation of which the caller is a member. The caller is the token's {@code sub}.
 */
@Path("me/onboarding")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

  @Inject private LearningPlatform platform;

  @Context private SecurityContext security;

  /** {@code organizationId} is written as {@code null} while pending, not left out. */
  @JsonbNillable
  @JsonbPropertyOrder({"state", "organizationId"})
  public record OnboardingView(OnboardingState state, String organizationId) {
    static OnboardingView of(Onboarding onboarding) {
      return new OnboardingView(onboarding.state(), onboarding.orgId());
    }
  }

  public record OnboardingChoice(String organizationId) {}

  @GET
  public OnboardingView onboarding() {
    return OnboardingView.of(platform.onboardingOf(Caller.of(security)));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public OnboardingView complete(OnboardingChoice body) {
    String caller = Caller.of(security);
    if (body == null || body.organizationId() == null) {
      throw new IllegalArgumentException("organizationId is missing");
    }
    return OnboardingView.of(platform.completeOnboarding(caller, body.organizationId()));
  }
}
