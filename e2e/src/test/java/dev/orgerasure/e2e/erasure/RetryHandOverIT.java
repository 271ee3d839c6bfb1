package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A failing hand-over is retried with back-off; an admin can ask for an attempt now instead of
 * waiting, e.g. once the service is back.
 */
@WholeSystemTest
class RetryHandOverIT {

  private static final Duration STATE_CHANGE = Duration.ofMinutes(2);

  private final SystemUnderTest sut;

  RetryHandOverIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  private ErasureAdminApi asRealmAdmin() {
    return new ErasureAdminApi(
        sut.system().keycloakUrl(), sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken());
  }

  @Test
  void retryNowMakesAnAttemptAtOnce() throws Exception {
    DemoOrg org = sut.createOrg(2);
    ErasureAdminApi admin = asRealmAdmin();
    String erasure;
    sut.system().stopLiberty();
    try {
      ErasureAdminApi.Answer started = admin.startErasure(org.id(), org.name());
      assertEquals(201, started.status(), started.body());
      erasure = started.json().path("id").asText();
      ErasureRecords.awaitState(sut.system(), erasure, Set.of("FAILED_RETRYING"), STATE_CHANGE);
      int attemptsBefore = admin.erasure(erasure).json().path("handOverAttempts").asInt();

      ErasureAdminApi.Answer retried = admin.retryHandOver(erasure);

      assertEquals(200, retried.status(), retried.body());
      assertTrue(retried.json().path("handOverAttempts").asInt() > attemptsBefore, retried.body());
      assertFalse(retried.json().path("handedOver").asBoolean(), retried.body());
    } finally {
      sut.system().startLiberty();
    }
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(sut.system(), erasure, Set.of("COMPLETED"), STATE_CHANGE));
  }

  @Test
  void anErasureWhoseHandOverIsNotFailingCannotBeRetriedAndNothingChanges() throws Exception {
    DemoOrg org = sut.createOrg(2);
    ErasureAdminApi admin = asRealmAdmin();
    ErasureAdminApi.Answer started = admin.startErasure(org.id(), org.name(), 3600);
    String erasure = started.json().path("id").asText();
    ErasureRecords.awaitState(sut.system(), erasure, Set.of("SCHEDULED"), STATE_CHANGE);
    SystemState before = SystemState.read(sut.system());

    ErasureAdminApi.Answer refused = admin.retryHandOver(erasure);

    assertEquals(409, refused.status(), refused.body());
    assertEquals(before, SystemState.read(sut.system()));
    admin.cancel(erasure);
  }
}
