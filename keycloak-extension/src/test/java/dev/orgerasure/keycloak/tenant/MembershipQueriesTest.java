package dev.orgerasure.keycloak.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.jpa.entities.OrganizationEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.jpa.entities.UserGroupMembershipEntity;
import org.keycloak.representations.idm.MembershipType;

/**
 * The tenant directories' statements, run by the Hibernate ORM that Keycloak ships, on Keycloak's
 * own entities (every class of its persistence unit) in PostgreSQL: what the whole-system suite
 * proves through the console, checked here in seconds.
 */
class MembershipQueriesTest {

  private static final String REALM = "realm";

  // Group tenants: "acme" has a sub-group; "globex" is another tenant.
  private static final String ACME = "group-acme";
  private static final String ACME_ADMINS = "group-acme-admins";
  private static final String GLOBEX = "group-globex";
  private static final List<String> ACME_SUBTREE = List.of(ACME, ACME_ADMINS);

  // Organisations, each with its internal group.
  private static final String INITECH = "org-initech";
  private static final String INITECH_GROUP = "group-org-initech";
  private static final String UMBRELLA = "org-umbrella";
  private static final String UMBRELLA_GROUP = "group-org-umbrella";
  private static final String HOOLI = "org-hooli";

  private static final String ACME_LEARNER = user("acme-learner");
  private static final String ACME_ADMIN_AND_LEARNER = user("acme-admin-and-learner");
  private static final String ACME_ADMIN = user("acme-admin");
  private static final String GLOBEX_LEARNER = user("globex-learner");
  private static final String IN_ACME_AND_GLOBEX = user("in-acme-and-globex");
  private static final String INITECH_MEMBER = user("initech-member");
  private static final String INITECH_MANAGED = user("initech-managed");
  private static final String IN_INITECH_AND_UMBRELLA = user("in-initech-and-umbrella");
  private static final String UMBRELLA_MEMBER = user("umbrella-member");
  private static final String NOBODYS = user("nobodys");

  private static EmbeddedPostgres postgres;
  private static EntityManagerFactory factory;

  private EntityManager entityManager;
  private MembershipQueries queries;

  @BeforeAll
  static void keycloakSchemaWithTenants() throws IOException {
    postgres = EmbeddedPostgres.start();
    PersistenceConfiguration configuration =
        new PersistenceConfiguration("keycloak")
            .provider(HibernatePersistenceProvider.class.getName())
            .property(
                PersistenceConfiguration.JDBC_URL, postgres.getJdbcUrl("postgres", "postgres"))
            .property(PersistenceConfiguration.JDBC_USER, "postgres")
            .property(PersistenceConfiguration.JDBC_PASSWORD, "postgres")
            .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "create");
    keycloakEntityClasses().forEach(configuration::managedClass);
    factory = configuration.createEntityManagerFactory();

