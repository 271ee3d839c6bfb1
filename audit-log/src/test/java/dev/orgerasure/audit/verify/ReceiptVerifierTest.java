package dev.orgerasure.audit.verify;

import static dev.orgerasure.audit.verify.LogVerifierTest.assertFirstProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgerasure.audit.AuditLogFixture;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.receipt.Receipt;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptVerifierTest {

  @TempDir Path temp;

  private AuditLogFixture log;
  private Receipt receipt;

  @BeforeEach
  void issueAReceiptForRecord17() throws IOException {
    log = AuditLogFixture.build(temp, 30);
    receipt =
        Receipt.of(
            AuditRecord.parse(log.records.get(16)),
            MerkleTree.inclusionProof(AuditLogFixture.leafHashes(log.records), 16, 30),
            log.latestCheckpoint());
  }

  @Test
  void aReceiptVerifiesWithThePublicKeysAlone() {
    VerificationReport report =
        new ReceiptVerifier(log.jwks()).verify(Receipt.parse(receipt.toJson()));

    assertEquals("1 record, 1 checkpoint, all consistent", report.summary());
  }

  @Test
  void aReceiptWithOneChangedCountDoesNotVerify() {
    String altered =
        receipt
            .toJson()
            .replace(receipt.recordJson(), AuditLogFixture.withChangedCount(receipt.recordJson()));

    VerificationReport report = new ReceiptVerifier(log.jwks()).verify(Receipt.parse(altered));

    assertFirstProblem(report, 17, "record 17 was altered: it is not included in checkpoint 30");
  }

  @Test
  void aReceiptWhoseCheckpointIsSignedByAnUntrustedKeyDoesNotVerify() {
    VerificationReport report =
        new ReceiptVerifier(AuditLogFixture.key("audit-1").jwks()).verify(receipt);

    assertEquals(
        "the receipt's checkpoint cannot be trusted: its signature does not verify with the trusted"
            + " key 'audit-1'",
        report.summary());
  }
}
