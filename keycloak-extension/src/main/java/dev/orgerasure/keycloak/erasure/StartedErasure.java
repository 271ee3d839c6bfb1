package dev.orgerasure.keycloak.erasure;

/** The erasure a start answered with, and whether this start created it or found it running. */
public record StartedErasure(ErasureRepresentation erasure, boolean created) {}
