package dev.orgerasure.service.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The service's REST API, under the web module's context root: {@code /erasure/api}. Callers
 * present Keycloak access tokens (MicroProfile JWT, checked by Liberty's {@code mpJwt} element).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
public class ErasureApiApplication extends Application {}
