package dev.orgerasure.service.purge;

import dev.orgerasure.contract.HandOver;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.db.inventory.InventoryTable;
import dev.orgerasure.service.erasure.Purge;
import dev.orgerasure.service.erasure.PurgeRepository;
import dev.orgerasure.service.inventory.ApplicationInventory;
import dev.orgerasure.service.inventory.TenantKeys;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Accepts erasures handed over by Keycloak and answers their status. */
@Stateless
public class ErasureRequests {

  private static final Logger LOG = Logger.getLogger(ErasureRequests.class.getName());

  @Inject private PurgeRepository purges;

  @Inject private PurgeTimer timer;

  @Inject private PurgeStepper stepper;

  @Inject private PurgeSettings settings;

  @Inject private ApplicationInventory inventory;

  @Inject private TenantKeys tenantKeys;

  /** As long as the user id column of the erased members' table. */
  private static final int USER_ID_MAX_LENGTH = 255;

  private final Clock clock = Clock.systemUTC();

  /**
   * Stores the purge and its persistent timer in one transaction. Idempotent by request id: a
   * request seen before returns its purge and schedules nothing.
   */
  public Acceptance accept(HandOver request) {
    if (request == null) {
      throw new InvalidErasureRequestException("no body");
    }
    if (request.requestId() == null) {
      throw new InvalidErasureRequestException("requestId is missing");
    }
    if (request.gracePeriodSeconds() != null && request.gracePeriodSeconds() < 0) {
      throw new InvalidErasureRequestException("gracePeriodSeconds is negative");
    }
    Optional<Purge> existing = purges.find(request.requestId());
    if (existing.isPresent()) {
      return new Acceptance(existing.get(), false);
    }
    Set<String> erasedMembers = erasedMembers(request);
    Duration grace =
        request.gracePeriodSeconds() == null
            ? settings.defaultGracePeriod()
            : Duration.ofSeconds(request.gracePeriodSeconds());
    Purge purge;
    try {
      String tenantKey =
          request.organizationId() == null
              ? null
              : tenantKeys.keyOf(request.organizationId()).orElse(null);
      purge =
          new Purge(
              request.requestId(),
              request.organizationId(),
              tenantKey,
              request.organizationName(),
              MemberPolicy.orDefault(request.memberPolicy()),
              TenantKind.orDefault(request.tenantKind()),
              grace,
              clock.instant(),
              inventory.inventory().tablesInPurgeOrder().stream()
                  .map(InventoryTable::name)
                  .toList());
      // A key the application's tenant column cannot hold would fail every batch.
      if (tenantKey != null) {
        inventory.inventory().tenantValue(tenantKey);
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidErasureRequestException(e.getMessage());
    }
    purges.store(purge);
    purges.storeErasedMembers(purge.requestId(), erasedMembers);
    timer.schedule(purge);
    LOG.info(
        () ->
            "Erasure "
                + purge.requestId()
                + " of organisation "
                + purge.orgId()
                + purge
                    .tenantKey()
                    .map(key -> key.equals(purge.orgId()) ? "" : " (tenant " + key + ")")
                    .orElse(" (no tenant in the application)")
                + " accepted ("
                + purge.memberPolicy()
                + "); purge starts at "
                + purge.graceUntil());
    return new Acceptance(purge, true);
  }

  /** The hand-over's erased members, each a Keycloak user id; anything else is refused. */
  private static Set<String> erasedMembers(HandOver request) {
    Set<String> userIds = new HashSet<>();
    for (String userId : request.erasedMembers()) {
      if (userId == null || userId.isBlank() || userId.length() > USER_ID_MAX_LENGTH) {
        throw new InvalidErasureRequestException(
            "erasedMemberIds holds a blank id or one longer than "
                + USER_ID_MAX_LENGTH
                + " characters");
      }
      userIds.add(userId);
    }
    return userIds;
  }

  /**
   * Tries the purge's files that could not be deleted at once, without waiting for the back-off.
   */
  public Optional<Purge> retryFailedFiles(String requestId) {
    return stepper.retryUndeletedFilesNow(requestId);
  }

  /**
   * Cancels the purge while its grace period runs, under the purge's row lock, so that the timer at
   * the grace period's end and a cancel cannot both win. The timer ends at its next expiry.
   *
   * @throws dev.orgerasure.service.erasure.GracePeriodOverException when the purge may have started
   */
  public Optional<Purge> cancel(String requestId) {
    Optional<Purge> found = purges.lock(requestId);
    found.ifPresent(
        purge -> {
          purge.cancel(clock.instant());
          purges.forgetErasedMembers(requestId);
          LOG.info(() -> "Erasure " + requestId + " cancelled during its grace period");
        });
    return found;
  }

  public Optional<Purge> find(String requestId) {
    return purges.find(requestId);
  }
}
