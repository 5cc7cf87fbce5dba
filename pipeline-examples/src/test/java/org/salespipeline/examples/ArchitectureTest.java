package org.salespipeline.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.salespipeline.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule csvDoesNotKnowTheCommandLine = noClasses()
      .that().resideInAPackage("org.salespipeline.examples.csv..")
      .should().dependOnClassesThat().resideInAPackage("org.salespipeline.examples.cli..")
      .because("the CSV reader and writer are an API of their own (JShell, embedding); the CLI builds on them");

  @ArchTest
  static final ArchRule csvNeverPrints = noClasses()
      .that().resideInAPackage("org.salespipeline.examples.csv..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("the reader reports rejected rows as values; the caller decides where they go");

  @ArchTest
  static final ArchRule onlyMainExits = noClasses()
      .that().doNotHaveFullyQualifiedName("org.salespipeline.examples.cli.Main")
      .should().callMethod(System.class, "exit", int.class)
      .because("commands return an exit status so that they can be run and tested in-process");

  @ArchTest
  static final ArchRule reportNeverPrints = noClasses()
      .that().resideInAPackage("org.salespipeline.examples.report..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("the report is a value rendered to text or a file the caller names");

  @ArchTest
  static final ArchRule reportAndSampleDataStandAlone = noClasses()
      .that().resideInAnyPackage("org.salespipeline.examples.report..", "org.salespipeline.examples.data..")
      .should().dependOnClassesThat().resideInAnyPackage("org.salespipeline.examples.cli..",
          "org.salespipeline.examples.embedding..", "org.salespipeline.examples")
      .because("the report and the sample deals are building blocks that the demo and the command line use,"
          + " never the other way round");

  @ArchTest
  static final ArchRule sampleDataReadsNoClock = noClasses()
      .that().resideInAPackage("org.salespipeline.examples.data..")
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("the same seed must give the same deals, whatever the day the demo runs");

  @ArchTest
  static final ArchRule analystDoesNotKnowTheCommandLine = noClasses()
      .that().resideInAPackage("org.salespipeline.examples.analyst..")
      .should().dependOnClassesThat().resideInAPackage("org.salespipeline.examples.cli..")
      .because("the JShell kit and the CLI share the analyst toolkit's decisions; the CLI only formats them");

  @ArchTest
  static final ArchRule analystNeverPrints = noClasses()
      .that().resideInAPackage("org.salespipeline.examples.analyst..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("results are values with readable toString(); the JShell script and the CLI decide where they go");
}
