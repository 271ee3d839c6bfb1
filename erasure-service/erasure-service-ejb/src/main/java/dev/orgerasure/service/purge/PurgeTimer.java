package dev.orgerasure.service.purge;

import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.keycloak.KeycloakSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.logging.Logger;

/**
 * One persistent interval timer per purge (Liberty keeps it in the database store, so it survives
 * restarts and fails over to another server). Its first expiry is the end of the grace period. Each
 * timeout runs steps, each in its own transaction, until a short time budget is used, then yields.
 */
@Stateless
public class PurgeTimer {

  private static final Logger LOG = Logger.getLogger(PurgeTimer.class.getName());

  @Resource private TimerService timerService;

  @Inject private PurgeDriver driver;

  @Inject private PurgeSettings settings;

  @Inject private KeycloakSettings keycloak;

  /**
   * Called in the transaction that stores the purge: the timer exists if and only if the purge
   * does.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void schedule(Purge purge) {
    TimerConfig config = new TimerConfig(purge.requestId(), true);
    timerService.createIntervalTimer(
        Date.from(purge.graceUntil()), settings.timerInterval().toMillis(), config);
  }

  // No transaction around the timeout itself: every step commits on its own, and the HTTP report
  // holds none.
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void onTimeout(Timer timer) {
    String requestId = (String) timer.getInfo();
    try (ErasureLogContext context = ErasureLogContext.of(requestId, keycloak.realm())) {
      if (driver.advance(requestId, settings.timeoutBudget()) == StepOutcome.FINISHED) {
        timer.cancel();
        LOG.info(() -> "Purge " + requestId + " finished; its timer is cancelled");
      }
    }
  }
}
