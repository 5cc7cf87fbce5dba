package org.salespipeline.scoring;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.internal.ValueStyle;

/** SPEC §2 and §8 for the scoring module, as rules. */
class ArchitectureTest {

  private static final JavaClasses SCORING = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.salespipeline.scoring");

  @Test
  void scoring_dependsOnCoreOnly() {
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("org.salespipeline.scoring..", "org.salespipeline.core", "org.salespipeline.core.internal",
            "io.vavr..", "java..", "org.jspecify..", "org.immutables.value..", "org.slf4j")
        .because("SPEC §2: pipeline-scoring depends on pipeline-core only (and Vavr, the SLF4J API, the compile-only JSpecify and Immutables annotations)")
        .check(SCORING);
  }

  @Test
  void scoring_doesNotReadTheClock() {
    noClasses().should().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(Clock.class, "systemUTC")
        .orShould().callMethod(Clock.class, "systemDefaultZone")
        .because("SPEC §1: time is always a parameter, so results are reproducible")
        .check(SCORING);
  }

  @Test
  void scoring_neverPrintsNorTouchesFilesOrSql() {
    noClasses().should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.io..", "java.nio.file..", "java.net..")
        .because("SPEC §2: library modules never print, and never touch files, java.sql or the network")
        .check(SCORING);
  }

  @Test
  void scoring_startsNoThreadOfItsOwn() {
    noClasses().should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Thread.class))))
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.concurrent.Executors.class.getName())
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.concurrent.ForkJoinPool.class.getName())
        .because("a library embedded in a CRM must not leak threads: SafeScoring.withTimeout runs on the caller's executor")
        .check(SCORING);
  }

  @Test
  void onlyTheHotPaths_readDealsThroughCoreInternals() {
    noClasses().that().doNotHaveFullyQualifiedName(Prioritiser.class.getName())
        .and().doNotHaveFullyQualifiedName(Prioritiser.RankingAccumulator.class.getName())
        .and().doNotHaveFullyQualifiedName("org.salespipeline.scoring.internal.NaiveBayesModel")
        .should().dependOnClassesThat(resideInAPackage("org.salespipeline.core.internal..")
            .and(not(name(ValueStyle.class.getName()))))
        .because("core exports DealCursor to scoring for in-place reads on the scoring and top-k hot paths;"
            + " everything else uses core's public API (and the values its compile-only ValueStyle)")
        .check(SCORING);
  }

  @Test
  void publicApi_doesNotMentionCoreInternals() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods().that().arePublic()
        .and().areDeclaredInClassesThat().resideInAPackage("org.salespipeline.scoring")
        .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.not(
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.salespipeline.core.internal..")))
        .because("core's internals are not part of scoring's API")
        .check(SCORING);
  }

  @Test
  void internalPackage_isNotExported() throws IOException, java.net.URISyntaxException {
    java.nio.file.Path classes = java.nio.file.Path.of(Scorer.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    try (InputStream in = java.nio.file.Files.newInputStream(classes.resolve("module-info.class"))) {
      assertThat(in).as("module-info.class of pipeline-scoring").isNotNull();
      ModuleDescriptor module = ModuleDescriptor.read(in);

      assertThat(module.name()).isEqualTo("org.salespipeline.scoring");
      assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
          .as("only the API package is exported; org.salespipeline.scoring.internal is not")
          .containsExactly("org.salespipeline.scoring");
      assertThat(module.uses()).containsExactly(Scorer.class.getName());
    }
  }
}
