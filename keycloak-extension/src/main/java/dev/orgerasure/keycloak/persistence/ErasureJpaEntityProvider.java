package dev.orgerasure.keycloak.persistence;

import dev.orgerasure.keycloak.audit.AuditCheckpointEntity;
import dev.orgerasure.keycloak.audit.AuditKeystoreEntity;
import dev.orgerasure.keycloak.audit.AuditLogHeadEntity;
import dev.orgerasure.keycloak.audit.AuditRecordEntity;
import dev.orgerasure.keycloak.designation.SelfServiceEraserEntity;
import dev.orgerasure.keycloak.erasure.ErasureRequestEntity;
import dev.orgerasure.keycloak.erasure.Finishing;
import dev.orgerasure.keycloak.erasure.HandOverAttempts;
import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.erasure.Notification;
import dev.orgerasure.keycloak.ranges.RangeLeaseEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

public class ErasureJpaEntityProvider implements JpaEntityProvider {

  @Override
  public List<Class<?>> getEntities() {
    // The embeddables are listed too: Keycloak builds its persistence unit from this list alone.
    return List.of(
        ErasureRequestEntity.class,
        HandOverAttempts.class,
        Finishing.class,
        Notification.class,
        LockedMemberEntity.class,
        AuditRecordEntity.class,
        AuditLogHeadEntity.class,
        AuditCheckpointEntity.class,
        AuditKeystoreEntity.class,
        SelfServiceEraserEntity.class,
        RangeLeaseEntity.class);
  }

  @Override
  public String getChangelogLocation() {
    return "META-INF/org-erasure-changelog.xml";
  }

  @Override
  public String getFactoryId() {
    return ErasureJpaEntityProviderFactory.ID;
  }

  @Override
  public void close() {}
}
