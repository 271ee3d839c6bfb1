package dev.orgerasure.service.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's packages depend on each other one way only. */
class PackageCycleTest {

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    JavaClasses service =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orgerasure.service");
    slices().matching("dev.orgerasure.service.(**)").should().beFreeOfCycles().check(service);
  }
}
