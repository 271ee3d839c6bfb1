package dev.orgerasure.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditRecordTest {

  @Test
  void aRecordIsKeptInCanonicalFormAndPlacedBySeq() {
    AuditRecord record =
        AuditRecord.parse(
            "{ \"time\": \"2025-03-01T10:00:00Z\", \"seq\": 17, \"event\": \"LOCKED_OUT\" }");

    assertEquals(17, record.seq());
    assertEquals(16, record.leafIndex());
    assertEquals(
        "{\"event\":\"LOCKED_OUT\",\"seq\":17,\"time\":\"2025-03-01T10:00:00Z\"}",
        record.canonicalJson());
  }

  @Test
  void itsLeafHashIsTakenOfTheCanonicalBytesBehindAZeroByte() {
    AuditRecord record = AuditRecord.parse("{\"seq\":1,\"time\":\"2025-03-01T10:00:00+01:00\"}");
    byte[] canonical = record.canonicalJson().getBytes(StandardCharsets.UTF_8);

    assertArrayEquals(Hashes.sha256(new byte[] {0}, canonical), record.leafHash());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"time\":\"2025-03-01T10:00:00Z\"}",
        "{\"seq\":0,\"time\":\"2025-03-01T10:00:00Z\"}",
        "{\"seq\":1.5,\"time\":\"2025-03-01T10:00:00Z\"}",
        "{\"seq\":\"1\",\"time\":\"2025-03-01T10:00:00Z\"}",
        "{\"seq\":1}",
        "{\"seq\":1,\"time\":\"yesterday\"}",
        "{\"seq\":1,\"time\":\"2025-03-01T10:00:00\"}",
        "[1]"
      })
  void aRecordWithoutAPositiveIntegerSeqAndAnRfc3339TimeIsRefused(String json) {
    assertThrows(IllegalArgumentException.class, () -> AuditRecord.parse(json));
  }
}
