package dev.orgerasure.audit.checkpoint;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import dev.orgerasure.audit.note.NoteSigner;
import dev.orgerasure.audit.note.NoteVerifier;
import dev.orgerasure.audit.note.TlogCheckpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The audit keys, kept in a PKCS#12 keystore. The configured active alias signs new checkpoints;
 * every EC P-256 entry, the retired ones too, is served as a public key, so that checkpoints signed
 * before a rotation keep verifying. The alias is the key id ({@code kid}).
 *
 * <p>Beside each EC key, under {@code <alias>-note}, is an Ed25519 key that signs the same
 * checkpoints as C2SP checkpoint notes ({@link dev.orgerasure.audit.note.TlogCheckpoint}): the
 * standard format of transparency logs, which JWS and P-256 are not. A keystore made before note
 * keys existed does not {@link #holds} its alias, and {@link #generate} adds the note key alone.
 */
public final class AuditKeyStore {

  private static final String TYPE = "PKCS12";

  /** PKCS#12 in the JDK folds aliases to lower case, so key ids are lower case from the start. */
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static final String NOTE_ALIAS_SUFFIX = "-note";
  private static final String ED25519 = "Ed25519";

  private final AuditKey activeKey;
  private final JWKSet publicKeys;
  private final Optional<KeyPair> activeNoteKey;
  private final Map<String, PublicKey> notePublicKeys;
  private final String source;

  private AuditKeyStore(
      AuditKey activeKey,
      JWKSet publicKeys,
      Optional<KeyPair> activeNoteKey,
      Map<String, PublicKey> notePublicKeys,
      String source) {
    this.activeKey = activeKey;
    this.publicKeys = publicKeys;
    this.activeNoteKey = activeNoteKey;
    this.notePublicKeys = notePublicKeys;
    this.source = source;
  }

  /** The alias of the Ed25519 key that signs checkpoint notes beside the EC key {@code alias}. */
  public static String noteAlias(String alias) {
    return alias.toLowerCase(Locale.ROOT) + NOTE_ALIAS_SUFFIX;
  }

  /**
   * Loads the keystore.
   *
   * @throws GeneralSecurityException when the password is wrong or the active alias is not an EC
   *     P-256 key entry
   */
  public static AuditKeyStore load(Path path, char[] password, String activeAlias)
      throws IOException, GeneralSecurityException {
    return load(read(path, password), password, activeAlias, path.toString());
  }

  /**
   * Loads a keystore kept as bytes (in a database: every node of a cluster reads the same keys).
   *
   * @throws GeneralSecurityException when the password is wrong or the active alias is not an EC
   *     P-256 key entry
   */
  public static AuditKeyStore load(byte[] pkcs12, char[] password, String activeAlias)
      throws IOException, GeneralSecurityException {
    return load(read(pkcs12, password), password, activeAlias, "of the audit keys");
  }

  private static AuditKeyStore load(
      KeyStore store, char[] password, String activeAlias, String source)
      throws GeneralSecurityException {
    List<JWK> keys = new ArrayList<>();
    AuditKey active = null;
    Map<String, PublicKey> notePublicKeys = new TreeMap<>();
    for (String alias : Collections.list(store.aliases())) {
      Certificate certificate = store.getCertificate(alias);
      if (certificate != null && isEd25519(certificate.getPublicKey())) {
        notePublicKeys.put(alias, certificate.getPublicKey());
        continue;
      }
      if (certificate == null
          || !(certificate.getPublicKey() instanceof ECPublicKey publicKey)
          || !Curve.P_256.equals(Curve.forECParameterSpec(publicKey.getParams()))) {
        continue;
      }
      keys.add(
          new ECKey.Builder(Curve.P_256, publicKey)
              .keyID(alias)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .build());
      if (alias.equalsIgnoreCase(activeAlias) && store.isKeyEntry(alias)) {
        Key key = store.getKey(alias, password);
        if (key instanceof ECPrivateKey privateKey) {
          active = new AuditKey(alias, privateKey);
        }
      }
    }
    if (active == null) {
      throw new GeneralSecurityException(
          "the keystore " + source + " has no EC P-256 key entry '" + activeAlias + "'");
    }
    // A keystore from before note keys still loads: its checkpoints are signed as before, and
    // only noteSigner() wants the note key that generate() adds.
    String noteAlias = noteAlias(active.keyId());
    Optional<KeyPair> activeNoteKey = Optional.empty();
    if (store.isKeyEntry(noteAlias) && notePublicKeys.containsKey(noteAlias)) {
      if (!(store.getKey(noteAlias, password) instanceof PrivateKey privateKey)
          || !isEd25519(privateKey)) {
        throw new GeneralSecurityException(
            "the keystore " + source + " has no Ed25519 key entry '" + noteAlias + "'");
      }
      activeNoteKey = Optional.of(new KeyPair(notePublicKeys.get(noteAlias), privateKey));
    }
    return new AuditKeyStore(
        active,
        new JWKSet(keys),
        activeNoteKey,
        Collections.unmodifiableMap(notePublicKeys),
        source);
  }

  /**
   * Adds a new EC P-256 key under {@code alias}, and its Ed25519 note key under {@link
   * #noteAlias(String)}, creating the keystore when the file does not exist. Adding to an existing
   * keystore is how a key is rotated (docs/audit.md). When the EC key is there but not its note key
   * (a keystore from before note keys), only the note key is added.
   *
   * @throws IllegalArgumentException when the alias and its note key are taken, or the alias is not
   *     a lower-case key id
   */
  public static void generate(Path path, char[] password, String alias)
      throws IOException, GeneralSecurityException {
    KeyStore store;
    if (Files.exists(path)) {
      store = read(path, password);
    } else {
      store = KeyStore.getInstance(TYPE);
      store.load(null, password);
    }
    addKey(store, password, alias, path.toString());
    write(store, path, password);
  }

  /**
   * The keystore {@code pkcs12} (none: a new one) with a new EC P-256 key under {@code alias} and
   * its note key, as bytes to keep where every node reads them; as {@link #generate(Path, char[],
   * String)}, only the note key is added to an alias that lacks it.
   *
   * @throws IllegalArgumentException when the alias and its note key are taken, or the alias is not
   *     a lower-case key id
   */
  public static byte[] generate(byte[] pkcs12, char[] password, String alias)
      throws IOException, GeneralSecurityException {
    KeyStore store;
    if (pkcs12 != null) {
      store = read(pkcs12, password);
    } else {
      store = KeyStore.getInstance(TYPE);
      store.load(null, password);
    }
    addKey(store, password, alias, "of the audit keys");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);
    return out.toByteArray();
  }

  /**
   * Whether the keystore holds all that {@code alias} needs: its key entry and its note key. When
   * it does not, {@link #generate(byte[], char[], String)} adds what is missing, which is how a
   * keystore from before note keys gets one.
   */
  public static boolean holds(byte[] pkcs12, char[] password, String alias)
      throws IOException, GeneralSecurityException {
    KeyStore store = read(pkcs12, password);
    return store.isKeyEntry(alias) && store.isKeyEntry(noteAlias(alias));
  }

  private static void addKey(KeyStore store, char[] password, String alias, String source)
      throws GeneralSecurityException {
    if (!ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException(
          "an audit key alias is lower case letters, digits, '.', '_' and '-': " + alias);
    }
    String noteAlias = noteAlias(alias);
    if (store.containsAlias(alias) && store.containsAlias(noteAlias)) {
      throw new IllegalArgumentException(
          "the keystore " + source + " already holds '" + alias + "'");
    }
    if (!store.containsAlias(alias)) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      store.setKeyEntry(
          alias,
          keys.getPrivate(),
          password,
          new Certificate[] {SelfSignedCertificate.create(keys, "audit key " + alias)});
    }
    if (!store.containsAlias(noteAlias)) {
      KeyPair keys = KeyPairGenerator.getInstance(ED25519).generateKeyPair();
      store.setKeyEntry(
          noteAlias,
          keys.getPrivate(),
          password,
          new Certificate[] {SelfSignedCertificate.create(keys, "audit note key " + alias)});
    }
  }

  private static boolean isEd25519(Key key) {
    return key instanceof EdECKey edKey && ED25519.equals(edKey.getParams().getName());
  }

  /** The key that signs new checkpoints. */
  public AuditKey activeKey() {
    return activeKey;
  }

  public CheckpointSigner signer() {
    return new CheckpointSigner(activeKey);
  }

  /** The public keys of every audit key in the store, the active one and the retired ones. */
  public JWKSet jwks() {
    return publicKeys;
  }

  /** {@link #jwks()} as the JSON document a verifier is given ({@code --keys}). */
  public String jwksJson() {
    return publicKeys.toString(true);
  }

  /**
   * Signs checkpoint notes with the active alias's note key. The key name is the log's origin, as
   * c2sp.org/tlog-checkpoint asks, so the same key signs under whatever origin is configured.
   *
   * @param origin the log's origin, e.g. {@code keycloak.example/org-erasure/audit}
   * @throws IllegalStateException when the keystore predates note keys and {@link #generate} has
   *     not added the active alias's yet
   */
  public NoteSigner noteSigner(String origin) {
    TlogCheckpoint.requireRecommendedOrigin(origin);
    KeyPair noteKey =
        activeNoteKey.orElseThrow(
            () ->
                new IllegalStateException(
                    "the keystore "
                        + source
                        + " has no note key '"
                        + noteAlias(activeKey.keyId())
                        + "' yet: generate() adds it"));
    return new NoteSigner(origin, noteKey.getPrivate(), noteKey.getPublic());
  }

  /**
   * The verifiers of every note key in the store, the active one and the retired ones, under the
   * log's origin, ordered by alias. Their {@link NoteVerifier#verifierKey()} lines are what a third
   * party is given to check checkpoint notes, as the JWKS is for the JWS checkpoints.
   */
  public List<NoteVerifier> noteVerifiers(String origin) {
    TlogCheckpoint.requireRecommendedOrigin(origin);
    return notePublicKeys.values().stream().map(key -> NoteVerifier.ed25519(origin, key)).toList();
  }

  private static KeyStore read(Path path, char[] password)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, password);
    }
  }

  private static KeyStore read(byte[] pkcs12, char[] password)
      throws IOException, GeneralSecurityException {
    return read(new ByteArrayInputStream(pkcs12), password);
  }

  private static KeyStore read(InputStream in, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(TYPE);
    store.load(in, password);
    return store;
  }

  /** Writes beside the keystore, then moves over it, so a crash never leaves half a keystore. */
  private static void write(KeyStore store, Path path, char[] password)
      throws IOException, GeneralSecurityException {
    Path directory = path.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(directory, ".audit-keys-", ".tmp");
    try {
      if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      }
      try (OutputStream out = Files.newOutputStream(temporary)) {
        store.store(out, password);
      }
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
