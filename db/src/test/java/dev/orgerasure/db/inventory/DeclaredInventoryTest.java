package dev.orgerasure.db.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.DetachAction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an inventory file is read, and what it may not say. */
class DeclaredInventoryTest {

  private static final String ONE_TABLE =
      """
      {"format": "org-erasure-inventory/1", "application": "Notes", "tenantColumn": "tenant_id",
       "tables": [%s]}""";
  private static final String NOTES =
      """
      {"table": "notes", "category": "Notes", "personalData": true, "key": "id",
       "underDetach": "DELETE"}""";

  private final DeclaredInventory demo = DeclaredInventory.learningPlatform();

  @Test
  void theDemoListsEveryTableOfTheLearningPlatform() {
    assertEquals(
        List.of(
            "organizations",
            "memberships",
            "courses",
            "modules",
            "lessons",
            "enrollments",
            "progress",
            "assets",
            "onboarding"),
        demo.tables().stream().map(InventoryTable::name).toList());
    assertEquals("org_id", demo.tenantColumn());
  }

  @Test
  void onlyTheOnboardingTableIsResetUnderDetachAndHoldsPeoplesOwnRows() {
    for (InventoryTable table : demo.tables()) {
      boolean onboarding = table.name().equals("onboarding");
      assertEquals(onboarding ? DetachAction.RESET : DetachAction.DELETE, table.underDetach());
      assertEquals(onboarding ? "user_id" : null, table.personColumn(), table.name());
    }
  }

  @Test
  void theOnboardingResetSendsThePersonThroughOnboardingAgain() {
    InventoryTable onboarding =
        demo.tables().stream().filter(table -> table.name().equals("onboarding")).findFirst().get();
    assertEquals(
        "org_id = NULL, state = 'PENDING', completed_at = NULL", onboarding.resetAssignments());
  }

  @Test
  void theDemosAssetFilesAreNamedByItsAssetsTable() {
    assertEquals(
        List.of(new InventoryFiles("Asset files", true, "assets", "file_path", "size_bytes")),
        demo.files());
  }

  @Test
  void aMinimalFileIsReadAsWritten() {
    DeclaredInventory notes = read(ONE_TABLE.formatted(NOTES));
    assertEquals("tenant_id", notes.tenantColumn());
    assertEquals(
        List.of(
            new InventoryTable(
                "notes",
                "Notes",
                true,
                List.of("id"),
                null,
                null,
                List.of(),
                DetachAction.DELETE,
                List.of())),
        notes.tables());
  }

  @Test
  void aNameThatIsNotAPlainSqlIdentifierIsRefused() {
    for (String hostile :
        List.of("notes; DROP TABLE x", "\"notes\"", "Notes", "public.notes", "notes--", "")) {
      InvalidInventoryException refused =
          assertThrows(
              InvalidInventoryException.class,
              () -> read(ONE_TABLE.formatted(NOTES.replace("\"notes\"", quoted(hostile)))),
              hostile);
      assertTrue(refused.getMessage().contains("table"), refused.getMessage());
    }
  }

