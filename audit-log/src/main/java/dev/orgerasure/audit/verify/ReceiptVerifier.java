package dev.orgerasure.audit.verify;

import com.nimbusds.jose.jwk.JWKSet;
import dev.orgerasure.audit.checkpoint.CheckpointException;
import dev.orgerasure.audit.checkpoint.SignedCheckpoint;
import dev.orgerasure.audit.log.AuditRecord;
import dev.orgerasure.audit.log.MerkleTree;
import dev.orgerasure.audit.receipt.Receipt;

/**
 * Verifies a receipt with the public keys alone: its checkpoint is signed by a trusted key, and its
 * record, hashed as a leaf, is included at index seq − 1 in that checkpoint's tree.
 */
public final class ReceiptVerifier {

  private final JWKSet keys;

  public ReceiptVerifier(JWKSet keys) {
    this.keys = keys.toPublicJWKSet();
  }

  public VerificationReport verify(Receipt receipt) {
    VerificationReport.Builder report = new VerificationReport.Builder();
    report.recordsChecked(1);
    report.checkpointsChecked(1);
    SignedCheckpoint checkpoint = null;
    try {
      checkpoint = SignedCheckpoint.verify(receipt.checkpointJws(), keys);
    } catch (CheckpointException e) {
      report.add("the receipt's checkpoint cannot be trusted: " + e.getMessage());
    }
    AuditRecord record = null;
    try {
      record = AuditRecord.parse(receipt.recordJson());
    } catch (IllegalArgumentException e) {
      report.add("the receipt's record is not an audit record: " + e.getMessage());
    }
    if (checkpoint != null && record != null) {
      long size = checkpoint.checkpoint().treeSize();
      if (record.seq() > size) {
        report.add(
            record.seq(), "record " + record.seq() + " is not covered by checkpoint " + size);
      } else if (!MerkleTree.verifyInclusion(
          record.leafHash(),
          record.leafIndex(),
          size,
          receipt.inclusionProof(),
          checkpoint.checkpoint().root())) {
        report.add(
            record.seq(),
            "record " + record.seq() + " was altered: it is not included in checkpoint " + size);
      }
    }
    return report.build();
  }
}
