package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The erasure-service's {@code messages.log} in JSON (the harness turns it on for every service,
 * docs/operating.md, "Logs"): every record the service writes about an erasure's work, from the
 * hand-over to the report back to Keycloak, carries the erasure's id and realm as the fields {@code
 * ext_erasureId} and {@code ext_erasureRealm}, and none names a member.
 */
@WholeSystemTest
class ServiceJsonLogIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SERVICE_LOGGERS = "dev.orgerasure.service.";

  private final SystemUnderTest sut;

  ServiceJsonLogIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  @Test
  void theServicesRecordsOfAnErasureCarryItsIdAndRealmAsFieldsAndNameNoMember() {
    DemoOrg org = sut.createOrg(2);
    ErasureAdminApi.Answer started =
        Tenancy.of(TenantKind.ORGANIZATION, sut).asRealmAdmin().startErasure(org.id(), org.name());
    assertEquals(201, started.status(), started.body());
    String erasure = started.json().path("id").asText();
    ErasureRecords.awaitState(sut.system(), erasure, ErasureStates.DONE, Duration.ofMinutes(3));

    // Liberty writes its log asynchronously: the report's record may follow the completion.
    List<JsonNode> records =
        await("the service's record of the report back to Keycloak")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> serviceRecordsAbout(erasure),
                found -> anyMessageContains(found, "reported to Keycloak"));

    for (String step : List.of("accepted", "started", "purged")) {
      assertTrue(anyMessageContains(records, step), "a record: " + step + ", among " + records);
    }
    for (JsonNode record : records) {
      assertEquals(erasure, record.path("ext_erasureId").asText(), record.toString());
      assertEquals(DemoRealm.REALM, record.path("ext_erasureRealm").asText(), record.toString());
      for (Member member : org.members()) {
        for (String personal : List.of(member.id(), member.username(), member.email())) {
          assertFalse(record.toString().contains(personal), record.toString());
        }
      }
    }
  }

  /**
   * The records of the service's own loggers that are about the erasure: those with its id in their
   * text or in the field {@code ext_erasureId}.
   */
  private List<JsonNode> serviceRecordsAbout(String erasure) {
    List<JsonNode> records = new ArrayList<>();
    for (Path log : sut.system().libertyMessagesLogs()) {
      for (String line : lines(log)) {
        // The last line may be one Liberty is still writing.
        if (!line.startsWith("{") || !line.endsWith("}")) {
          continue;
        }
        JsonNode record = readRecord(line);
        boolean about =
            message(record).contains(erasure)
                || erasure.equals(record.path("ext_erasureId").asText());
        // Liberty names a record's logger in the field "module".
        if (about && record.path("module").asText().startsWith(SERVICE_LOGGERS)) {
          records.add(record);
        }
      }
    }
    return records;
  }

  private static boolean anyMessageContains(List<JsonNode> records, String text) {
    return records.stream().anyMatch(record -> message(record).contains(text));
  }

  private static String message(JsonNode record) {
    return record.path("message").asText();
  }

  private static List<String> lines(Path log) {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readRecord(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON record: " + line, e);
    }
  }
}
