package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class ScorerRegistryTest {

  @Test
  void builtIns_areTheFourWithoutConfiguration() {
    assertThat(ScorerRegistry.builtIns().ids()).containsExactly("stage", "historical", "scorecard", "naive-bayes");
  }

  @Test
  void discover_findsThePluginOfMetaInfServices() {
    ScorerRegistry registry = ScorerRegistry.discover();

    assertThat(registry.ids()).endsWith("test-fixed");
    assertThat(registry.require("test-fixed").score(Fixtures.deal("D", "new"), Fixtures.context()).probability())
        .isEqualTo(0.42);
  }

  @Test
  void discover_pluginWithABadId_isLeftOutAndReported() {
    ScorerRegistry registry = ScorerRegistry.discover();

    assertThat(registry.ids()).doesNotContain("Bad Id");
    assertThat(registry.problems()).singleElement().asString()
        .contains("org.salespipeline.scoring.testing.FixedScorer$BadId was not registered").contains("'Bad Id'");
  }

  @Test
  void discover_pluginLeftOut_isLoggedOnceAtWarn() {
    CapturingLogger log = new CapturingLogger();

    ScorerRegistry registry = ScorerRegistry.discover(ScorerRegistryTest.class.getClassLoader(), log);

    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo(Level.WARN);
      assertThat(line.message()).isEqualTo(registry.problems().get(0));
    });
  }

  @Test
  void discover_pluginThatCannotLoad_isReportedAndLoggedWithItsError(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(Scorer.class.getName()), "com.example.NoSuchScorer\n", StandardCharsets.UTF_8);
    CapturingLogger log = new CapturingLogger();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      ScorerRegistry registry = ScorerRegistry.discover(loader, log);

      assertThat(registry.ids()).containsExactly("stage", "historical", "scorecard", "naive-bayes", "test-fixed");
      assertThat(registry.problems()).anySatisfy(p -> assertThat(p)
          .startsWith("a scorer plugin could not be loaded").contains("com.example.NoSuchScorer"));
    }
    assertThat(log.lines()).hasSize(2).allSatisfy(line -> assertThat(line.level()).isEqualTo(Level.WARN));
    assertThat(log.lines()).anySatisfy(line -> {
      assertThat(line.message()).contains("com.example.NoSuchScorer");
      assertThat(line.thrown()).isInstanceOf(ServiceConfigurationError.class);
    });
  }

  @Test
  void discover_everyPluginLoads_logsNothing() {
    CapturingLogger log = new CapturingLogger();

    ScorerRegistry registry = ScorerRegistry.discover(ClassLoader.getPlatformClassLoader(), log);

    assertThat(registry.problems()).isEmpty();
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void with_registersExplicitly_andRefusesATakenId() {
    ScorerRegistry registry = ScorerRegistry.empty().with(QualificationScorecard.bant().withId("bant"));

    assertThat(registry.find("bant")).isNotEmpty();
    assertThatThrownBy(() -> registry.with(QualificationScorecard.bant().withId("bant")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("scorer id 'bant' is already registered");
  }

  @Test
  void require_unknownId_namesTheKnownOnes() {
    assertThatThrownBy(() -> ScorerRegistry.builtIns().require("magic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scorer must be one of stage, historical, scorecard, naive-bayes but was 'magic'");
  }
}
