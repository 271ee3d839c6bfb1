package dev.orgerasure.keycloak.erasure;

/**
 * What an erasure of a tenant would do to its members now, under each policy: shown before anyone
 * confirms (docs/erasure.md, "Who is erased" and "Member policy").
 */
public record MemberPreview(MemberCounts erase, MemberCounts detach) {

  /**
   * The preview from the members' decisions under Detach: the rules differ between the policies
   * only in their last step, so under Erase the detached would be erased and every other decision
   * holds.
   */
  public static MemberPreview fromDetach(MemberCounts detach) {
    return new MemberPreview(
        new MemberCounts(
            detach.signedOut(),
            detach.keptInOtherTenants(),
            detach.keptAsAdministrators(),
            0,
            detach.keptAfterLeaving()),
        detach);
  }
}
