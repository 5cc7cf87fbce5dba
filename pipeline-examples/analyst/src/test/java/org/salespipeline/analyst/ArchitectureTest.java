package org.salespipeline.analyst;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.salespipeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ANALYST = "org.salespipeline.analyst..";

  @ArchTest
  static final ArchRule noDatabaseOrBenchmarkCode = noClasses()
      .that().resideInAPackage(ANALYST)
      .should().dependOnClassesThat().resideInAnyPackage("org.duckdb..", "org.h2..", "java.sql..", "javax.sql..",
          "org.springframework..", "reactor..", "com.github.oxo42..", "org.openjdk.jol..", "org.openjdk.jmh..",
          "org.salespipeline.bench..", "org.salespipeline.embedding..")
      .because("the analyst's all-in-one jar carries only what its commands need: no database, no benchmark"
          + " harness (SPEC §2)");

  @ArchTest
  static final ArchRule onlyMainExits = noClasses()
      .that().resideInAPackage(ANALYST)
      .and().doNotHaveFullyQualifiedName("org.salespipeline.analyst.cli.Main")
      .should().callMethod(System.class, "exit", int.class)
      .because("commands return an exit status so that they can be run and tested in-process");

  @ArchTest
  static final ArchRule reportNeverPrints = noClasses()
      .that().resideInAPackage("org.salespipeline.analyst.report..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("the report is a value rendered to text or a file the caller names");

  @ArchTest
  static final ArchRule reportAndSampleDataStandAlone = noClasses()
      .that().resideInAnyPackage("org.salespipeline.analyst.report..", "org.salespipeline.analyst.data..")
      .should().dependOnClassesThat().resideInAnyPackage("org.salespipeline.analyst.cli..",
          "org.salespipeline.analyst.demo..")
      .because("the report and the sample deals are building blocks that the demo and the command line use,"
          + " never the other way round");

  @ArchTest
  static final ArchRule sampleDataReadsNoClock = noClasses()
      .that().resideInAPackage("org.salespipeline.analyst.data..")
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("the same seed must give the same deals, whatever the day the demo runs");

  @ArchTest
  static final ArchRule analystDoesNotKnowTheCommandLine = noClasses()
      .that().resideInAPackage("org.salespipeline.analyst")
      .should().dependOnClassesThat().resideInAPackage("org.salespipeline.analyst.cli..")
      .because("the JShell kit and the CLI share the analyst toolkit's decisions; the CLI only formats them");

  @ArchTest
  static final ArchRule analystNeverPrints = noClasses()
      .that().resideInAPackage("org.salespipeline.analyst")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("results are values with readable toString(); the JShell script and the CLI decide where they go");
}
