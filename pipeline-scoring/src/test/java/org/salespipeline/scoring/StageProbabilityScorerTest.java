package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

class StageProbabilityScorerTest {

  private final StageProbabilityScorer stage = StageProbabilityScorer.of();

  @Test
  void openDeal_isTheStageDefault() {
    Score score = stage.score(Fixtures.deal("D", "qualified"), Fixtures.context());

    assertThat(score.probability()).isEqualTo(0.4);
    assertThat(score.factors()).singleElement().satisfies(f -> {
      assertThat(f.value()).isEqualTo("Qualified");
      assertThat(f.note()).isEqualTo("stage default");
    });
  }

  @Test
  void override_takesPrecedence_andSurvivesAMove() {
    Deal deal = Fixtures.PIPELINE.overrideProbability(Fixtures.deal("D", "new"), 0.55, Fixtures.T1).get().deal();
    Deal moved = Fixtures.PIPELINE.move(deal, "proposition", Fixtures.T1).get().deal();

    assertThat(stage.probability(moved, Fixtures.context())).isEqualTo(0.55);
    assertThat(stage.score(moved, Fixtures.context()).factors().get(0).note()).isEqualTo("manual override");
  }

  @Test
  void wonAndLost_areOneAndZero() {
    assertThat(stage.probability(Fixtures.won(Fixtures.deal("W", "new")), Fixtures.context())).isEqualTo(1.0);
    assertThat(stage.probability(Fixtures.lost(Fixtures.deal("L", "proposition")), Fixtures.context())).isEqualTo(0.0);
  }

  @Test
  void dealOfAnotherPipeline_isNotScorable() {
    Deal other = Pipeline.standard().open(org.salespipeline.core.NewDeal.of("S"), Fixtures.T0).get().deal();

    assertThat(SafeScoring.score(stage, other, Fixtures.context()).getLeft())
        .isInstanceOfSatisfying(ScoringFailure.NotScorable.class, f -> assertThat(f.reason())
            .isEqualTo("deal S runs through pipeline 'standard', not 'simple'"));
  }
}