    EntityManager setUp = factory.createEntityManager();
    setUp.getTransaction().begin();
    member(setUp, ACME_LEARNER, ACME);
    member(setUp, ACME_ADMIN_AND_LEARNER, ACME, ACME_ADMINS);
    member(setUp, ACME_ADMIN, ACME_ADMINS);
    member(setUp, GLOBEX_LEARNER, GLOBEX);
    member(setUp, IN_ACME_AND_GLOBEX, ACME, GLOBEX);
    organization(setUp, INITECH, INITECH_GROUP);
    organization(setUp, UMBRELLA, UMBRELLA_GROUP);
    organization(setUp, HOOLI, "group-org-hooli");
    member(setUp, INITECH_MEMBER, INITECH_GROUP);
    managedMember(setUp, INITECH_MANAGED, INITECH_GROUP);
    member(setUp, IN_INITECH_AND_UMBRELLA, INITECH_GROUP, UMBRELLA_GROUP);
    member(setUp, UMBRELLA_MEMBER, UMBRELLA_GROUP, ACME);
    member(setUp, NOBODYS);
    setUp.getTransaction().commit();
    setUp.close();
  }

  @AfterAll
  static void stop() throws IOException {
    factory.close();
    postgres.close();
  }

  @BeforeEach
  void open() {
    entityManager = factory.createEntityManager();
    queries = new MembershipQueries(entityManager);
  }

  @AfterEach
  void close() {
    entityManager.close();
  }

  @Test
  void aGroupTenantsMemberCountCountsAPersonInSeveralOfItsGroupsOnce() {
    assertEquals(5, queries.memberCountOfGroups(ACME_SUBTREE));
  }

  @Test
  void aGroupTenantsMemberIdsAreEachMemberOnceInTheOrderOfIds() {
    assertEquals(
        sorted(
            ACME_LEARNER, ACME_ADMIN_AND_LEARNER, ACME_ADMIN, IN_ACME_AND_GLOBEX, UMBRELLA_MEMBER),
        queries.memberIdsOfGroups(ACME_SUBTREE, UserIdRange.ALL, "", 100));
  }

  @Test
  void aGroupTenantsMemberIdsArePagedAfterTheLastIdOfThePreviousPage() {
    List<String> all = queries.memberIdsOfGroups(ACME_SUBTREE, UserIdRange.ALL, "", 100);
    List<String> paged = new ArrayList<>();
    String after = "";
    for (List<String> page;
        !(page = queries.memberIdsOfGroups(ACME_SUBTREE, UserIdRange.ALL, after, 2)).isEmpty(); ) {
      paged.addAll(page);
      after = page.get(page.size() - 1);
    }
    assertEquals(all, paged);
  }

  @Test
  void aGroupTenantsMemberIdsOverEveryRangeAreEveryMemberExactlyOnce() {
    List<String> overRanges =
        UserIdRange.split(3).stream()
            .flatMap(range -> queries.memberIdsOfGroups(ACME_SUBTREE, range, "", 100).stream())
            .sorted()
            .toList();
    assertEquals(queries.memberIdsOfGroups(ACME_SUBTREE, UserIdRange.ALL, "", 100), overRanges);
  }

  @Test
  void aGroupTenantsMembersAmongUsersAreOnlyThoseInItsGroups() {
    assertEquals(
        Set.of(ACME_ADMIN, IN_ACME_AND_GLOBEX),
        queries.membersOfGroupsAmong(
            ACME_SUBTREE, List.of(ACME_ADMIN, IN_ACME_AND_GLOBEX, GLOBEX_LEARNER, NOBODYS)));
  }

  @Test
  void theGroupMembershipsOfUsersAreEveryGroupTheyAreIn() {
    assertEquals(
        Set.of(
            new MembershipQueries.GroupMembership(IN_ACME_AND_GLOBEX, ACME),
            new MembershipQueries.GroupMembership(IN_ACME_AND_GLOBEX, GLOBEX),
            new MembershipQueries.GroupMembership(UMBRELLA_MEMBER, UMBRELLA_GROUP),
            new MembershipQueries.GroupMembership(UMBRELLA_MEMBER, ACME)),
        Set.copyOf(
            queries.groupMembershipsOf(List.of(IN_ACME_AND_GLOBEX, UMBRELLA_MEMBER, NOBODYS))));
  }

  @Test
  void noUsersAskedAboutIsNoneFound() {
    assertEquals(Set.of(), queries.membersOfGroupsAmong(ACME_SUBTREE, List.of()));
    assertEquals(List.of(), queries.groupMembershipsOf(List.of()));
    assertEquals(Set.of(), queries.organizationMembersAmong(INITECH, List.of()));
    assertEquals(Map.of(), queries.organizationMemberCounts(List.of()));
  }

  @Test
  void organisationsMemberCountsAreEachOrganisationsOwnAndLeaveOutThoseWithoutMembers() {
    assertEquals(
        Map.of(INITECH, 3L, UMBRELLA, 2L),
        queries.organizationMemberCounts(List.of(INITECH, UMBRELLA, HOOLI)));
  }

  @Test
  void anOrganisationsMemberIdsAreItsMembersInTheOrderOfIds() {
    assertEquals(
        sorted(INITECH_MEMBER, INITECH_MANAGED, IN_INITECH_AND_UMBRELLA),
        queries.organizationMemberIds(INITECH, UserIdRange.ALL, "", 100));
  }

  @Test
  void anOrganisationsMemberIdsOverEveryRangeAreEveryMemberExactlyOnce() {
    List<String> overRanges =
        UserIdRange.split(16).stream()
            .flatMap(range -> queries.organizationMemberIds(INITECH, range, "", 100).stream())
            .sorted()
            .toList();
    assertEquals(sorted(INITECH_MEMBER, INITECH_MANAGED, IN_INITECH_AND_UMBRELLA), overRanges);
  }

  @Test
  void anOrganisationsMembersAmongUsersAreOnlyItsOwn() {
    assertEquals(
        Set.of(INITECH_MEMBER, IN_INITECH_AND_UMBRELLA),
        queries.organizationMembersAmong(
            INITECH, List.of(INITECH_MEMBER, IN_INITECH_AND_UMBRELLA, UMBRELLA_MEMBER, NOBODYS)));
  }

  @Test
  void anOrganisationsManagedMembersAreOnlyThoseItsIdentityProviderBroughtIn() {
    assertEquals(
        Set.of(INITECH_MANAGED),
        queries.managedOrganizationMembersAmong(
            INITECH, List.of(INITECH_MEMBER, INITECH_MANAGED, IN_INITECH_AND_UMBRELLA)));
  }

  @Test
  void membersOfAnotherOrganisationAreThoseWithAMembershipOfAnyOtherOrganisationNotOfAGroup() {
    assertEquals(
        Set.of(IN_INITECH_AND_UMBRELLA),
        queries.inOtherOrganizationsAmong(
            INITECH,
            List.of(INITECH_MEMBER, INITECH_MANAGED, IN_INITECH_AND_UMBRELLA, ACME_LEARNER)));
  }

  /** Every entity class of Keycloak's persistence unit, as Keycloak itself lists them. */
  private static List<Class<?>> keycloakEntityClasses() throws IOException {
    String unit;
    try (InputStream in =
        UserEntity.class.getClassLoader().getResourceAsStream("default-persistence.xml")) {
      unit = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Class<?>> classes = new ArrayList<>();
    Matcher listed = Pattern.compile("<class>([^<]+)</class>").matcher(unit);
    while (listed.find()) {
      try {
        classes.add(Class.forName(listed.group(1).trim()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Keycloak lists an entity it does not ship", e);
      }
    }
    return classes;
  }

  /** A user id shaped as Keycloak's, from a name, so that the order of ids is the same each run. */
  private static String user(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static List<String> sorted(String... ids) {
    return Stream.of(ids).sorted().toList();
  }

  private static void member(EntityManager entityManager, String userId, String... groupIds) {
    memberships(entityManager, userId, MembershipType.UNMANAGED, List.of(groupIds));
  }

  private static void managedMember(EntityManager entityManager, String userId, String groupId) {
    memberships(entityManager, userId, MembershipType.MANAGED, List.of(groupId));
  }

  private static void memberships(
      EntityManager entityManager,
      String userId,
      MembershipType type,
      Collection<String> groupIds) {
    UserEntity user = new UserEntity();
    user.setId(userId);
    user.setUsername(userId);
    user.setRealmId(REALM);
    user.setEmailConstraint(userId);
    entityManager.persist(user);
    for (String groupId : groupIds) {
      UserGroupMembershipEntity membership = new UserGroupMembershipEntity();
      membership.setUser(user);
      membership.setGroupId(groupId);
      membership.setMembershipType(type);
      entityManager.persist(membership);
    }
  }

  private static void organization(EntityManager entityManager, String id, String groupId) {
    OrganizationEntity organization = new OrganizationEntity();
    organization.setId(id);
    organization.setName(id);
    organization.setAlias(id);
    organization.setEnabled(true);
    organization.setRealmId(REALM);
    organization.setGroupId(groupId);
    entityManager.persist(organization);
  }
}
