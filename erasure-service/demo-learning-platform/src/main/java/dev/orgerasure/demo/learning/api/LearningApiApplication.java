package dev.orgerasure.demo.learning.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The demo learning platform's REST API, under its context root: {@code /learning/api}. Callers
 * present Keycloak access tokens issued to the platform's client (MicroProfile JWT).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
public class LearningApiApplication extends Application {}
