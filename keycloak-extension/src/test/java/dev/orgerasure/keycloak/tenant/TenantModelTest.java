package dev.orgerasure.keycloak.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TenantModelTest {

  @Test
  void aParentGroupPathIsReadWithOneLeadingSlashAndNoTrailingOne() {
    assertEquals("/tenants", TenantModel.normalisedPath("tenants"));
    assertEquals("/tenants", TenantModel.normalisedPath(" /tenants/ "));
    assertEquals("/customers/eu", TenantModel.normalisedPath("/customers/eu"));
  }

  @Test
  void noParentGroupMeansTopLevelGroups() {
    assertEquals("", TenantModel.normalisedPath(null));
    assertEquals("", TenantModel.normalisedPath("  "));
    assertEquals("", TenantModel.normalisedPath("/"));
  }
}
