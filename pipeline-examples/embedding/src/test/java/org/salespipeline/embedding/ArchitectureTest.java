package org.salespipeline.embedding;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.salespipeline.embedding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noBenchmarkCode = noClasses()
      .that().resideInAPackage("org.salespipeline.embedding..")
      .should().dependOnClassesThat().resideInAnyPackage("org.duckdb..", "org.springframework..", "reactor..",
          "com.github.oxo42..", "org.openjdk.jol..", "org.openjdk.jmh..", "org.salespipeline.bench..")
      .because("only the benchmarks compare with other engines; the embedding example shows a host on its"
          + " own embedded database and nothing else (SPEC §2)");

  @ArchTest
  static final ArchRule notTheAnalystTools = noClasses()
      .that().resideInAPackage("org.salespipeline.embedding..")
      .should().dependOnClassesThat().resideInAnyPackage("org.salespipeline.analyst..")
      .because("a CRM host uses the libraries, not the analyst's command line or report");

  @ArchTest
  static final ArchRule pluginKnowsOnlyTheLibraries = noClasses()
      .that().resideInAPackage("org.salespipeline.embedding.plugin..")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..")
      .because("a scorer plugin needs the scoring SPI alone, whatever the host stores deals in");

  @ArchTest
  static final ArchRule neverExits = noClasses()
      .that().resideInAPackage("org.salespipeline.embedding..")
      .should().callMethod(System.class, "exit", int.class)
      .because("the host embeds the library in its own process");
}
