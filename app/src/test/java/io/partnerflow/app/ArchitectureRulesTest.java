package io.partnerflow.app;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * What the team keeps true about the app's structure; each rule says why. Allow-lists name their
 * reason. The module rules (app and engine apart) are in {@link ArchitectureTest}.
 */
@AnalyzeClasses(
    packages = "io.partnerflow.app",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

  private static final String APP = "io.partnerflow.app";

  /** Who may read the system clock or zone, each with its reason. */
  private static final Map<String, String> SYSTEM_CLOCK_READERS =
      Map.of(
          APP + ".base.ClockConfiguration",
          "makes the Clock bean everything else injects",
          APP + ".form.DateTimeValues",
          "a bare time of day takes its zone's offset of today, as Camunda Forms does; it decides"
              + " nothing about business time");

  private static final List<Class<?>> TIME_TYPES =
      List.of(
          Instant.class,
          LocalDate.class,
          LocalDateTime.class,
          LocalTime.class,
          OffsetDateTime.class,
          ZonedDateTime.class,
          Year.class,
          YearMonth.class);

  @ArchTest
  static final ArchRule viewsLiveInUiPackages =
      classes()
          .that()
          .areAnnotatedWith(Route.class)
          .or()
          .areAnnotatedWith(Layout.class)
          .or()
          .areAssignableTo(Component.class)
          .should()
          .resideInAPackage("..ui..")
          .because("screens and components sit apart from the services they call");

  @ArchTest
  static final ArchRule onlyUiPackagesUseUiPackages =
      noClasses()
          .that()
          .resideOutsideOfPackage("..ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..ui..")
          .because("views depend on services, never the reverse (no feature <-> feature.ui cycle)");

  @ArchTest
  static final ArchRule repositoriesOnlyInTheirFeature =
      classes()
          .that()
          .haveSimpleNameEndingWith("Repository")
          .or()
          .resideInAPackage("..repository..")
          .should(beUsedOnlyFromTheirOwnPackage())
          .because(
              "a feature's tables are reached through its services, which check access and keep"
                  + " the rules; views and other features ask the service");

  @ArchTest
  static final ArchRule timeOnlyThroughTheInjectedClock =
      noClasses()
          .that(outside(SYSTEM_CLOCK_READERS.keySet()))
          .should()
          .callMethodWhere(readsTheSystemClock())
          .because("tests move the injected Clock; a direct read of the system clock ignores it");

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices()
          .matching(APP + ".(*)..")
          .should()
          .beFreeOfCycles()
          .because("a feature builds on others without them building on it");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices()
          .matching(APP + ".(**)")
          .should()
          .beFreeOfCycles()
          .because("a package and its sub-packages (e.g. security and security.ui) stay layered");

  /**
   * A view is public only when another package, in the app or its tests, refers to it; Vaadin finds
   * and creates a package-private @Route class by reflection.
   */
  @Test
  void viewsArePackagePrivateUnlessAnotherPackageNeedsThem() {
    JavaClasses withTests = new ClassFileImporter().importPackages(APP);
    classes()
        .that()
        .areAnnotatedWith(Route.class)
        .should(bePublicOnlyWhenUsedFromAnotherPackage())
        .because("a screen's class is its package's detail, as in Vaadin's walking skeleton")
        .check(withTests);
  }

  /** The rules can fail: a class reading the system clock and a view outside ui are caught. */
  @Test
  void theRulesCatchWhatTheyAreFor() {
    JavaClasses offenders =
        new ClassFileImporter().importClasses(ReadsTheSystemClock.class, MisplacedView.class);
    assertThatThrownBy(() -> timeOnlyThroughTheInjectedClock.check(offenders))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Instant.now()");
    assertThatThrownBy(() -> viewsLiveInUiPackages.check(offenders))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("MisplacedView");
  }

  static class ReadsTheSystemClock {
    Instant today() {
      return Instant.now();
    }
  }

  static class MisplacedView extends Div {}

  private static DescribedPredicate<JavaClass> outside(Set<String> names) {
    return DescribedPredicate.describe(
        "outside " + names, javaClass -> !names.contains(javaClass.getName()));
  }

  /**
   * {@code now()} of a java.time type without a Clock, the system zone, the system clocks and
   * {@code System.currentTimeMillis()}.
   */
  private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
    return DescribedPredicate.describe(
        "reads the system clock or zone",
        call -> {
          MethodCallTarget target = call.getTarget();
          String owner = target.getOwner().getName();
          String name = target.getName();
          boolean withClock =
              target.getRawParameterTypes().stream()
                  .anyMatch(type -> type.isEquivalentTo(Clock.class));
          if (name.equals("now") && !withClock) {
            return TIME_TYPES.stream().anyMatch(type -> type.getName().equals(owner));
          }
          return (owner.equals(ZoneId.class.getName()) && name.equals("systemDefault"))
              || (owner.equals(TimeZone.class.getName()) && name.equals("getDefault"))
              || (owner.equals(Clock.class.getName())
                  && (name.equals("systemDefaultZone") || name.equals("systemUTC")))
              || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"));
        });
  }

  private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
    return new ArchCondition<>("be used only from their own package") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
          JavaClass origin = dependency.getOriginClass();
          if (!origin.getPackageName().equals(repository.getPackageName())) {
            events.add(violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> bePublicOnlyWhenUsedFromAnotherPackage() {
    return new ArchCondition<>("be public only when another package refers to them") {
      @Override
      public void check(JavaClass view, ConditionEvents events) {
        if (!view.getModifiers().contains(JavaModifier.PUBLIC)) {
          return;
        }
        boolean usedElsewhere =
            view.getDirectDependenciesToSelf().stream()
                .map(Dependency::getOriginClass)
                .anyMatch(origin -> !origin.getPackageName().equals(view.getPackageName()));
        if (!usedElsewhere) {
          events.add(
              violated(
                  view,
                  view.getName()
                      + " is public but only its own package uses it: make it package-private"));
        }
      }
    };
  }
}
