package dev.orgerasure.audit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  /** The leaves of the Certificate Transparency reference tree, and its roots at sizes 1 to 8. */
  private static final String[] REFERENCE_LEAVES = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  private static final String[] REFERENCE_ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  @Test
  void theEmptyTreeHashesToTheSha256OfNothing() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Hashes.toHex(MerkleTree.root(List.of())));
  }

  @Test
  void theReferenceTreeHasTheKnownRootAtEverySize() {
    List<byte[]> leaves = referenceLeaves();
    for (int size = 1; size <= leaves.size(); size++) {
      assertEquals(
          REFERENCE_ROOTS[size - 1],
          Hashes.toHex(MerkleTree.root(leaves.subList(0, size))),
          "root of size " + size);
    }
  }

  @Test
  void theReferenceAuditPathOfTheFirstLeafIsTheKnownOne() {
    List<String> path =
        MerkleTree.inclusionProof(referenceLeaves(), 0, 8).stream().map(Hashes::toHex).toList();

    assertEquals(
        List.of(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        path);
  }

  @Test
  void everyInclusionProofVerifiesInEveryTreeUpToFortyLeaves() {
    List<byte[]> leaves = leaves(40);
    for (int size = 1; size <= 40; size++) {
      byte[] root = MerkleTree.root(leaves.subList(0, size));
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
        assertTrue(
            MerkleTree.verifyInclusion(leaves.get(index), index, size, proof, root),
            "leaf " + index + " of " + size);
      }
    }
  }

  @Test
  void anInclusionProofWithAFlippedBitFails() {
    List<byte[]> leaves = leaves(40);
    for (int size = 2; size <= 40; size++) {
      byte[] root = MerkleTree.root(leaves.subList(0, size));
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
        for (int step = 0; step < proof.size(); step++) {
          assertFalse(
              MerkleTree.verifyInclusion(
                  leaves.get(index), index, size, flipped(proof, step), root),
              "leaf " + index + " of " + size + ", step " + step);
        }
      }
    }
  }

  @Test
  void anInclusionProofHoldsOnlyForItsOwnLeafAndPlace() {
    List<byte[]> leaves = leaves(13);
    byte[] root = MerkleTree.root(leaves);
    List<byte[]> proof = MerkleTree.inclusionProof(leaves, 5, 13);

    assertFalse(MerkleTree.verifyInclusion(leaves.get(6), 5, 13, proof, root));
    assertFalse(MerkleTree.verifyInclusion(leaves.get(5), 4, 13, proof, root));
    assertFalse(MerkleTree.verifyInclusion(leaves.get(5), 13, 13, proof, root));
  }

  @Test
  void everyConsistencyProofVerifiesBetweenAllSizesUpToForty() {
    List<byte[]> leaves = leaves(40);
    for (int newSize = 1; newSize <= 40; newSize++) {
      byte[] newRoot = MerkleTree.root(leaves.subList(0, newSize));
      for (int oldSize = 0; oldSize <= newSize; oldSize++) {
        byte[] oldRoot = MerkleTree.root(leaves.subList(0, oldSize));
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, oldSize, newSize);
        assertTrue(
            MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof),
            oldSize + " to " + newSize);
      }
    }
  }

  @Test
  void aConsistencyProofWithAFlippedBitFails() {
    List<byte[]> leaves = leaves(40);
    for (int newSize = 2; newSize <= 40; newSize++) {
      byte[] newRoot = MerkleTree.root(leaves.subList(0, newSize));
      for (int oldSize = 1; oldSize < newSize; oldSize++) {
        byte[] oldRoot = MerkleTree.root(leaves.subList(0, oldSize));
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, oldSize, newSize);
        for (int step = 0; step < proof.size(); step++) {
          assertFalse(
              MerkleTree.verifyConsistency(
                  oldSize, newSize, oldRoot, newRoot, flipped(proof, step)),
              oldSize + " to " + newSize + ", step " + step);
        }
      }
    }
  }

  @Test
  void aRewrittenOldTreeIsNotConsistentWithTheNewOne() {
    List<byte[]> leaves = leaves(20);
    List<byte[]> rewritten = new ArrayList<>(leaves);
    rewritten.set(3, MerkleTree.leafHash(new byte[] {42}));
    byte[] rewrittenOldRoot = MerkleTree.root(rewritten.subList(0, 7));

    assertFalse(
        MerkleTree.verifyConsistency(
            7,
            20,
            rewrittenOldRoot,
            MerkleTree.root(leaves),
            MerkleTree.consistencyProof(leaves, 7, 20)));
  }

  private static List<byte[]> referenceLeaves() {
    List<byte[]> leaves = new ArrayList<>();
    for (String hex : REFERENCE_LEAVES) {
      leaves.add(MerkleTree.leafHash(HexFormat.of().parseHex(hex)));
    }
    return leaves;
  }

  static List<byte[]> leaves(int count) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
    }
    return leaves;
  }

  private static List<byte[]> flipped(List<byte[]> proof, int step) {
    List<byte[]> copy = new ArrayList<>(proof);
    byte[] hash = copy.get(step).clone();
    hash[hash.length - 1] ^= 1;
    copy.set(step, hash);
    return copy;
  }
}
