package io.partnerflow.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses engine =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.partnerflow.engine");

  @Test
  void shouldHaveNoCyclesBetweenPackages() {
    // guard against a vacuous check: every feature package must have been imported
    assertThat(engine.stream().map(c -> c.getPackageName()).distinct())
        .contains(
            "io.partnerflow.engine.api",
            "io.partnerflow.engine.command",
            "io.partnerflow.engine.processing",
            "io.partnerflow.engine.processing.behavior",
            "io.partnerflow.engine.state");
    slices().matching("io.partnerflow.engine.(**)").should().beFreeOfCycles().check(engine);
  }

  @Test
  void shouldNeverDependOnTheApp() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.partnerflow.app..")
        .check(engine);
  }
}
