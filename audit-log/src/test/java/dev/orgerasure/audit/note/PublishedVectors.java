package dev.orgerasure.audit.note;

import java.util.Arrays;
import java.util.Base64;

/**
 * Keys, notes and signatures published by others, copied verbatim, so that the note code is checked
 * against independent implementations and not only against itself. Ed25519 is deterministic, so a
 * published signature is also the exact output expected from its private key.
 */
public final class PublishedVectors {

  private PublishedVectors() {}

  // c2sp.org/signed-note, "Verifier keys", "Example" (C2SP/C2SP, signed-note.md).

  public static final String SPEC_VERIFIER_KEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  public static final String SPEC_NOTE =
      "This is an example message.\n"
          + "\n"
          + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  // c2sp.org/signed-note, the opening example: a text with an empty line of its own; no key given.

  public static final String SPEC_POEM_TEXT =
      "Ognuno sta solo sul cuor della terra\n"
          + "trafitto da un raggio di sole:\n"
          + "\n"
          + "ed \u00e8 subito sera.\n";
  public static final String SPEC_POEM_NOTE =
      SPEC_POEM_TEXT
          + "\n"
          + "\u2014 quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";

  // golang.org/x/mod/sumdb/note, note_test.go (golang/mod): TestNewVerifier, TestSign, TestOpen.

  public static final String GO_PETER_VERIFIER_KEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

  /** Go's private key text: PRIVATE+KEY+name+key ID+base64(0x01 || 32-byte Ed25519 seed). */
  public static final String GO_PETER_SIGNER_KEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

  public static final String GO_ENOCH_VERIFIER_KEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  public static final String GO_TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  public static final String GO_PETER_SIGNATURE =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  public static final String GO_ENOCH_SIGNATURE =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  /** TestSign's expected output: GO_TEXT signed with GO_PETER_SIGNER_KEY. */
  public static final String GO_SIGNED_NOTE = GO_TEXT + "\n" + GO_PETER_SIGNATURE;

  /** TestNewVerifier: a key of the wrong length whose key ID was recomputed to match. */
  public static final String GO_WRONG_LENGTH_VERIFIER_KEY =
      "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==";

  /** TestNewVerifier: an unknown signature type whose key ID was recomputed to match. */
  public static final String GO_UNKNOWN_TYPE_VERIFIER_KEY =
      "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

  // A checkpoint signed by the Go checksum database, sum.golang.org, with its published verifier
  // key (the one built into the go command); from transparency-dev/formats, log/note_test.go.
  // Its origin has spaces: the spec only recommends against them. Its key has '+' in the base64.

  public static final String SUMDB_VERIFIER_KEY =
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
  public static final String SUMDB_CHECKPOINT =
      "go.sum database tree\n"
          + "6476701\n"
          + "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n"
          + "\n"
          + "\u2014 sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n";

  // c2sp.org/tlog-checkpoint, the opening example (C2SP/C2SP, tlog-checkpoint.md).

  public static final String SPEC_CHECKPOINT =
      "example.com/behind-the-sofa\n"
          + "20852163\n"
          + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
          + "\n"
          + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";

  // c2sp.org/tlog-proof, the opening example (C2SP/C2SP, tlog-proof.md). Its signatures are
  // elided ("[...]") in the spec, so they are not base64.

  public static final String SPEC_TLOG_PROOF =
      "c2sp.org/tlog-proof@v1\n"
          + "extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ\n"
          + "index 73894\n"
          + "gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=\n"
          + "B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=\n"
          + "EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=\n"
          + "RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=\n"
          + "AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=\n"
          + "\n"
          + "example.com/fancylog\n"
          + "109482\n"
          + "sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n"
          + "\n"
          + "\u2014 example.com/fancylog hI2DJw[...]1roloI=\n"
          + "\u2014 witness1.example mJirIklj[...]qY9v2B/5bg==\n"
          + "\u2014 witness2.example TnKKVHLX[...]xwYwrSjgow==\n"
          + "\u2014 witness3.example S4X82uH5[...]3oEcROGLFQ==\n";

  /**
   * A signer from Go's private key text and the matching verifier key. The JDK cannot derive an
   * Ed25519 public key from the seed, so the verifier key supplies it.
   */
  static NoteSigner goSigner(String goSignerKey, String verifierKey) {
    String[] parts = goSignerKey.split("\\+", 5);
    if (parts.length != 5 || !parts[0].equals("PRIVATE") || !parts[1].equals("KEY")) {
      throw new IllegalArgumentException("not a Go note signer key: " + goSignerKey);
    }
    byte[] typeAndSeed = Base64.getDecoder().decode(parts[4]);
    if (typeAndSeed[0] != NoteVerifier.ED25519) {
      throw new IllegalArgumentException("not an Ed25519 signer key: " + goSignerKey);
    }
    byte[] seed = Arrays.copyOfRange(typeAndSeed, 1, typeAndSeed.length);
    NoteVerifier verifier = NoteVerifier.parse(verifierKey);
    return new NoteSigner(parts[2], Ed25519Keys.privateKeyFromSeed(seed), verifier.publicKey());
  }
}