  @Test
  void aHostileColumnNameInAnyPlaceIsRefused() {
    String hostile = quoted("id) OR (1=1");
    for (String table :
        List.of(
            NOTES.replace("\"id\"", hostile),
            NOTES.replace("\"id\"", "[\"id\", " + hostile + "]"),
            NOTES.replace("\"DELETE\"", "\"RESET\", \"reset\": {" + hostile + ": null}"),
            NOTES.replace("}", ", \"person\": " + hostile + "}"))) {
      assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)), table);
    }
    assertThrows(
        InvalidInventoryException.class,
        () -> read(ONE_TABLE.formatted(NOTES).replace("\"tenant_id\"", hostile)));
  }

  @Test
  void aResetValueWithAQuoteIsRefused() {
    String table =
        NOTES.replace(
            "\"DELETE\"", "\"RESET\", \"reset\": {\"tenant_id\": null, \"state\": \"it's\"}");
    assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)));
  }

  /** Else the rows would stay the tenant's, and the purge would find them again. */
  @Test
  void aResetThatKeepsTheTenantIsRefused() {
    String table = NOTES.replace("\"DELETE\"", "\"RESET\", \"reset\": {\"state\": \"PENDING\"}");
    InvalidInventoryException refused =
        assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)));
    assertTrue(refused.getMessage().contains("tenant_id"), refused.getMessage());
  }

  /** Else a person who keeps their account would lose their own row with the organisation. */
  @Test
  void aPerPersonTableThatIsNotResetIsRefused() {
    String table = NOTES.replace("}", ", \"person\": \"user_id\"}");
    assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)));
  }

  private static final String PEOPLE =
      """
      {"table": "people", "category": "People", "personalData": true, "key": "id",
       "person": "user_id", "underDetach": "KEEP"}""";

  @Test
  void aTableOfPeoplesOwnRowsOutsideAnyTenantIsReadAsKept() {
    InventoryTable people = read(ONE_TABLE.formatted(NOTES + ", " + PEOPLE)).table("people");
    assertTrue(people.isOutsideTenants());
    assertEquals("user_id", people.personColumn());
    assertEquals(List.of(), people.resets());
  }

  /** Without a table of tenants' rows, no tenant could be erased, nor its id read. */
  @Test
  void anInventoryOfKeptTablesOnlyIsRefused() {
    InvalidInventoryException refused =
        assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(PEOPLE)));
    assertTrue(
        refused.getMessage().contains("no table holding tenants' rows"), refused.getMessage());
  }

  /** Its rows belong to no tenant: there is nothing to take them out of. */
  @Test
  void aKeptTableWithAResetIsRefused() {
    String table = PEOPLE.replace("}", ", \"reset\": {\"tenant_id\": null}}");
    InvalidInventoryException refused =
        assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)));
    assertTrue(refused.getMessage().contains("no tenant's rows to reset"), refused.getMessage());
  }

  /** Without a person column, no row of it could ever be found to purge. */
  @Test
  void aKeptTableWithoutAPersonColumnIsRefused() {
    String table = PEOPLE.replace("\"person\": \"user_id\", ", "");
    InvalidInventoryException refused =
        assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)));
    assertTrue(
        refused.getMessage().contains("only a table of people's own rows"), refused.getMessage());
  }

  @Test
  void aKeptTableReachedThroughAParentIsRefused() {
    String table =
        PEOPLE.replace("}", ", \"tenantVia\": {\"column\": \"note_id\", \"parent\": \"notes\"}}");
    assertThrows(
        InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(NOTES + ", " + table)));
  }

  /** A child would reach no tenant through it. */
  @Test
  void aTableReachedThroughAKeptTableIsRefused() {
    String child =
        NOTES.replace("}", ", \"tenantVia\": {\"column\": \"person_id\", \"parent\": \"people\"}}");
    InvalidInventoryException refused =
        assertThrows(
            InvalidInventoryException.class,
            () -> read(ONE_TABLE.formatted(PEOPLE + ", " + child)));
    assertTrue(refused.getMessage().contains("holds no tenant's rows"), refused.getMessage());
  }

  @Test
  void filesNamedByAKeptTableAreRefused() {
    String inventory =
        ONE_TABLE
            .formatted(PEOPLE)
            .replaceFirst(
                "}$",
                ", \"files\": [{\"category\": \"F\", \"personalData\": true,"
                    + " \"table\": \"people\", \"pathColumn\": \"photo\"}]}");
    assertThrows(InvalidInventoryException.class, () -> read(inventory));
  }

  /** A misspelt member must not silently drop a rule. */
  @Test
  void anUnknownMemberIsRefusedByName() {
    String table = NOTES.replace("}", ", \"persn\": \"user_id\"}");
    InvalidInventoryException refused =
        assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)));
    assertTrue(refused.getMessage().contains("persn"), refused.getMessage());
  }

  @Test
  void aTableReachedThroughAParentOutsideTheInventoryIsRefused() {
    String table =
        NOTES.replace("}", ", \"tenantVia\": {\"column\": \"deal_id\", \"parent\": \"deals\"}}");
    InvalidInventoryException refused =
        assertThrows(InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(table)));
    assertTrue(refused.getMessage().contains("deals"), refused.getMessage());
  }

  @Test
  void tablesReachedThroughEachOtherAreRefused() {
    String a =
        NOTES
            .replace("}", ", \"tenantVia\": {\"column\": \"b_id\", \"parent\": \"b\"}}")
            .replace("\"notes\"", "\"a\"");
    String b =
        NOTES
            .replace("}", ", \"tenantVia\": {\"column\": \"a_id\", \"parent\": \"a\"}}")
            .replace("\"notes\"", "\"b\"");
    InvalidInventoryException refused =
        assertThrows(
            InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(a + ", " + b)));
    assertTrue(refused.getMessage().contains("loop"), refused.getMessage());
  }

  /** Its rows cannot leave the tenant: they have no tenant column to reset. */
  @Test
  void aTableReachedThroughAParentThatIsResetUnderDetachIsRefused() {
    String parent = NOTES.replace("\"notes\"", "\"deals\"");
    String child =
        NOTES.replace(
            "\"DELETE\"",
            "\"RESET\", \"reset\": {\"tenant_id\": null},"
                + " \"tenantVia\": {\"column\": \"deal_id\", \"parent\": \"deals\"}");
    assertThrows(
        InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(parent + ", " + child)));
  }

  @Test
  void aTableListedTwiceIsRefused() {
    assertThrows(
        InvalidInventoryException.class, () -> read(ONE_TABLE.formatted(NOTES + ", " + NOTES)));
  }

  @Test
  void filesNamedByATableOfPeoplesOwnRowsAreRefused() {
    String perPerson =
        """
        {"table": "notes", "category": "Notes", "personalData": true, "key": "id",
         "person": "owner_id", "underDetach": "RESET", "reset": {"tenant_id": null}}""";
    String inventory =
        ONE_TABLE
            .formatted(perPerson)
            .replaceFirst(
                "}$",
                ", \"files\": [{\"category\": \"F\", \"personalData\": true,"
                    + " \"table\": \"notes\", \"pathColumn\": \"path\"}]}");
    InvalidInventoryException refused =
        assertThrows(InvalidInventoryException.class, () -> read(inventory));
    assertTrue(refused.getMessage().contains("people's own rows"), refused.getMessage());
  }

  @Test
  void filesNamedByATableOutsideTheInventoryAreRefused() {
    String inventory =
        ONE_TABLE
            .formatted(NOTES)
            .replaceFirst(
                "}$",
                ", \"files\": [{\"category\": \"F\", \"personalData\": true,"
                    + " \"table\": \"attachments\", \"pathColumn\": \"path\"}]}");
    assertThrows(InvalidInventoryException.class, () -> read(inventory));
  }

  @Test
  void anotherFormatOrNoJsonIsRefused() {
    assertThrows(
        InvalidInventoryException.class,
        () -> read(ONE_TABLE.formatted(NOTES).replace("inventory/1", "inventory/2")));
    assertThrows(InvalidInventoryException.class, () -> read("tables: [notes]"));
    assertThrows(InvalidInventoryException.class, () -> read("[]"));
  }

  @Test
  void aKeyOfSeveralColumnsIsReadInItsOrder() {
    DeclaredInventory notes =
        read(ONE_TABLE.formatted(NOTES.replace("\"id\"", "[\"tenant_id\", \"note_no\"]")));
    InventoryTable table = notes.table("notes");
    assertEquals(List.of("tenant_id", "note_no"), table.keyColumns());
    assertEquals(List.of("note_no"), table.batchKey("tenant_id"));
    assertFalse(table.isOnePerTenant("tenant_id"));
  }

  @Test
  void anEmptyKeyAKeyNamingAColumnTwiceOrAKeyOfNonTextsIsRefused() {
    for (String key : List.of("[]", "[\"id\", \"id\"]", "[\"id\", 1]")) {
      assertThrows(
          InvalidInventoryException.class,
          () -> read(ONE_TABLE.formatted(NOTES.replace("\"id\"", key))),
          key);
    }
  }

  @Test
  void aMissingRequiredMemberIsNamed() {
    InvalidInventoryException refused =
        assertThrows(
            InvalidInventoryException.class,
            () -> read(ONE_TABLE.formatted(NOTES.replace("\"category\": \"Notes\",", ""))));
    assertTrue(refused.getMessage().contains("category"), refused.getMessage());
  }

  private static DeclaredInventory read(String json) {
    return DeclaredInventory.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final String TENANTS =
      """
      {"table": "tenants", "category": "Tenants", "personalData": false, "key": "tenant_id",
       "underDetach": "DELETE"}""";

  private static String withKeycloakIds(String tables, String keycloakIds) {
    return ONE_TABLE
        .formatted(tables)
        .replace("\"tables\"", "\"keycloakIds\": " + keycloakIds + ", \"tables\"");
  }

  @Test
  void theTenantsKeycloakIdsAreReadFromTheirOwnTable() {
    DeclaredInventory inventory =
        read(
            withKeycloakIds(
                NOTES + ", " + TENANTS, "{\"table\": \"tenants\", \"column\": \"kc_id\"}"));
    assertEquals(new KeycloakIds("tenants", "kc_id"), inventory.keycloakIds());
  }

  @Test
  void anInventoryWithoutKeycloakIdsKeysTenantsByKeycloaksIds() {
    assertNull(read(ONE_TABLE.formatted(NOTES)).keycloakIds());
  }

  /** Any other table holds many rows per tenant: one Keycloak id could name several tenants. */
  @Test
  void keycloakIdsInATableNotKeyedByTheTenantColumnAloneAreRefused() {
    InvalidInventoryException refused =
        assertThrows(
            InvalidInventoryException.class,
            () ->
                read(
                    withKeycloakIds(
                        NOTES + ", " + TENANTS, "{\"table\": \"notes\", \"column\": \"kc_id\"}")));
    assertTrue(refused.getMessage().contains("the tenants' own table"), refused.getMessage());
  }

  @Test
  void keycloakIdsWithAnUnknownMemberOrAHostileColumnAreRefused() {
    assertThrows(
        InvalidInventoryException.class,
        () ->
            read(
                withKeycloakIds(
                    TENANTS, "{\"table\": \"tenants\", \"column\": \"kc_id\", \"colum\": \"x\"}")));
    assertThrows(
        InvalidInventoryException.class,
        () ->
            read(
                withKeycloakIds(
                    TENANTS, "{\"table\": \"tenants\", \"column\": \"kc_id) OR (1=1\"}")));
  }
}
