package org.salespipeline.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** The shape of pipeline-metrics (SPEC §2): core only, no I/O, no clock, internals underneath. */
@AnalyzeClasses(packages = "org.salespipeline.metrics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnCoreOnly = classes().that().resideInAPackage("org.salespipeline.metrics..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.math..", "java.time..",
          "java.util..", "io.vavr..", "org.jspecify..", "org.immutables.value..", "org.salespipeline.core..",
          "org.salespipeline.metrics..")
      .because("SPEC §2: the metrics module depends on core only, and library modules on Vavr alone (and the "
          + "compile-only JSpecify and Immutables annotations)");

  @ArchTest
  static final ArchRule noIo = noClasses().that().resideInAPackage("org.salespipeline.metrics..")
      .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
      .because("library modules never touch files, the network or a database");

  @ArchTest
  static final ArchRule noPrinting = noClasses().that().resideInAPackage("org.salespipeline.metrics..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("library modules never print; reports are returned as values");

  @ArchTest
  static final ArchRule noClock = noClasses().that().resideInAPackage("org.salespipeline.metrics..")
      .should().callMethod(Instant.class, "now").orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(LocalDate.class, "now").orShould().dependOnClassesThat().areAssignableTo(Clock.class)
      .because("time is always a parameter (the query's as-of instant), so results are reproducible");

  @ArchTest
  static final ArchRule internalsUnderneath = noClasses().that().resideInAPackage("org.salespipeline.metrics.internal..")
      .should().dependOnClassesThat().resideInAPackage("org.salespipeline.metrics")
      .because("the internal package holds building blocks that the API uses, never the other way round");

  @ArchTest
  static final ArchRule implementationIsPackagePrivate = classes().that().haveSimpleNameEndingWith("Accumulator")
      .and().doNotHaveSimpleName("MetricsAccumulator").should().notBePublic()
      .because("only what a user should touch is public (STYLE: Caffeine-like package-private implementation)");
}
