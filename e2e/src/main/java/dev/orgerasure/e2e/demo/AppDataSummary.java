package dev.orgerasure.e2e.demo;

/** Rows inserted per table of the learning database for one organisation, and files written. */
public record AppDataSummary(
    int organizations,
    int memberships,
    int courses,
    int modules,
    int lessons,
    int enrollments,
    int progress,
    int assets,
    int files) {}
