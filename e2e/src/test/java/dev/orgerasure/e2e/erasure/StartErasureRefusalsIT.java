package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way to ask wrongly gets a clear error and changes nothing: the realm's state (users, orgs,
 * groups and memberships, sessions, erasure requests, enabled flags) and the app database are the
 * same before and after; for both tenant kinds (docs/erasure.md, "Tenant models"). Who may ask is
 * in AdminRefusalsIT.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TenantKind.class)
@WholeSystemTest
class StartErasureRefusalsIT {

  /** Long enough that no purge runs while a test compares states. */
  private static final int GRACE_PERIOD_SECONDS = 3600;

  @Parameter private TenantKind kind;

  private final SystemUnderTest base;
  private Tenancy sut;
  private DemoOrg org;

  StartErasureRefusalsIT(SystemUnderTest base) {
    this.base = base;
  }

  @BeforeEach
  void anOrganisationWithSignedInMembers() {
    sut = Tenancy.of(kind, base);
    org = sut.create(3);
    for (Member member : org.members()) {
      sut.memberLogin(member, true).requireSuccess();
    }
  }

  private ErasureAdminApi asRealmAdmin() {
    return sut.asRealmAdmin();
  }

  private void assertRefusedAndNothingChanged(
      int status, String message, Callable<ErasureAdminApi.Answer> attempt) throws Exception {
    SystemState before = sut.state();

    ErasureAdminApi.Answer answer = attempt.call();

    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.errorMessage().contains(message), answer.body());
    assertEquals(before, sut.state());
  }

  @Test
  void wrongConfirmationChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "does not match", () -> api.startErasure(org.id(), org.name() + "x"));
  }

  @Test
  void confirmationInAnotherCaseChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "does not match", () -> api.startErasure(org.id(), org.name().toUpperCase()));
  }

  @Test
  void confirmationWithSurroundingSpacesChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "does not match", () -> api.startErasure(org.id(), " " + org.name() + " "));
  }

  @Test
  void unknownOrganisationIsNotFoundAndChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        404,
        "not found",
        () -> api.startErasure("00000000-0000-0000-0000-000000000000", org.name()));
  }

  @Test
  void malformedJsonChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400,
        "not valid JSON",
        () -> api.startErasureWithBody(org.id(), "{\"confirmation\": \"" + org.name()));
  }

  @Test
  void unknownMemberPolicyChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "memberPolicy", () -> api.startErasure(org.id(), org.name(), 0, "KEEP"));
  }

  @Test
  void missingConfirmationChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    assertRefusedAndNothingChanged(
        400, "confirmation", () -> api.startErasureWithBody(org.id(), "{}"));
  }

  @Test
  void bodyOver64KiBIsTooLargeAndChangesNothing() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    String huge =
        "{\"confirmation\": \""
            + org.name()
            + "\", \"padding\": \""
            + "x".repeat(70 * 1024)
            + "\"}";
    assertRefusedAndNothingChanged(
        413, "larger than", () -> api.startErasureWithBody(org.id(), huge));
  }

  @Test
  void doubleSubmitReturnsTheExistingErasure() {
    ErasureAdminApi api = asRealmAdmin();
    ErasureAdminApi.Answer first = api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);
    SystemState afterFirst = sut.state();

    ErasureAdminApi.Answer second = api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);

    assertEquals(201, first.status(), first.body());
    assertEquals(200, second.status(), second.body());
    assertEquals(first.json().path("id").asText(), second.json().path("id").asText());
    assertEquals(afterFirst, sut.state());
  }

  @Test
  void concurrentSubmitsMakeOneErasure() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    int submitters = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(submitters);
    try {
      List<Future<ErasureAdminApi.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < submitters; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.startErasure(org.id(), org.name(), GRACE_PERIOD_SECONDS);
                }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      int created = 0;
      for (Future<ErasureAdminApi.Answer> future : answers) {
        ErasureAdminApi.Answer answer = future.get();
        assertTrue(answer.status() == 201 || answer.status() == 200, answer.body());
        created += answer.status() == 201 ? 1 : 0;
        ids.add(answer.json().path("id").asText());
      }
      assertEquals(1, created);
      assertEquals(1, ids.size());
      assertEquals(1, LockedMembers.requestsFor(sut.system(), org.id()));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A realm that cannot hand erasures over (no dispatcher client) is refused before anyone is
   * locked out: such a lockout could never finish.
   */
  @Test
  void realmWithoutTheDispatcherClientIsRefusedBeforeLockout() throws Exception {
    ErasureAdminApi api = asRealmAdmin();
    JsonNode dispatcher =
        sut.masterAdmin()
            .get(sut.adminPath() + "/clients?clientId=" + DemoRealm.DISPATCHER_CLIENT)
            .get(0);
    String path = sut.adminPath() + "/clients/" + dispatcher.path("id").asText();
    sut.masterAdmin()
        .put(path, ((ObjectNode) dispatcher.deepCopy()).put("clientId", "renamed-dispatcher"));
    try {
      assertRefusedAndNothingChanged(
          409, "cannot be handed over", () -> api.startErasure(org.id(), org.name()));
    } finally {
      sut.masterAdmin().put(path, dispatcher);
    }
  }
}
