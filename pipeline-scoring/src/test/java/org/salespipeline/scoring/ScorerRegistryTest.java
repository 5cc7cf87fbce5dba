package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScorerRegistryTest {

  @Test
  void builtIns_areTheFourWithoutConfiguration() {
    assertThat(ScorerRegistry.builtIns().ids()).containsExactly("stage", "historical", "scorecard", "naive-bayes");
  }

  @Test
  void discover_findsThePluginOfMetaInfServices() {
    ScorerRegistry registry = ScorerRegistry.discover();

    assertThat(registry.ids()).endsWith("test-fixed");
    assertThat(registry.require("test-fixed").score(Fixtures.deal("D", "new"), Fixtures.CONTEXT).probability())
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
