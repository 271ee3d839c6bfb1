package dev.orgerasure.audit.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 and RFC 9162 over the leaf hashes of the log: its root, the inclusion
 * proof of one leaf and the consistency proof between two sizes, and the verification of both.
 * Leaves are given as their leaf hashes ({@link #leafHash}); a tree of size {@code n} is the first
 * {@code n} of them.
 */
public final class MerkleTree {

  private static final byte[] LEAF_PREFIX = {0x00};
  private static final byte[] NODE_PREFIX = {0x01};
  private static final byte[] EMPTY_ROOT = Hashes.sha256();

  private MerkleTree() {}

  /** The root of the tree with no leaves: SHA-256 of nothing. */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** SHA-256(0x00 ‖ data): the prefix keeps a leaf from ever passing for an inner node. */
  public static byte[] leafHash(byte[] data) {
    return Hashes.sha256(LEAF_PREFIX, data);
  }

  /** SHA-256(0x01 ‖ left ‖ right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return Hashes.sha256(NODE_PREFIX, left, right);
  }

  /** The root (MTH) of the tree of all the given leaves. */
  public static byte[] root(List<byte[]> leafHashes) {
    return leafHashes.isEmpty() ? emptyRoot() : subtreeRoot(leafHashes, 0, leafHashes.size());
  }

  /**
   * The inclusion proof (audit path) of the leaf at {@code index} in the tree of size {@code
   * treeSize}.
   */
  public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index, int treeSize) {
    checkSize(leafHashes, treeSize);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
    }
    List<byte[]> proof = new ArrayList<>();
    path(leafHashes, index, 0, treeSize, proof);
    return proof;
  }

  /**
   * The proof that the tree of size {@code oldSize} is a prefix of the tree of size {@code
   * newSize}.
   */
  public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int oldSize, int newSize) {
    checkSize(leafHashes, newSize);
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("no proof from size " + oldSize + " to " + newSize);
    }
    List<byte[]> proof = new ArrayList<>();
    if (oldSize > 0) {
      subproof(leafHashes, oldSize, 0, newSize, true, proof);
    }
    return proof;
  }

  /**
   * Whether the proof leads from the leaf at {@code index} to {@code root} of a tree of {@code
   * treeSize}.
   */
  public static boolean verifyInclusion(
      byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= treeSize) {
      return false;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * Whether the proof shows that the tree of {@code oldRoot} is a prefix of the tree of {@code
   * newRoot}.
   */
  public static boolean verifyConsistency(
      long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    if (oldSize < 0 || oldSize > newSize) {
      return false;
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
    }
    if (oldSize == 0) {
      // Every tree extends the empty one; there is nothing to prove.
      return proof.isEmpty();
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(oldSize) == 1) {
      path.add(0, oldRoot);
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
  }

  /** The largest power of two smaller than {@code n}, where the tree of {@code n} leaves splits. */
  static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from);
    }
    int k = split(n);
    return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
  }

  private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> proof) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = split(n);
    if (index < k) {
      path(leaves, index, from, from + k, proof);
      proof.add(subtreeRoot(leaves, from + k, to));
    } else {
      path(leaves, index - k, from + k, to, proof);
      proof.add(subtreeRoot(leaves, from, from + k));
    }
  }

  private static void subproof(
      List<byte[]> leaves, int m, int from, int to, boolean wholeOldTree, List<byte[]> proof) {
    int n = to - from;
    if (m == n) {
      if (!wholeOldTree) {
        proof.add(subtreeRoot(leaves, from, to));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(leaves, m, from, from + k, wholeOldTree, proof);
      proof.add(subtreeRoot(leaves, from + k, to));
    } else {
      subproof(leaves, m - k, from + k, to, false, proof);
      proof.add(subtreeRoot(leaves, from, from + k));
    }
  }

  private static void checkSize(List<byte[]> leaves, int treeSize) {
    if (treeSize < 1 || treeSize > leaves.size()) {
      throw new IllegalArgumentException(
          "a tree of size " + treeSize + " needs between 1 and " + leaves.size() + " leaves");
    }
  }
}
