package dev.orgerasure.keycloak.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The extension's feature packages depend on each other one way only. */
class PackageCycleTest {

  @Test
  void noFeaturePackageDependsOnItselfThroughOthers() {
    JavaClasses extension =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.orgerasure.keycloak");
    slices().matching("dev.orgerasure.keycloak.(*)..").should().beFreeOfCycles().check(extension);
  }
}
