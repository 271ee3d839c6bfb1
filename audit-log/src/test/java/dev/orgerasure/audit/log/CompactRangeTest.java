package dev.orgerasure.audit.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

  @Test
  void itsRootIsTheMerkleRootAtEverySizeUpTo300() {
    List<byte[]> leaves = MerkleTreeTest.leaves(300);
    CompactRange range = new CompactRange();
    assertArrayEquals(MerkleTree.emptyRoot(), range.root());
    for (int size = 1; size <= 300; size++) {
      range.append(leaves.get(size - 1));
      assertEquals(size, range.size());
      assertArrayEquals(MerkleTree.root(leaves.subList(0, size)), range.root(), "size " + size);
    }
  }

  @Test
  void itKeepsOneHashPerSetBitOfTheSize() {
    CompactRange range = new CompactRange();
    for (byte[] leaf : MerkleTreeTest.leaves(255)) {
      range.append(leaf);
    }
    String hashes = range.encode().substring("255:".length());

    assertEquals(8, hashes.split(",").length);
  }

  @Test
  void aDecodedRangeGoesOnAsTheOriginalAtEverySize() {
    List<byte[]> leaves = MerkleTreeTest.leaves(70);
    CompactRange range = new CompactRange();
    for (int size = 0; size < 70; size++) {
      CompactRange decoded = CompactRange.decode(range.encode());
      assertEquals(range.size(), decoded.size());
      decoded.append(leaves.get(size));
      range.append(leaves.get(size));
      assertArrayEquals(range.root(), decoded.root(), "size " + (size + 1));
    }
  }

  @Test
  void anEncodingWhoseHashesDoNotFitItsSizeIsRefused() {
    CompactRange range = new CompactRange();
    range.append(MerkleTree.leafHash(new byte[0]));
    String one = range.encode();

    assertThrows(
        IllegalArgumentException.class, () -> CompactRange.decode("3:" + one.substring(2)));
    assertThrows(IllegalArgumentException.class, () -> CompactRange.decode("1:abc"));
    assertThrows(IllegalArgumentException.class, () -> CompactRange.decode("x:"));
  }
}
