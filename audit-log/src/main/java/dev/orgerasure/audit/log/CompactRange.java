package dev.orgerasure.audit.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of its perfect subtrees, one per set bit of the size,
 * largest first. That is all a writer needs to append a leaf and know the new root without reading
 * the earlier leaves again, and it fits in one short database column ({@link #encode}).
 */
public final class CompactRange {

  private long size;
  private final List<byte[]> subtreeRoots;

  /** The range of the empty tree. */
  public CompactRange() {
    this(0, new ArrayList<>());
  }

  private CompactRange(long size, List<byte[]> subtreeRoots) {
    this.size = size;
    this.subtreeRoots = subtreeRoots;
  }

  /**
   * Adds the next leaf: it merges with every subtree of its own size, as binary addition carries.
   */
  public void append(byte[] leafHash) {
    if (leafHash.length != Hashes.LENGTH) {
      throw new IllegalArgumentException("a leaf hash has " + Hashes.LENGTH + " bytes");
    }
    byte[] carry = leafHash.clone();
    for (long s = size; (s & 1) == 1; s >>= 1) {
      carry = MerkleTree.nodeHash(subtreeRoots.remove(subtreeRoots.size() - 1), carry);
    }
    subtreeRoots.add(carry);
    size++;
  }

  /** The root of the tree of the leaves appended so far. */
  public byte[] root() {
    if (subtreeRoots.isEmpty()) {
      return MerkleTree.emptyRoot();
    }
    byte[] root = subtreeRoots.get(subtreeRoots.size() - 1);
    for (int i = subtreeRoots.size() - 2; i >= 0; i--) {
      root = MerkleTree.nodeHash(subtreeRoots.get(i), root);
    }
    return root;
  }

  public long size() {
    return size;
  }

  /** {@code size:hash,hash,…} with the hashes in lowercase hex, largest subtree first. */
  public String encode() {
    StringBuilder text = new StringBuilder().append(size).append(':');
    for (int i = 0; i < subtreeRoots.size(); i++) {
      text.append(i == 0 ? "" : ",").append(Hashes.toHex(subtreeRoots.get(i)));
    }
    return text.toString();
  }

  /** The range {@link #encode} wrote; refuses text whose hashes do not fit its size. */
  public static CompactRange decode(String encoded) {
    int colon = encoded.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("not a compact range: " + encoded);
    }
    long size;
    try {
      size = Long.parseLong(encoded.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a compact range: " + encoded, e);
    }
    String hashes = encoded.substring(colon + 1);
    List<byte[]> roots = new ArrayList<>();
    if (!hashes.isEmpty()) {
      for (String hex : hashes.split(",", -1)) {
        roots.add(Hashes.fromHex(hex));
      }
    }
    if (size < 0 || roots.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a compact range of size "
              + size
              + " has "
              + Long.bitCount(Math.max(size, 0))
              + " hashes");
    }
    return new CompactRange(size, roots);
  }
}
