package dev.orgerasure.service.inventory;

/** The organisation's files found in the file store, and their total size. */
public record FileCount(String category, boolean personalData, long files, long bytes) {}
