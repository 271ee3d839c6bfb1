package dev.orgerasure.e2e.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.e2e.harness.WholeSystem;
import dev.orgerasure.e2e.keycloak.KeycloakAdminClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Creates organisations of realm {@code learning}: the Keycloak organisation with a domain, its
 * members (password set, e-mail verified), its org admin (allowed to erase it themselves), and its
 * app data. Tests use {@link #createUnique} so that no two tests share an organisation.
 */
public final class OrgFactory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WholeSystem system;
  private static final String ORGS_PATH = DemoRealm.ADMIN_PATH + "/organizations";

  private final KeycloakAdminClient admin;
  private final MemberFactory users;
  private final SelfServiceErasers erasers;

  public OrgFactory(WholeSystem system, KeycloakAdminClient admin) {
    this.system = system;
    this.admin = admin;
    this.users = new MemberFactory(admin, DemoRealm.REALM);
    this.erasers = new SelfServiceErasers(system, DemoRealm.REALM);
  }

  /** An organisation with a name no other call returns, e.g. "Test Org 3f9a1c2e". */
  public DemoOrg createUnique(int memberCount) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return create("Test Org " + suffix, "test-org-" + suffix + ".example", memberCount);
  }

  /**
   * The first member is the org admin; {@code memberCount} counts them. The alias is the domain's
   * first label.
   */
  public DemoOrg create(String name, String domain, int memberCount) {
    if (memberCount < 1) {
      throw new IllegalArgumentException("an organisation needs at least its admin");
    }
    String orgId =
        admin.createOrganization(
            DemoRealm.REALM, name, domain.substring(0, domain.indexOf('.')), domain);
    List<Member> members = users.create(domain, memberCount);
    for (Member member : members) {
      admin.post(ORGS_PATH + "/" + orgId + "/members", member.id());
    }
    Member orgAdmin = members.get(0);
    designateAdmin(orgId, orgAdmin);
    return new DemoOrg(
        orgId, name, domain, orgAdmin, members, insertAppData(orgId, name, orgAdmin, members));
  }

  /** Allows the member, already in the organisation, to erase it themselves. */
  public void designateAdmin(String orgId, Member member) {
    erasers.allow(orgId, member);
  }

  private AppDataSummary insertAppData(
      String orgId, String name, Member orgAdmin, List<Member> members) {
    try (Connection db = system.learningDatabase()) {
      return LearningAppData.insert(db, system.fileStoreRoot(), orgId, name, orgAdmin, members);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert the app data of " + name, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the asset files of " + name, e);
    }
  }
}
