package dev.orgerasure.demo.learning;

public enum MembershipRole {
  LEARNER,
  INSTRUCTOR,
  ADMIN
}
