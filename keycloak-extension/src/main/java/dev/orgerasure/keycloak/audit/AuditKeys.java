package dev.orgerasure.keycloak.audit;

import dev.orgerasure.audit.checkpoint.AuditKeyStore;
import dev.orgerasure.audit.checkpoint.CheckpointDirectory;
import dev.orgerasure.audit.checkpoint.CheckpointSigner;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import org.jboss.logging.Logger;

/**
 * The audit key that signs checkpoints, the public keys that verify them, and the directory outside
 * the database that keeps a copy of every checkpoint (docs/audit.md). Opened once at start; a
 * configured alias the keystore lacks is generated, which is how a key is rotated.
 */
public final class AuditKeys {

  private static final Logger LOG = Logger.getLogger(AuditKeys.class);

  private final AuditKeyStore store;
  private final CheckpointDirectory checkpoints;

  private AuditKeys(AuditKeyStore store, CheckpointDirectory checkpoints) {
    this.store = store;
    this.checkpoints = checkpoints;
  }

  public static AuditKeys open(ErasureSettings settings) {
    Path keystore = settings.auditKeystore();
    char[] password = settings.auditKeystorePassword().toCharArray();
    String alias = settings.auditKeyAlias();
    try {
      Files.createDirectories(keystore.toAbsolutePath().getParent());
      Files.createDirectories(settings.auditCheckpointDirectory());
      AuditKeyStore store;
      try {
        store = AuditKeyStore.load(keystore, password, alias);
      } catch (IOException | GeneralSecurityException noSuchKey) {
        if (Files.exists(keystore) && !(noSuchKey instanceof GeneralSecurityException)) {
          throw noSuchKey;
        }
        AuditKeyStore.generate(keystore, password, alias);
        LOG.warnf(
            "Generated the audit key '%s' in %s: keep a copy of this keystore and publish its"
                + " public keys; a checkpoint whose key is lost can no longer be verified",
            alias, keystore);
        store = AuditKeyStore.load(keystore, password, alias);
      }
      LOG.infof(
          "Audit checkpoints are signed with key '%s' and also written to %s",
          alias, settings.auditCheckpointDirectory());
      return new AuditKeys(store, new CheckpointDirectory(settings.auditCheckpointDirectory()));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot open the audit keystore " + keystore, e);
    }
  }

  CheckpointSigner signer() {
    return store.signer();
  }

  String keyId() {
    return store.activeKey().keyId();
  }

  ECPrivateKey signingKey() {
    return store.activeKey().privateKey();
  }

  public AuditKeyStore store() {
    return store;
  }

  public CheckpointDirectory checkpoints() {
    return checkpoints;
  }
}
