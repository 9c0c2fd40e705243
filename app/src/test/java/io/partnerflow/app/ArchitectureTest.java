package io.partnerflow.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one rule between the modules (the app reaches the engine only over the Camunda client) and
 * feature packages free of cycles. The engine is on the app's runtime classpath, so both are here.
 */
@AnalyzeClasses(packages = "io.partnerflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule appNeverUsesEngineClasses =
      noClasses()
          .that()
          .resideInAPackage("io.partnerflow.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.partnerflow.engine..")
          .because("the app talks to any engine only through the Camunda client");

  @ArchTest
  static final ArchRule engineNeverUsesAppClasses =
      noClasses()
          .that()
          .resideInAPackage("io.partnerflow.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.partnerflow.app..");

  @ArchTest
  static final ArchRule appFeaturesAreFreeOfCycles =
      slices().matching("io.partnerflow.app.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule enginePackagesAreFreeOfCycles =
      slices().matching("io.partnerflow.engine.(*)..").should().beFreeOfCycles();
}
