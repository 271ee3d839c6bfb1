package dev.orgerasure.keycloak.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.contract.ContractExamples;
import dev.orgerasure.contract.PurgeReport;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

/**
 * Keycloak reads and writes the contract's bodies through {@link ContractJson} (Keycloak's own
 * Jackson mapper). Each documented example must read into its record and write back to the same
 * JSON: a field renamed in a record, or in docs/contract.md, fails here and in the service's twin
 * of this test, which reads the same examples with JSON-B.
 */
class ServiceContractTest {

  @Test
  void everyDocumentedBodyReadsAndWritesBackUnchanged() throws IOException {
    for (Map.Entry<String, String> example : ContractExamples.read().entrySet()) {
      Object body =
          ContractJson.read(example.getValue(), ContractExamples.RECORDS.get(example.getKey()));
      assertEquals(
          withoutNulls(JsonSerialization.mapper.readTree(example.getValue())),
          JsonSerialization.mapper.readTree(ContractJson.write(body)),
          example.getKey());
    }
  }

  @Test
  void aReportWithAFieldTheContractDoesNotHaveIsRefused() throws IOException {
    ObjectNode report =
        (ObjectNode) JsonSerialization.mapper.readTree(ContractExamples.read().get("PurgeReport"));
    report.put("tablesDeleted", 3);
    assertThrows(IOException.class, () -> ContractJson.read(report.toString(), PurgeReport.class));
  }

  @Test
  void aReportWithoutItsFilesIsRefused() throws IOException {
    ObjectNode report =
        (ObjectNode) JsonSerialization.mapper.readTree(ContractExamples.read().get("PurgeReport"));
    report.remove("files");
    assertThrows(IOException.class, () -> ContractJson.read(report.toString(), PurgeReport.class));
  }

  /** Keycloak's mapper leaves out null fields; the examples spell them out for readers. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode kept = JsonSerialization.mapper.createObjectNode();
      object
          .fields()
          .forEachRemaining(
              field -> {
                if (!field.getValue().isNull()) {
                  kept.set(field.getKey(), withoutNulls(field.getValue()));
                }
              });
      return kept;
    }
    if (node.isArray()) {
      ArrayNode kept = JsonSerialization.mapper.createArrayNode();
      node.forEach(item -> kept.add(withoutNulls(item)));
      return kept;
    }
    return node;
  }
}
