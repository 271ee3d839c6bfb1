package dev.orgerasure.service.purge;

import dev.orgerasure.service.erasure.Purge;

/** The purge for a request, and whether this call created it or found it from an earlier call. */
public record Acceptance(Purge purge, boolean created) {}
