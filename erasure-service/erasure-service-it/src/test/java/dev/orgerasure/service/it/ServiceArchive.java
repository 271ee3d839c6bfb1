package dev.orgerasure.service.it;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real EAR the ear module built, deployed under a name of its own. */
final class ServiceArchive {

  /**
   * Not erasure-service: that name belongs to the enterpriseApplication of the real server.xml,
   * which stays without its EAR on the test server.
   */
  static final String NAME = "erasure-service-it.ear";

  private static final String WEB_MODULE = "erasure-service-web.war";

  private ServiceArchive() {}

  static EnterpriseArchive asBuilt() {
    Path ear =
        Path.of(System.getProperty("erasure.it.liberty-server-dir"), "apps", "erasure-service.ear");
    return ShrinkWrap.create(ZipImporter.class, NAME)
        .importFrom(ear.toFile())
        .as(EnterpriseArchive.class);
  }

  /**
   * The EAR with an in-container test and its helpers in the web module, where Arquillian also puts
   * its test servlet; they see the EJB module's beans from there. Awaitility, which the tests wait
   * with, goes into the web module's libraries with the Hamcrest it needs.
   */
  static EnterpriseArchive withTest(Class<?> testClass) {
    EnterpriseArchive ear = asBuilt();
    // Re-added under its plain name: the adapter matches it by name against application.xml to
    // find its context root (/erasure), which it does not for a module viewed in place.
    WebArchive web =
        ShrinkWrap.create(ZipImporter.class, WEB_MODULE)
            .importFrom(ear.get(WEB_MODULE).getAsset().openStream())
            .as(WebArchive.class)
            .addClasses(testClass, OrgData.class)
            .addAsLibraries(jarOf(Awaitility.class), jarOf(Matchers.class));
    ear.delete(WEB_MODULE);
    return ear.addAsModule(web);
  }

  /** The jar on the test class path that holds the class: Awaitility's waits, Hamcrest under it. */
  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no jar of " + type, e);
    }
  }
}
