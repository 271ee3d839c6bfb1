package dev.orgerasure.contract;

/**
 * A file of the organisation the purge could not delete yet: its path relative to the service's
 * file store, the error of its last attempt, and how many attempts were made. The service retries
 * it with back-off until it is gone, then drops it from the list.
 */
public record FailedFile(String path, String error, int attempts) {}
