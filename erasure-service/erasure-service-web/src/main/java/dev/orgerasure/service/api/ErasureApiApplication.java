package dev.orgerasure.service.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The service's REST API, under the web module's context root: {@code /erasure/api}. */
@ApplicationPath("api")
public class ErasureApiApplication extends Application {
}
