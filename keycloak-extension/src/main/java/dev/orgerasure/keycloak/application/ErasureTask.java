package dev.orgerasure.keycloak.application;

import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestRepository;
import dev.orgerasure.keycloak.erasure.ErasureState;
import dev.orgerasure.keycloak.notification.ScheduledNotice;
import dev.orgerasure.keycloak.spi.OrgErasureProvider;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * The safety net, run on one cluster node at a time: resumes lockouts a crash interrupted, hands
 * over erasures whose hand-over failed or never happened, finishes cancels a crash interrupted
 * (also one the service had already cancelled when Keycloak stopped), resumes erasures left
 * half-finished by a restart, and tries again the "erasure scheduled" e-mails that could not be
 * sent. Work a node still holds (its lease runs) is left to it.
 */
public class ErasureTask implements ScheduledTask {

  @Override
  public void run(KeycloakSession session) {
    long now = Time.currentTimeMillis();
    OrgErasureProvider erasures = OrgErasureProvider.of(session);
    ErasureRequestRepository requests = erasures.requests();
    List<String> interruptedLockouts =
        ids(requests.findUnheld(ErasureState.where(ErasureState::awaitsLockout), now));
    List<String> dueHandOvers = ids(requests.findDueHandOvers(now));
    List<String> unfinished =
        ids(requests.findUnheld(ErasureState.where(ErasureState::isFinishable), now));
    List<String> interruptedCancels =
        ids(requests.findUnheld(ErasureState.where(ErasureState::awaitsRestore), now));
    // A cancel claims an erasure in its grace period before it asks the service; a lapsed claim
    // means the node stopped in between, perhaps after the service had cancelled.
    List<String> cancelsInDoubt =
        ids(requests.findLapsedLeases(ErasureState.where(ErasureState::isInGracePeriod), now));
    List<String> dueScheduledNotices = ids(requests.findDueScheduledNotices(now));
    interruptedLockouts.forEach(erasures::resumeLockout);
    interruptedCancels.forEach(erasures::resumeCancel);
    cancelsInDoubt.forEach(erasures::resumeCancel);
    dueHandOvers.forEach(erasures::handOver);
    unfinished.forEach(erasures::finish);
    ScheduledNotice notice = new ScheduledNotice(session.getKeycloakSessionFactory());
    dueScheduledNotices.forEach(notice::send);
  }

  private static List<String> ids(List<ErasureRequestEntity> requests) {
    return requests.stream().map(ErasureRequestEntity::getId).toList();
  }

  @Override
  public String getTaskName() {
    return "org-erasure";
  }
}
