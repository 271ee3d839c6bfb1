package dev.orgerasure.audit.checkpoint;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
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
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit keys, kept in a PKCS#12 keystore. The configured active alias signs new checkpoints;
 * every EC P-256 entry, the retired ones too, is served as a public key, so that checkpoints signed
 * before a rotation keep verifying. The alias is the key id ({@code kid}).
 */
public final class AuditKeyStore {

  private static final String TYPE = "PKCS12";

  /** PKCS#12 in the JDK folds aliases to lower case, so key ids are lower case from the start. */
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final AuditKey activeKey;
  private final JWKSet publicKeys;

  private AuditKeyStore(AuditKey activeKey, JWKSet publicKeys) {
    this.activeKey = activeKey;
    this.publicKeys = publicKeys;
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
    for (String alias : Collections.list(store.aliases())) {
      Certificate certificate = store.getCertificate(alias);
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
    return new AuditKeyStore(active, new JWKSet(keys));
  }

  /**
   * Adds a new EC P-256 key under {@code alias}, creating the keystore when the file does not
   * exist. Adding to an existing keystore is how a key is rotated (docs/audit.md).
   *
   * @throws IllegalArgumentException when the alias is taken or is not a lower-case key id
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
   * The keystore {@code pkcs12} (none: a new one) with a new EC P-256 key under {@code alias}, as
   * bytes to keep where every node reads them.
   *
   * @throws IllegalArgumentException when the alias is taken or is not a lower-case key id
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

  /** Whether the keystore holds a key entry under {@code alias}. */
  public static boolean holds(byte[] pkcs12, char[] password, String alias)
      throws IOException, GeneralSecurityException {
    return read(pkcs12, password).isKeyEntry(alias);
  }

  private static void addKey(KeyStore store, char[] password, String alias, String source)
      throws GeneralSecurityException {
    if (!ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException(
          "an audit key alias is lower case letters, digits, '.', '_' and '-': " + alias);
    }
    if (store.containsAlias(alias)) {
      throw new IllegalArgumentException(
          "the keystore " + source + " already holds '" + alias + "'");
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    store.setKeyEntry(
        alias,
        keys.getPrivate(),
        password,
        new Certificate[] {SelfSignedCertificate.create(keys, "audit key " + alias)});
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
