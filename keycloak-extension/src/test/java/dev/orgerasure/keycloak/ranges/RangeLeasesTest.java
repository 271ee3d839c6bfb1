package dev.orgerasure.keycloak.ranges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claims of range leases, run by the Hibernate ORM that Keycloak ships on PostgreSQL, each step
 * in a transaction of its own as the nodes run them.
 */
class RangeLeasesTest {

  private static final long NOW = 1_000_000;
  private static final long LEASE = 10_000;

  private static EmbeddedPostgres postgres;
  private static EntityManagerFactory factory;

  private final String erasure = UUID.randomUUID().toString();

  @BeforeAll
  static void rangeLeaseTable() throws IOException {
    postgres = EmbeddedPostgres.start();
    factory =
        new PersistenceConfiguration("ranges")
            .provider(HibernatePersistenceProvider.class.getName())
            .property(
                PersistenceConfiguration.JDBC_URL, postgres.getJdbcUrl("postgres", "postgres"))
            .property(PersistenceConfiguration.JDBC_USER, "postgres")
            .property(PersistenceConfiguration.JDBC_PASSWORD, "postgres")
            .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "create")
            .managedClass(RangeLeaseEntity.class)
            .createEntityManagerFactory();
  }

  @AfterAll
  static void stop() throws IOException {
    factory.close();
    postgres.close();
  }

  @Test
  void ofTwoNodesClaimingTheSameFreeRangeOnlyTheFirstHoldsIt() {
    inTransaction(leases -> leases.open(erasure, RangePhase.LOCKOUT, 1));
    RangeLeaseEntity seenByA = onlyRange();
    RangeLeaseEntity seenByB = onlyRange();

    Optional<RangeClaim> a = inTransaction(leases -> leases.claim(seenByA, "a", NOW, NOW + LEASE));
    Optional<RangeClaim> b = inTransaction(leases -> leases.claim(seenByB, "b", NOW, NOW + LEASE));

    assertTrue(a.isPresent());
    assertEquals(Optional.empty(), b);
    assertEquals("a", onlyRange().owner());
  }

  @Test
  void aRangeIsNotClaimedAgainWhileItsLeaseRuns() {
    inTransaction(leases -> leases.open(erasure, RangePhase.LOCKOUT, 1));
    claimNext(RangePhase.LOCKOUT, "a", NOW);

    assertEquals(Optional.empty(), claimNext(RangePhase.LOCKOUT, "b", NOW + LEASE - 1));
  }

  @Test
  void aRangeWhoseLeaseLapsedIsClaimedByAnotherNode() {
    inTransaction(leases -> leases.open(erasure, RangePhase.DELETION, 1));
    claimNext(RangePhase.DELETION, "a", NOW);

    Optional<RangeClaim> b = claimNext(RangePhase.DELETION, "b", NOW + LEASE + 1);

    assertTrue(b.isPresent());
    assertEquals("b", onlyRange().owner());
  }

  @Test
  void aNodeWhoseRangeWasTakenOverCannotMarkItDone() {
    inTransaction(leases -> leases.open(erasure, RangePhase.DELETION, 1));
    RangeClaim lapsed = claimNext(RangePhase.DELETION, "a", NOW).orElseThrow();
    claimNext(RangePhase.DELETION, "b", NOW + LEASE + 1);

    boolean markedDone = inTransaction(leases -> leases.markDone(lapsed));

    assertFalse(markedDone);
    assertFalse(onlyRange().done());
  }

  @Test
  void aDoneRangeIsNeverClaimedAgain() {
    inTransaction(leases -> leases.open(erasure, RangePhase.DELETION, 1));
    RangeClaim claim = claimNext(RangePhase.DELETION, "a", NOW).orElseThrow();
    inTransaction(leases -> leases.markDone(claim));

    assertEquals(Optional.empty(), claimNext(RangePhase.DELETION, "b", NOW + 100 * LEASE));
    boolean allDone = inTransaction(leases -> leases.allDone(erasure, RangePhase.DELETION));
    assertTrue(allDone);
  }

  @Test
  void aResumedPhaseKeepsItsRangesAndWhatWasDone() {
    inTransaction(leases -> leases.open(erasure, RangePhase.LOCKOUT, 8));
    RangeClaim first = claimNext(RangePhase.LOCKOUT, "a", NOW).orElseThrow();
    inTransaction(leases -> leases.markDone(first));

    int ranges = inTransaction(leases -> leases.open(erasure, RangePhase.LOCKOUT, 4));

    assertEquals(8, ranges);
    assertEquals(1, claimNext(RangePhase.LOCKOUT, "b", NOW + LEASE + 1).orElseThrow().rangeIndex());
  }

  @Test
  void aClosedPhaseStartsFromNewRangesWhenItRunsAgain() {
    inTransaction(leases -> leases.open(erasure, RangePhase.LOCKOUT, 1));
    RangeClaim claim = claimNext(RangePhase.LOCKOUT, "a", NOW).orElseThrow();
    inTransaction(leases -> leases.markDone(claim));
    inTransaction(
        leases -> {
          leases.close(erasure, RangePhase.LOCKOUT);
          return null;
        });

    inTransaction(leases -> leases.open(erasure, RangePhase.LOCKOUT, 1));

    assertFalse(onlyRange().done());
  }

  private Optional<RangeClaim> claimNext(RangePhase phase, String node, long now) {
    return inTransaction(leases -> leases.claimNext(erasure, phase, node, now, now + LEASE));
  }

  private RangeLeaseEntity onlyRange() {
    EntityManager em = factory.createEntityManager();
    try {
      List<RangeLeaseEntity> ranges =
          em.createQuery(
                  "select l from RangeLeaseEntity l where l.requestId = :requestId",
                  RangeLeaseEntity.class)
              .setParameter("requestId", erasure)
              .getResultList();
      assertEquals(1, ranges.size());
      return ranges.get(0);
    } finally {
      em.close();
    }
  }

  private static <T> T inTransaction(Function<RangeLeases, T> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(new RangeLeases(em));
      em.getTransaction().commit();
      return result;
    } finally {
      em.close();
    }
  }
}
