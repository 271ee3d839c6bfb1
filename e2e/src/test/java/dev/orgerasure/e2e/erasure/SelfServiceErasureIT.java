package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.AccountConsole;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.browser.SelfServicePages;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The org admin erases their own organisation from the account console, through our required action
 * and login-theme pages, in a real headless Chromium, for both tenant kinds; screenshots under
 * {@code e2e/target/screenshots/<test>-<kind>/}.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TenantKind.class)
@WholeSystemTest
class SelfServiceErasureIT {

  /** The action's re-authentication age, set short so that the test can outlive it. */
  private static final int MAX_AUTH_AGE_SECONDS = 3;

  private static final Duration ERASURE_TIMEOUT = Duration.ofMinutes(2);

  @Parameter private TenantKind kind;

  private final SystemUnderTest base;
  private Tenancy sut;

  SelfServiceErasureIT(SystemUnderTest base) {
    this.base = base;
  }

  @BeforeEach
  void erasureActionAsksForRecentSignIn() {
    sut = Tenancy.of(kind, base);
    sut.masterAdmin()
        .put(
            sut.adminPath()
                + "/authentication/required-actions/"
                + DemoRealm.ERASURE_ACTION
                + "/config",
            Map.of("config", Map.of("max_auth_age", Integer.toString(MAX_AUTH_AGE_SECONDS))));
  }

  @Test
  void orgAdminErasesTheirOrganisationAfterReauthenticatingAndIsToldByMailBeforeTheirAccountGoes()
      throws Exception {
    DemoOrg org = sut.create(3);
    Member orgAdmin = org.admin();
    long enrollments = sut.appRows(org.id()).get("enrollments");
    String requestId;
    try (Browser browser = Browser.start("org-admin-erases-own-organisation-" + kind)) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl(), sut.realm());
      account.signIn(orgAdmin);
      assertTrue(account.offersDeleteOrganisation());
      browser.screenshot("01-account-console");

      // A fixed wait is the point here: the sign-in must grow older than the maximum age.
      Thread.sleep(Duration.ofSeconds(MAX_AUTH_AGE_SECONDS + 1).toMillis());
      SelfServicePages pages = account.deleteOrganisation();
      assertTrue(pages.asksToReauthenticate());
      browser.screenshot("02-reauthenticate");
      pages.reauthenticate(orgAdmin);

      pages.confirmPageShown();
      assertTrue(
          pages.inventoryText().contains("Enrollments " + enrollments), pages.inventoryText());
      browser.screenshot("03-confirm");

      SystemState before = sut.state();
      pages.confirmWith(org.name().toUpperCase());
      pages.confirmPageShown();
      assertTrue(pages.pageText().contains("does not match"), pages.pageText());
      browser.screenshot("04-wrong-name-refused");
      assertEquals(before, sut.state());

