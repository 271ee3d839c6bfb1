package dev.orgerasure.service.purge;

import dev.orgerasure.service.erasure.PurgeRepository;
import dev.orgerasure.service.keycloak.KeycloakSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start, carries on every purge that was under way when the server stopped, at once, through a
 * non-persistent timer so that start-up does not wait. The purges' persistent timers would too, but
 * after a crash Liberty 26.0.0.3 fires them only minutes after the restart. Running both is safe:
 * each step locks its purge's row and resumes from the stored progress.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurgeResumption {

  private static final Logger LOG = Logger.getLogger(PurgeResumption.class.getName());

  /** Long enough for any purge; a purge that must wait (report back-off) returns earlier. */
  private static final Duration UNTIL_DONE = Duration.ofHours(1);

  @Inject private PurgeRepository purges;

  @Inject private PurgeDriver driver;

  @Inject private KeycloakSettings keycloak;

  @Resource private TimerService timerService;

  @PostConstruct
  void resumeInterruptedPurges() {
    List<String> inProgress = purges.findInProgress();
    if (!inProgress.isEmpty()) {
      LOG.info(() -> "Resuming " + inProgress.size() + " purge(s) interrupted by the last stop");
    }
    inProgress.forEach(
        requestId -> timerService.createSingleActionTimer(0, new TimerConfig(requestId, false)));
  }

  @Timeout
  void resume(Timer timer) {
    String requestId = (String) timer.getInfo();
    try (ErasureLogContext context = ErasureLogContext.of(requestId, keycloak.realm())) {
      driver.advance(requestId, UNTIL_DONE);
    }
  }
}
