package dev.orgerasure.keycloak.application;

import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * The safety net, run on one cluster node at a time: hands over erasures whose hand-over failed or
 * never happened, and resumes erasures left half-finished by a restart.
 */
public class ErasureTask implements ScheduledTask {

  @Override
  public void run(KeycloakSession session) {
    long now = Time.currentTimeMillis();
    OrgErasureProvider erasures = OrgErasureProvider.of(session);
    ErasureRequestRepository requests = erasures.requests();
    List<String> dueHandOvers =
        requests.findDueHandOvers(now).stream().map(ErasureRequestEntity::getId).toList();
    List<String> unfinished =
        requests.findUnfinished(now).stream().map(ErasureRequestEntity::getId).toList();
    dueHandOvers.forEach(erasures::handOver);
    unfinished.forEach(erasures::finish);
  }

  @Override
  public String getTaskName() {
    return "org-erasure";
  }
}
