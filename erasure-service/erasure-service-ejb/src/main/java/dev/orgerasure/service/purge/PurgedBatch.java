package dev.orgerasure.service.purge;

import java.time.Duration;

/**
 * A CDI event: one batch of a purge found rows, and how long it took. Fired inside the step's
 * transaction, so observers that count it wait for the commit: a step that rolls back purged
 * nothing.
 */
public record PurgedBatch(long rows, Duration took) {}
