package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.keycloak.completion.ErasureFinisher;
import dev.orgerasure.keycloak.config.ErasureSettings;
import dev.orgerasure.keycloak.handover.HandOver;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * The safety net, run on one cluster node at a time: hands over erasures whose hand-over failed or
 * never happened, and resumes erasures left half-finished by a restart.
 */
public class ErasureTask implements ScheduledTask {

  private final ErasureSettings settings;

  public ErasureTask(ErasureSettings settings) {
    this.settings = settings;
  }

  @Override
  public void run(KeycloakSession session) {
    long now = Time.currentTimeMillis();
    ErasureRequestRepository requests = new ErasureRequestRepository(session);
    List<String> dueHandOvers =
        requests.findDueHandOvers(now).stream().map(ErasureRequestEntity::getId).toList();
    List<String> unfinished =
        requests.findUnfinished(now).stream().map(ErasureRequestEntity::getId).toList();
    HandOver handOver = new HandOver(session.getKeycloakSessionFactory(), settings);
    dueHandOvers.forEach(handOver::deliver);
    ErasureFinisher finisher = new ErasureFinisher(session.getKeycloakSessionFactory(), settings);
    unfinished.forEach(finisher::finish);
  }

  @Override
  public String getTaskName() {
    return "org-erasure";
  }
}
