package dev.orgerasure.demo.learning;

/** Where a person is in the learning platform's onboarding. */
public enum OnboardingState {
  /** Not onboarded into any organisation (yet, or again after a Detach erasure). */
  PENDING,
  /** Onboarded into an organisation of which they are a member. */
  COMPLETED
}
