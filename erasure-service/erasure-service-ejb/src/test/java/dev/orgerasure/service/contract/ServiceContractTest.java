package dev.orgerasure.service.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.contract.ContractExamples;
import dev.orgerasure.contract.ContractLimits;
import dev.orgerasure.contract.FileOutcome;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.db.inventory.DeclaredInventory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The service reads and writes the contract's bodies with JSON-B, as Liberty's JAX-RS and the
 * report to Keycloak do. Each documented example must read into its record and write back to the
 * same JSON: a field renamed in a record, or in docs/contract.md, fails here and in the extension's
 * twin of this test, which reads the same examples with Keycloak's Jackson mapper.
 */
class ServiceContractTest {

  private final Jsonb jsonb = JsonbBuilder.create();

  @Test
  void everyDocumentedBodyReadsAndWritesBackUnchanged() {
    ContractExamples.read()
        .forEach(
            (name, example) -> {
              Object body = jsonb.fromJson(example, ContractExamples.RECORDS.get(name));
              assertEquals(withoutNulls(parse(example)), parse(jsonb.toJson(body)), name);
            });
  }

  @Test
  void theReportOfEveryInventoryTableWithTheLargestCountsFitsKeycloaksColumn() {
    PurgeReport largest =
        new PurgeReport(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            DeclaredInventory.learningPlatform().tables().stream()
                .map(table -> InventoryCounts.of(table, Long.MAX_VALUE))
                .toList(),
            new FileOutcome(Long.MAX_VALUE, Long.MAX_VALUE));
    int length = jsonb.toJson(largest).length();
    assertTrue(
        length <= ContractLimits.STORED_REPORT_MAX_CHARS,
        "The largest report is " + length + " characters");
  }

  private static JsonStructure parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }

  /** JSON-B leaves out null fields; the examples spell them out for readers. */
  private static JsonValue withoutNulls(JsonValue value) {
    if (value instanceof JsonObject object) {
      Map<String, JsonValue> kept =
          object.entrySet().stream()
              .filter(entry -> entry.getValue() != JsonValue.NULL)
              .collect(
                  Collectors.toMap(Map.Entry::getKey, entry -> withoutNulls(entry.getValue())));
      return Json.createObjectBuilder(kept).build();
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      return value.asJsonArray().stream()
          .map(ServiceContractTest::withoutNulls)
          .collect(Json::createArrayBuilder, (b, v) -> b.add(v), (a, b) -> {})
          .build();
    }
    return value;
  }
}
