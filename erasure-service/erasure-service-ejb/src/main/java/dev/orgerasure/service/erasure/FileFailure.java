package dev.orgerasure.service.erasure;

/** A file that could not be deleted, with the error of the attempt. */
public record FileFailure(String path, String error) {}
