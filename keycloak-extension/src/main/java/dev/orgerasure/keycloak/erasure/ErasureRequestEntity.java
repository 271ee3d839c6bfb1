package dev.orgerasure.keycloak.erasure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/**
 * One erasure of one organisation, kept in Keycloak's database. {@code activeOrganizationId} is
 * unique and set while the erasure may still act on the organisation: that is what makes
 * concurrent submits for one organisation end in a single request.
 */
@Entity
@Table(name = "ORG_ERASURE_REQUEST")
@NamedQueries({
    @NamedQuery(
            name = "ErasureRequest.findActiveByOrganization",
            query = "select r from ErasureRequestEntity r where r.activeOrganizationId = :organizationId"),
    @NamedQuery(
            name = "ErasureRequest.findActiveByRealm",
            query = "select r from ErasureRequestEntity r where r.realmId = :realmId and r.activeOrganizationId is not null"),
    @NamedQuery(
            name = "ErasureRequest.findRecentByRealm",
            query = "select r from ErasureRequestEntity r where r.realmId = :realmId order by r.requestedAt desc")
})
public class ErasureRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORGANIZATION_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "ACTIVE_ORGANIZATION_ID", length = 36, unique = true)
    private String activeOrganizationId;

    @Column(name = "ORGANIZATION_NAME", nullable = false)
    private String organizationName;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 32, nullable = false)
    private ErasureState state;

    @Column(name = "REQUESTED_BY_ID", length = 36, nullable = false)
    private String requestedById;

    @Column(name = "REQUESTED_BY_USERNAME", nullable = false)
    private String requestedByUsername;

    @Column(name = "REQUESTED_AT", nullable = false)
    private long requestedAt;

    @Column(name = "LOCKED_AT")
    private Long lockedAt;

    @Column(name = "MEMBER_COUNT", nullable = false)
    private long memberCount;

    @Column(name = "MEMBERS_LOCKED", nullable = false)
    private long membersLocked;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    protected ErasureRequestEntity() {
    }

    public ErasureRequestEntity(String realmId, String organizationId, String organizationName,
            String requestedById, String requestedByUsername, long memberCount, long requestedAt) {
        this.id = UUID.randomUUID().toString();
        this.realmId = Objects.requireNonNull(realmId);
        this.organizationId = Objects.requireNonNull(organizationId);
        this.activeOrganizationId = organizationId;
        this.organizationName = Objects.requireNonNull(organizationName);
        this.requestedById = Objects.requireNonNull(requestedById);
        this.requestedByUsername = Objects.requireNonNull(requestedByUsername);
        this.memberCount = memberCount;
        this.requestedAt = requestedAt;
        this.state = ErasureState.REQUESTED;
    }

    public void moveTo(ErasureState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateTransitionException(state, target);
        }
        state = target;
        if (target == ErasureState.CANCELLED) {
            // A cancelled erasure no longer holds the organisation, so a new one may start.
            activeOrganizationId = null;
        }
    }

    public void lockedOut(long membersLocked, long at) {
        this.membersLocked = membersLocked;
        this.lockedAt = at;
        moveTo(ErasureState.LOCKED);
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public ErasureState getState() {
        return state;
    }

    public String getRequestedById() {
        return requestedById;
    }

    public String getRequestedByUsername() {
        return requestedByUsername;
    }

    public long getRequestedAt() {
        return requestedAt;
    }

    public Long getLockedAt() {
        return lockedAt;
    }

    public long getMemberCount() {
        return memberCount;
    }

    public long getMembersLocked() {
        return membersLocked;
    }
}
