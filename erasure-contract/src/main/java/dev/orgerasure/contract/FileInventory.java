package dev.orgerasure.contract;

/** The organisation's files found in the service's file store, and their total size. */
public record FileInventory(String category, boolean personalData, long files, long bytes) {}
