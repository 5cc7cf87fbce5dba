package org.salespipeline.history;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.salespipeline.history", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnCoreOnly = classes()
      .that().resideInAPackage("org.salespipeline.history..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("org.salespipeline.history..",
          "org.salespipeline.core..", "io.vavr..", "de.siegmar.fastcsv..", "java..")
      .because("the stage-history reader and writer build on pipeline-core and a CSV library alone (SPEC §2), so"
          + " that any host (CLI, JShell, a CRM, Spark) can use them without the analyst's, the metrics' or a"
          + " database's code");

  @ArchTest
  static final ArchRule neverPrints = noClasses()
      .that().resideInAPackage("org.salespipeline.history..")
      .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
      .because("the reader reports rejected rows as values; the caller decides where they go");

  @ArchTest
  static final ArchRule neverExits = noClasses()
      .that().resideInAPackage("org.salespipeline.history..")
      .should().callMethod(System.class, "exit", int.class)
      .because("a reader is a component: the program that uses it decides when to stop");
}