      pages.confirmWith(org.name());
      requestId = pages.startedErasureId();
      browser.screenshot("05-erasure-started");
      assertEquals(0, RealmState.sessionsOf(sut.system(), orgAdmin.id()));
    }

    MailBeforeDeletion order = MailBeforeDeletion.watch(base, orgAdmin, ERASURE_TIMEOUT);
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(sut.system(), requestId, Set.of("COMPLETED"), ERASURE_TIMEOUT));
    assertTrue(order.mailArrivedWhileAccountExisted(), order.toString());

    List<Mailbox.Mail> mails = Mailbox.to(sut.system(), orgAdmin.email());
    assertEquals(1, mails.size());
    Mailbox.Mail mail = mails.get(0);
    assertEquals("Organisation " + org.name() + " has been erased", mail.subject());
    for (String body : List.of(mail.text(), mail.html())) {
      assertTrue(body.contains(org.name() + " (3 members)"), body);
      assertTrue(body.contains("Enrollments: " + enrollments), body);
      assertTrue(body.contains("Retention notice"), body);
      assertTrue(body.contains("Your own account is deleted"), body);
    }
    ErasureRecords.Audit audit = ErasureRecords.completionRecord(sut.system(), requestId);
    assertTrue(audit.notifiedTo(orgAdmin.email()), audit.notifiedToDigest());
    assertFalse(RealmState.userExists(sut.system(), orgAdmin.id()));
    HttpResponse<String> receipt = ReceiptLink.fetch(ReceiptLink.in(mail.text()));
    assertEquals(200, receipt.statusCode(), receipt.body());
    assertTrue(receipt.body().contains(requestId), receipt.body());
  }

  /**
   * An org admin who chose a grace period is locked out with everyone else; the "scheduled"
   * e-mail's link lets them cancel, and everyone, they included, can sign in again.
   */
  @Test
  void orgAdminWhoChoseAGracePeriodCancelsWithTheMailedLink() throws Exception {
    DemoOrg org = sut.create(2);
    Member orgAdmin = org.admin();
    String requestId;
    try (Browser browser = Browser.start("org-admin-cancels-with-the-mailed-link-" + kind)) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl(), sut.realm());
      account.signIn(orgAdmin);
      SelfServicePages pages = account.deleteOrganisation();
      pages.reauthenticateIfAsked(orgAdmin);
      pages.confirmPageShown();
      pages.gracePeriod(1, "days");
      browser.screenshot("01-grace-period-chosen");
      pages.confirmWith(org.name());
      requestId = pages.startedErasureId();
    }
    assertEquals(86400, ErasureRecords.gracePeriodSeconds(sut.system(), requestId));
    ErasureRecords.awaitState(sut.system(), requestId, Set.of("SCHEDULED"), ERASURE_TIMEOUT);
    assertFalse(RealmState.isEnabled(sut.system(), orgAdmin.id()));

    URI link = CancelLink.mailedTo(sut.system(), orgAdmin.email(), org.name());
    try (Browser browser = Browser.start("org-admin-cancels-with-the-mailed-link-2-" + kind)) {
      CancelLinkIT.open(browser, link);
      browser.screenshot("02-cancel-page");
      browser.driver().findElement(By.id("org-erasure-cancel-confirm")).click();
      browser
          .waiting(Duration.ofSeconds(20))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("org-erasure-cancelled")));
      browser.screenshot("03-cancelled");
    }

    assertEquals("CANCELLED", ErasureRecords.state(sut.system(), requestId));
    sut.memberLogin(orgAdmin, false).requireSuccess();
  }

  @Test
  void plainMemberIsNotOfferedTheActionAndForcingItShowsTheErrorPage() throws Exception {
    DemoOrg org = sut.create(2);
    Member learner = org.learners().get(0);
    try (Browser browser = Browser.start("plain-member-cannot-erase-" + kind)) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl(), sut.realm());
      account.signIn(learner);
      assertFalse(account.showsDeleteOrganisationEntry());
      browser.screenshot("01-no-entry");

      SystemState before = sut.state();
      SelfServicePages pages = account.forceErasureAction();
      pages.reauthenticateIfAsked(learner);
      assertTrue(pages.errorPageShown());
      assertTrue(
          pages.pageText().contains("only erase an organisation you administer"), pages.pageText());
      browser.screenshot("02-forced-action-refused");
      assertEquals(before, sut.state());
    }
  }

  /**
   * A user manager can put anyone in any group and an organisation manager can edit any
   * organisation's attributes; older set-ups named a tenant's admins there ("org-admins"). Neither
   * grants the power to erase: a member named so is neither offered the erasure nor let through
   * when they force it.
   */
  @Test
  void memberAManagerNamesTheTenantsAdminIsNotOfferedItsErasure() throws Exception {
    DemoOrg org = sut.create(2);
    Member named = org.learners().get(0);
    managerNamesAdmin(org, named);
    try (Browser browser = Browser.start("member-named-admin-by-a-manager-cannot-erase-" + kind)) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl(), sut.realm());
      account.signIn(named);
      assertFalse(account.showsDeleteOrganisationEntry());

      SystemState before = sut.state();
      SelfServicePages pages = account.forceErasureAction();
      pages.reauthenticateIfAsked(named);
      assertTrue(pages.errorPageShown());
      browser.screenshot("01-named-admin-refused");
      assertEquals(before, sut.state());
    }
  }

  /**
   * Only an admin who may erase the tenant may let a member erase it: a user manager who gave
   * himself the erasure role lacks the powers, and is refused with nothing changed.
   */
  @Test
  void adminWithoutTheErasurePowersCannotAllowAMemberToEraseTheTenant() {
    DemoOrg org = sut.create(2);
    Member userManager = Admins.adminIn(base, sut.realm(), "manage-users", DemoRealm.ERASE_ROLE);
    ErasureAdminApi api = sut.adminApi(userManager);

    SystemState before = sut.state();
    ErasureAdminApi.Answer answer =
        api.allowSelfServiceEraser(org.id(), org.learners().get(0).id());

    assertEquals(403, answer.status(), answer.body());
    assertTrue(answer.errorMessage().contains("powers the erasure uses"), answer.body());
    assertEquals(before, sut.state());
  }

  @Test
  void onlyAMemberOfTheTenantMayBeAllowedToEraseIt() {
    DemoOrg org = sut.create(2);
    DemoOrg other = sut.create(1);
    ErasureAdminApi api = sut.asRealmAdmin();

    SystemState before = sut.state();
    ErasureAdminApi.Answer answer = api.allowSelfServiceEraser(org.id(), other.admin().id());

    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.errorMessage().contains("Only a member"), answer.body());
    assertEquals(before, sut.state());
  }

  @Test
  void memberWhoseSelfServiceErasureIsWithdrawnIsNoLongerOfferedIt() throws Exception {
    DemoOrg org = sut.create(2);
    sut.selfServiceErasers().withdraw(org.id(), org.admin());
    assertEquals(0, sut.asRealmAdmin().selfServiceErasers(org.id()).json().size());
    try (Browser browser = Browser.start("withdrawn-eraser-not-offered-" + kind)) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl(), sut.realm());
      account.signIn(org.admin());
      assertFalse(account.showsDeleteOrganisationEntry());
    }
  }

  /**
   * A manager of the realm names a member the tenant's admin the old ways, with his own token: a
   * user manager puts them in the tenant group's sub-group {@code org-admins}; an organisation
   * manager lists them in the organisation's attribute {@code org-admins}.
   */
  private void managerNamesAdmin(DemoOrg org, Member member) {
    String adminPath = sut.adminPath();
    if (kind == TenantKind.GROUP) {
      KeycloakAdminClient userManager =
          sut.adminClient(Admins.adminIn(base, sut.realm(), "manage-users"));
      String orgAdmins =
          userManager.post(
              adminPath + "/groups/" + org.id() + "/children", Map.of("name", "org-admins"));
      userManager.put(adminPath + "/users/" + member.id() + "/groups/" + orgAdmins, null);
      return;
    }
    KeycloakAdminClient orgManager =
        sut.adminClient(Admins.adminIn(base, sut.realm(), "manage-organizations"));
    String orgPath = adminPath + "/organizations/" + org.id();
    ObjectNode organization = (ObjectNode) orgManager.get(orgPath);
    organization.putObject("attributes").putArray("org-admins").add(member.id());
    orgManager.put(orgPath, organization);
  }

  @Test
  void orgAdminCannotEraseAnotherOrganisationByChangingTheRequest() throws Exception {
    DemoOrg own = sut.create(2);
    DemoOrg other = sut.create(2);
    try (Browser browser = Browser.start("org-admin-cannot-erase-another-organisation-" + kind)) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl(), sut.realm());
      account.signIn(own.admin());
      SelfServicePages pages = account.deleteOrganisation();
      pages.reauthenticateIfAsked(own.admin());
      pages.confirmPageShown();

      SystemState before = sut.state();
      pages.tamperOrganisation(other.id());
      pages.confirmWith(other.name());
      assertTrue(pages.errorPageShown());
      browser.screenshot("01-tampered-organisation-refused");
      assertEquals(before, sut.state());
    }
  }

  @Test
  void adminOfSeveralOrganisationsPicksTheOneToErase() throws Exception {
    DemoOrg first = sut.create(2);
    DemoOrg second = sut.create(2);
    Member admin = first.admin();
    sut.designateAdmin(second, admin);
    try (Browser browser = Browser.start("admin-of-several-organisations-picks-one-" + kind)) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl(), sut.realm());
      account.signIn(admin);
      SelfServicePages pages = account.deleteOrganisation();
      pages.reauthenticateIfAsked(admin);
      assertTrue(pages.choicesText().contains(first.name()), pages.choicesText());
      assertTrue(pages.choicesText().contains(second.name()), pages.choicesText());
      browser.screenshot("01-choose");

      pages.choose(second.name());
      pages.confirmPageShown();
      assertEquals("Erase " + second.name() + "?", pages.heading());
      browser.screenshot("02-confirm-chosen");
    }
  }

  /**
   * Watches, from the moment the erasure is started, when the requester's mail arrives and when
   * their account is gone; polled every few milliseconds, so "at the same poll" counts as before.
   */
  private static final class MailBeforeDeletion {

    private Instant mailSeen;
    private Instant accountGoneSeen;

    static MailBeforeDeletion watch(SystemUnderTest sut, Member requester, Duration timeout) {
      MailBeforeDeletion order = new MailBeforeDeletion();
      return await("the requester's mail and the deletion of their account")
          .atMost(timeout)
          .pollInSameThread()
          .pollInterval(Duration.ofMillis(5))
          .until(() -> order.look(sut, requester), MailBeforeDeletion::bothSeen);
    }

    /** One poll: both looks are dated by its start. */
    private MailBeforeDeletion look(SystemUnderTest sut, Member requester) {
      Instant now = Instant.now();
      boolean accountGone = !RealmState.userExists(sut.system(), requester.id());
      if (mailSeen == null && !Mailbox.to(sut.system(), requester.email()).isEmpty()) {
        mailSeen = now;
      }
      if (accountGoneSeen == null && accountGone) {
        accountGoneSeen = now;
      }
      return this;
    }

    private boolean bothSeen() {
      return mailSeen != null && accountGoneSeen != null;
    }

    boolean mailArrivedWhileAccountExisted() {
      return bothSeen() && !mailSeen.isAfter(accountGoneSeen);
    }

    @Override
    public String toString() {
      return "mail seen " + mailSeen + ", account gone seen " + accountGoneSeen;
    }
  }
}
