package dev.orgerasure.service.keycloak;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Whether the service can work with Keycloak, for readiness: its client secret is accepted and the
 * realm's keys can be read. Keycloak is asked at most once every {@link #PROBE_PERIOD}, however
 * often health is polled; a change of the answer is logged once.
 */
@ApplicationScoped
public class KeycloakReadiness {

  static final Duration PROBE_PERIOD = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(KeycloakReadiness.class.getName());

  @Inject KeycloakSettings settings;

  private ExpiringValue<KeycloakStatus> status;
  private List<String> lastProblems;

  @PostConstruct
  void open() {
    KeycloakProbe probe = new KeycloakProbe(Clock.systemUTC());
    status =
        new ExpiringValue<>(
            PROBE_PERIOD,
            Clock.systemUTC(),
            () ->
                logChange(
                    probe.probe(
                        settings.addresses(), settings.clientId(), settings.clientSecret())));
  }

  public KeycloakStatus status() {
    return status.get();
  }

  private synchronized KeycloakStatus logChange(KeycloakStatus now) {
    List<String> problems = now.problems();
    if (!problems.equals(lastProblems)) {
      if (problems.isEmpty()) {
        LOG.info(
            "Keycloak is ready for this service: "
                + now.client().message()
                + "; "
                + now.keys().message());
      } else {
        problems.forEach(problem -> LOG.warning("Not ready: " + problem));
      }
      lastProblems = problems;
    }
    return now;
  }
}
