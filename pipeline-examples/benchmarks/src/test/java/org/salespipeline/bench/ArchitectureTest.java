package org.salespipeline.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.salespipeline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule measuresOnlyTheLibraries = noClasses()
      .that().resideInAPackage("org.salespipeline.bench..")
      .should().dependOnClassesThat().resideInAnyPackage("org.salespipeline.analyst..",
          "org.salespipeline.embedding..")
      .because("the benchmarks measure the three libraries against other engines; nothing depends on them"
          + " and they depend on no other example");

  @ArchTest
  static final ArchRule onlyTheCsvBenchmarkReadsStageHistory = noClasses()
      .that().resideInAPackage("org.salespipeline.bench..")
      .and().doNotHaveFullyQualifiedName("org.salespipeline.bench.jmh.CsvParsingBenchmark")
      .should().dependOnClassesThat().resideInAPackage("org.salespipeline.history..")
      .because("the stage-history component is measured by its CSV parsing benchmark only (against FastCSV)");

  @ArchTest
  static final ArchRule onlyMainExits = noClasses()
      .that().resideInAPackage("org.salespipeline.bench..")
      .and().doNotHaveFullyQualifiedName("org.salespipeline.bench.Bench")
      .should().callMethod(System.class, "exit", int.class)
      .because("the harness returns an exit status so that it can be run and tested in-process");
}
