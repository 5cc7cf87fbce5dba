package org.salespipeline.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The architecture of pipeline-core (SPEC §2, §3; STYLE "Shape"), checked on its compiled classes. */
class ArchitectureTest {

  private static final String CORE = "org.salespipeline.core";
  private static final String INTERNAL = "org.salespipeline.core.internal..";

  /** The module's main classes only. */
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(CORE);

  /** Everything of the project on the test class path, test fixtures included. */
  private static final JavaClasses ALL = new ClassFileImporter().importPackages("org.salespipeline");

  private static final DescribedPredicate<JavaClass> FILE_IO = DescribedPredicate.describe("java.io file classes",
      c -> c.getPackageName().equals("java.io")
          && (c.getSimpleName().startsWith("File") || c.getSimpleName().equals("RandomAccessFile")));

  private static final DescribedPredicate<JavaMethodCall> CLOCK_READ = DescribedPredicate.describe(
      "a read of the system clock", call -> {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return owner.startsWith("java.time.") && name.equals("now")
            || owner.equals("java.time.Clock") && name.startsWith("system")
            || owner.equals("java.time.InstantSource") && name.equals("system")
            || owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
      });

  @Test
  void core_dependsOnlyOnTheJdkVavrAndCompileOnlyAnnotations() {
    classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "io.vavr..", "org.jspecify.annotations..", "org.immutables.value..", "org.salespipeline.core..")
        .because("SPEC §2: library modules depend on nothing but Vavr and compile-only annotations, "
            + "so embedding core brings no transitive surprises")
        .check(MAIN);
  }

  @Test
  void core_neverTouchesADatabase() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        .because("SPEC §2: storage is the host's; core has no java.sql")
        .check(MAIN);
  }

  @Test
  void core_neverTouchesFilesOrTheNetwork() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
        .orShould().dependOnClassesThat(FILE_IO)
        .because("SPEC §1: the library never reads the file system or the network; the host does its I/O")
        .check(MAIN);
  }

  @Test
  void core_neverReadsTheClock() {
    noClasses().should().callMethodWhere(CLOCK_READ)
        .because("SPEC §1: time is always a parameter, so that history can be replayed and results reproduced")
        .check(MAIN);
  }

  @Test
  void core_neverPrints() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
        .because("SPEC §2: a library embedded in a host never writes to System.out or System.err")
        .check(MAIN);
  }

  @Test
  void core_neverUsesJavaUtilLogging() {
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
        .because("SPEC §2: library modules log, if ever, through the SLF4J API only")
        .check(MAIN);
  }

  @Test
  void internalPackages_areNotUsedFromOutsideTheModule() {
    noClasses().that().resideOutsideOfPackages(CORE, INTERNAL)
        .should().dependOnClassesThat().resideInAPackage(INTERNAL)
        .because("STYLE: implementation details live in internal packages that module-info does not export")
        .check(ALL);
  }

  @Test
  void publicApi_neverExposesAnInternalType() {
    methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideInAPackage(CORE)
        .should(notMentionInternalTypes())
        .because("STYLE: only what a user should touch is public; internal types must not leak through signatures")
        .check(MAIN);
  }

  @Test
  void valueTypesAndEvents_areImmutable() {
    classes().that().resideInAPackage(CORE).and().arePublic().and().areTopLevelClasses().and().areNotInterfaces()
        .and().areNotEnums()
        .should().haveOnlyFinalFields()
        .because("SPEC §3.2: deals, pipelines and their parts are values safe to share across threads")
        .check(MAIN);
  }

  @Test
  void moduleInfo_exportsTheApiPackageAndInternalsOnlyToOurModules_requiresOnlyVavrAndAnnotations() throws IOException, URISyntaxException {
    Path classes = Path.of(Deal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }

    assertThat(module.name()).isEqualTo(CORE);
    assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified() || e.source().equals(CORE))
        .as("unqualified export of %s", e.source()).isTrue());
    assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).contains(CORE);
    assertThat(module.exports()).filteredOn(e -> e.source().equals(CORE + ".internal"))
        .as("the internal package is exported only to the library's own modules, for DealCursor")
        .singleElement()
        .satisfies(e -> assertThat(e.targets()).containsExactlyInAnyOrder("org.salespipeline.metrics",
            "org.salespipeline.scoring"));
    Set<String> requires = module.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
    assertThat(requires).isSubsetOf("java.base", "io.vavr", "org.jspecify", "org.immutables.value.annotations");
    assertThat(module.requires()).filteredOn(r -> !r.name().equals("java.base") && !r.name().equals("io.vavr"))
        .allSatisfy(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
  }

  private static ArchCondition<JavaMethod> notMentionInternalTypes() {
    return new ArchCondition<>("not mention internal types in their signature") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean leaks = Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
            .anyMatch(type -> type.getPackageName().startsWith(CORE + ".internal"));
        events.add(new SimpleConditionEvent(method, !leaks, method.getFullName() + " exposes an internal type"));
      }
    };
  }
}
