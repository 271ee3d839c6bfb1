package dev.orgerasure.service.erasure;

/** The purge for a request, and whether this call created it or found it from an earlier call. */
public record Acceptance(Purge purge, boolean created) {}
