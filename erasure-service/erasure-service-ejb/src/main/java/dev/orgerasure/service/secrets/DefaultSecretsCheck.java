package dev.orgerasure.service.secrets;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Looks at the server's default secrets once, when the application starts: each one left at its
 * default is an error in the log and keeps readiness down, unless {@value
 * DefaultSecrets#ALLOW_VARIABLE}{@code =true} accepts them (then a warning each).
 */
@Startup
@Singleton
public class DefaultSecretsCheck {

  private static final Logger LOG = Logger.getLogger(DefaultSecretsCheck.class.getName());

  @Inject Config config;

  private volatile DefaultSecrets.Findings findings;

  @PostConstruct
  void check() {
    findings = DefaultSecrets.find(name -> config.getOptionalValue(name, String.class));
    findings.refusals().forEach(refusal -> LOG.severe("Not ready: " + refusal));
    findings.accepted().forEach(LOG::warning);
  }

  /** Why readiness is down; empty when no default is left, or the defaults are accepted. */
  @Lock(LockType.READ)
  public List<String> refusals() {
    return findings.refusals();
  }

  /** The secrets left at their defaults and accepted; empty unless accepted. */
  @Lock(LockType.READ)
  public List<String> accepted() {
    return findings.accepted();
  }
}
