package dev.orgerasure.keycloak.ranges;

import dev.orgerasure.keycloak.tenant.UserIdRange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One range of an erasure's user ids in one phase, offered to every node of the cluster: the node
 * that claimed it last ({@code owner}) works on it until {@code leaseEnd}, renewing while it works;
 * once that has passed, any node may claim it again. {@code version} grows with every claim, so
 * that of two nodes claiming at once one is refused, and a node whose lease was taken over can no
 * longer renew it or mark it done.
 */
@Entity
@Table(name = "ORG_ERASURE_RANGE_LEASE")
@IdClass(RangeLeaseEntity.Key.class)
public class RangeLeaseEntity {

  @Id
  @Column(name = "REQUEST_ID", length = 36)
  private String requestId;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "PHASE", length = 16)
  private RangePhase phase;

  @Id
  @Column(name = "RANGE_INDEX")
  private int rangeIndex;

  /** How many ranges the phase's ids were split into: the range is recomputed from both. */
  @Column(name = "RANGE_COUNT", nullable = false)
  private int rangeCount;

  @Column(name = "OWNER")
  private String owner;

  @Column(name = "LEASE_END")
  private Long leaseEnd;

  @Column(name = "DONE", nullable = false)
  private boolean done;

  @Column(name = "VERSION", nullable = false)
  private int version;

  protected RangeLeaseEntity() {}

  RangeLeaseEntity(String requestId, RangePhase phase, int rangeIndex, int rangeCount) {
    this.requestId = requestId;
    this.phase = phase;
    this.rangeIndex = rangeIndex;
    this.rangeCount = rangeCount;
  }

  public String requestId() {
    return requestId;
  }

  public RangePhase phase() {
    return phase;
  }

  public int rangeIndex() {
    return rangeIndex;
  }

  public int rangeCount() {
    return rangeCount;
  }

  public String owner() {
    return owner;
  }

  public boolean done() {
    return done;
  }

  public int version() {
    return version;
  }

  public UserIdRange range() {
    return UserIdRange.split(rangeCount).get(rangeIndex);
  }

  public static class Key implements Serializable {
    private String requestId;
    private RangePhase phase;
    private int rangeIndex;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && requestId.equals(k.requestId)
          && phase == k.phase
          && rangeIndex == k.rangeIndex;
    }

    @Override
    public int hashCode() {
      return Objects.hash(requestId, phase, rangeIndex);
    }
  }
}
