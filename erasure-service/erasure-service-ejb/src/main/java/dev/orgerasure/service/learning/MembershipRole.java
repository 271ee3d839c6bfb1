package dev.orgerasure.service.learning;

public enum MembershipRole {
  LEARNER,
  INSTRUCTOR,
  ADMIN
}
