package dev.orgerasure.keycloak.audit;

import dev.orgerasure.audit.checkpoint.AuditKeyStore;
import dev.orgerasure.audit.checkpoint.CheckpointDirectory;
import dev.orgerasure.keycloak.settings.ErasureSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The cluster's audit keys and the directory outside the database that keeps a copy of every
 * checkpoint (docs/audit.md). The keys are one PKCS#12 keystore in Keycloak's database, so every
 * node signs with, and publishes, the same keys. Opened once the database is migrated: a configured
 * alias the keystore lacks is added then, which is how a key is rotated; a node whose keystore has
 * changed since it last read it (another node rotated) reads it again.
 */
public final class AuditKeys {

  private static final Logger LOG = Logger.getLogger(AuditKeys.class);

  private final ErasureSettings settings;
  private final CheckpointDirectory checkpoints;
  private volatile Loaded loaded;

  /** The keystore as this node last read it, and the row's version then. */
  private record Loaded(int version, AuditKeyStore store) {}

  private AuditKeys(ErasureSettings settings, CheckpointDirectory checkpoints) {
    this.settings = settings;
    this.checkpoints = checkpoints;
  }

  /** The keys as configured; they are read from the database by {@link #open}. */
  public static AuditKeys configured(ErasureSettings settings) {
    try {
      Files.createDirectories(settings.auditCheckpointDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create the audit checkpoint directory " + settings.auditCheckpointDirectory(), e);
    }
    return new AuditKeys(settings, new CheckpointDirectory(settings.auditCheckpointDirectory()));
  }

  /**
   * Reads the cluster's keystore, adding the configured key when it is missing: under the row's
   * lock, so that nodes starting together add it once. A database without keys first takes those of
   * a keystore file kept before the keys moved to the database ({@code audit-keystore}).
   */
  public void open(KeycloakSession session) {
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    AuditKeystoreEntity row =
        em.find(AuditKeystoreEntity.class, AuditKeystoreEntity.ID, LockModeType.PESSIMISTIC_WRITE);
    char[] password = settings.auditKeystorePassword().toCharArray();
    String alias = settings.auditKeyAlias();
    try {
      byte[] pkcs12 = row.pkcs12();
      byte[] before = pkcs12;
      Path kept = settings.auditKeystore();
      if (pkcs12 == null && Files.isRegularFile(kept)) {
        pkcs12 = Files.readAllBytes(kept);
        LOG.infof(
            "Imported the audit keys of %s into the database; every node now uses those", kept);
      }
      if (pkcs12 == null || !AuditKeyStore.holds(pkcs12, password, alias)) {
        pkcs12 = AuditKeyStore.generate(pkcs12, password, alias);
        LOG.warnf(
            "Generated the audit key '%s' in Keycloak's database: back the database up and"
                + " publish the public keys; a checkpoint whose key is lost can no longer be"
                + " verified",
            alias);
      }
      if (pkcs12 != before) {
        row.replace(pkcs12);
        em.flush();
      }
      loaded = new Loaded(row.getVersion(), AuditKeyStore.load(pkcs12, password, alias));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot open the audit keys (is audit-keystore-password the one they were made with?)",
          e);
    }
    LOG.infof(
        "Audit checkpoints are signed with key '%s' and also written to %s",
        alias, settings.auditCheckpointDirectory());
  }

  /**
   * The keystore, read again when another node has changed it since: its active key signs, and its
   * public keys are those of the whole cluster.
   */
  public AuditKeyStore current(KeycloakSession session) {
    Loaded known = loaded;
    if (known == null) {
      throw new IllegalStateException("The audit keys are read once the database is migrated");
    }
    EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    int version =
        em.createNamedQuery("AuditKeystore.version", Integer.class)
            .setParameter("id", AuditKeystoreEntity.ID)
            .getSingleResult();
    if (version == known.version()) {
      return known.store();
    }
    AuditKeystoreEntity row = em.find(AuditKeystoreEntity.class, AuditKeystoreEntity.ID);
    em.refresh(row);
    byte[] pkcs12 = row.pkcs12();
    try {
      Loaded reread =
          new Loaded(
              row.getVersion(),
              AuditKeyStore.load(
                  pkcs12,
                  settings.auditKeystorePassword().toCharArray(),
                  settings.auditKeyAlias()));
      loaded = reread;
      return reread.store();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the audit keys another node changed", e);
    }
  }

  /** The log's origin, the first line of its C2SP checkpoint notes and its note keys' name. */
  public String logOrigin() {
    return settings.auditLogOrigin();
  }

  public CheckpointDirectory checkpoints() {
    return checkpoints;
  }
}
