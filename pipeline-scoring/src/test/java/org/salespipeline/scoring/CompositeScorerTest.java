package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.scoring.testing.FixedScorer;

class CompositeScorerTest {

  private final Deal deal = Fixtures.qualified("D", QualificationLevel.YES, QualificationLevel.YES,
      QualificationLevel.NO, QualificationLevel.NO, QualificationLevel.NO); // scorecard 0.5, stage New 0.1

  @Test
  void blend_isTheWeightedMean() {
    CompositeScorer blend = CompositeScorer.builder()
        .add(QualificationScorecard.bant(), 1)
        .add(StageProbabilityScorer.of(), 3)
        .build();

    assertThat(blend.probability(deal, Fixtures.context())).isCloseTo(0.25 * 0.5 + 0.75 * 0.1, within(1e-12));
  }

  @Test
  void explanation_scalesThePartsFactors_andAddsUp() {
    CompositeScorer blend = CompositeScorer.builder().id("blend")
        .add(QualificationScorecard.bant(), 1)
        .add(StageProbabilityScorer.of(), 1)
        .build();

    Score score = blend.score(deal, Fixtures.context());

    assertThat(score.explainedProbability()).isCloseTo(score.probability(), within(1e-12));
    assertThat(score.factors()).extracting(Factor::name).contains("scorecard/budget", "stage/stage");
    assertThat(blend.id()).isEqualTo("blend");
  }

  @Test
  void learnsIfAPartLearns_andTrainsEveryPart() {
    CompositeScorer blend = CompositeScorer.builder()
        .add(QualificationScorecard.bant(), 1)
        .add(HistoricalWinRateScorer.of(), 1)
        .build();
    ScoringContext context = Fixtures.context().withHistory(List.of(Fixtures.won(Fixtures.deal("W", "new")),
        Fixtures.lost(Fixtures.deal("L", "new"))));

    CompositeScorer trained = blend.trainedOn(context);

    assertThat(blend.learns()).isTrue();
    assertThat(((HistoricalWinRateScorer) trained.parts().get(1)).isTrained()).isTrue();
    assertThat(trained.probability(deal, context)).isCloseTo(0.5 * 0.5 + 0.5 * 0.5, within(1e-12));
  }

  /**
   * The blend's trainer trains each part with the part's own trainer, deal by deal, and never
   * calls {@code trainedOn}: a part that counts as the deals come keeps its counts, not the deals.
   */
  @Test
  void trainer_trainsEachPartWithItsOwnTrainer_dealByDeal() {
    CompositeScorer blend = CompositeScorer.builder()
        .add(new TrainerOnly(-1), 1)
        .add(HistoricalWinRateScorer.of(), 1)
        .build();
    List<Deal> history = List.of(Fixtures.won(Fixtures.deal("W", "new")), Fixtures.lost(Fixtures.deal("L", "new")),
        Fixtures.deal("O", "new"));

    ScorerTrainer trainer = blend.trainer(Fixtures.context());
    history.forEach(trainer::add);
    CompositeScorer trained = (CompositeScorer) trainer.trained();

    assertThat(((TrainerOnly) trained.parts().get(0)).learned).as("the closed deals, not the open one").isEqualTo(2);
    assertThat(trained.parts().get(1).isTrained()).isTrue();
    double historical = HistoricalWinRateScorer.of().trainedOn(Fixtures.context().withHistory(history))
        .probability(deal, Fixtures.context());
    assertThat(trained.probability(deal, Fixtures.context())).isEqualTo(0.5 * TrainerOnly.P + 0.5 * historical);
  }

  /**
   * A learner (of nothing but how many closed deals it was given) that trains only through its own
   * trainer: {@code trainedOn} fails the test.
   */
  private static final class TrainerOnly implements Scorer {
    static final double P = 0.25;
    final int learned;

    TrainerOnly(int learned) {
      this.learned = learned;
    }

    @Override
    public String id() {
      return "trainer-only";
    }

    @Override
    public Score score(Deal deal, ScoringContext context) {
      return Score.of(P);
    }

    @Override
    public boolean learns() {
      return true;
    }

    @Override
    public boolean isTrained() {
      return learned >= 0;
    }

    @Override
    public Scorer trainedOn(ScoringContext context) {
      throw new AssertionError("the blend's trainer must train this part with the part's trainer");
    }

    @Override
    public ScorerTrainer trainer(ScoringContext context) {
      return new ScorerTrainer() {
        private int count;

        @Override
        public ScorerTrainer add(Deal deal) {
          count++;
          return this;
        }

        @Override
        public Scorer trained() {
          return new TrainerOnly(count);
        }
      };
    }
  }

  @Test
  void aFailingPart_failsTheBlend() {
    Scorer nan = new FixedScorer("nan", Double.NaN);
    CompositeScorer blend = CompositeScorer.builder().add(nan, 1).build();

    assertThat(SafeScoring.probability(blend, deal, Fixtures.context()).getLeft().message())
        .contains("part 'nan' returned NaN for deal D");
  }

  @Test
  void noPartOrBadWeight_isRefused() {
    assertThatThrownBy(() -> CompositeScorer.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a composite scorer needs at least one part");
    assertThatThrownBy(() -> CompositeScorer.builder().add(StageProbabilityScorer.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight of scorer 'stage' must be finite and greater than 0 but was 0.0");
  }

  @Test
  void partsFactors_keepTheirNotes_andGainTheirWeight() {
    Scorer noted = new FixedScorer("noted", 0.5) {
      @Override
      public Score score(Deal d, ScoringContext context) {
        return new Score(0.5, 0.25, List.of(new Factor("a", "", 0.25, ""), new Factor("b", "", 0.0, "why")));
      }
    };
    CompositeScorer blend = CompositeScorer.builder().add(noted, 1).add(StageProbabilityScorer.of(), 3).build();

    assertThat(blend.score(deal, Fixtures.context()).factors()).filteredOn(f -> f.name().startsWith("noted/"))
        .extracting(Factor::name, Factor::note)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("noted/a", "weight 0.25"),
            org.assertj.core.groups.Tuple.tuple("noted/b", "why; weight 0.25"));
  }

  @Test
  void aPartReturningNull_isNamedInTheError() {
    Scorer nullTrained = new FixedScorer("null-trained", 0.5) {
      @Override
      public Scorer trainedOn(ScoringContext context) {
        return null;
      }
    };
    Scorer nullScore = new FixedScorer("null-score", 0.5) {
      @Override
      public Score score(Deal d, ScoringContext context) {
        return null;
      }
    };

    assertThatThrownBy(() -> CompositeScorer.builder().id("blend").add(nullTrained, 1).build().trainedOn(Fixtures.context()))
        .isInstanceOf(NullPointerException.class).hasMessage("scorer 'blend': a part returned null from trainedOn");
    assertThatThrownBy(() -> CompositeScorer.builder().id("blend").add(nullScore, 1).build().score(deal, Fixtures.context()))
        .isInstanceOf(NullPointerException.class).hasMessage("scorer 'blend': a part returned a null score");
  }
}
