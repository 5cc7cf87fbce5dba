package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;

class HistoricalWinRateScorerTest {

  /** Won from New (reached every stage), lost in Qualified, lost in New, and a deal still open. */
  private static List<Deal> history() {
    return List.of(
        Fixtures.won(Fixtures.deal("W", "new")),
        Fixtures.lost(Fixtures.deal("LQ", "qualified")),
        Fixtures.lost(Fixtures.deal("LN", "new")),
        Fixtures.deal("O", "proposition"));
  }

  private static final ScoringContext CONTEXT = Fixtures.CONTEXT.withHistory(history());

  @Test
  void winRateFromEachStage_isWonOverClosedDealsThatReachedIt() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(CONTEXT);

    assertThat(trained.winRateFrom("new").get()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(trained.winRateFrom("qualified").get()).isCloseTo(0.5, within(1e-12));
    assertThat(trained.winRateFrom("proposition").get()).isEqualTo(1.0);
    assertThat(trained.winRateFrom("won")).isEmpty();
  }

  @Test
  void openDeal_scoresItsStagesRate_explainedAgainstTheOverallRate() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(CONTEXT);

    Score score = trained.score(Fixtures.deal("X", "qualified"), CONTEXT);

    assertThat(score.probability()).isCloseTo(0.5, within(1e-12));
    assertThat(score.baseline()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(score.explainedProbability()).isCloseTo(0.5, within(1e-12));
    assertThat(score.factors().get(0).note()).isEqualTo("1 won of 2 closed deals that reached Qualified");
  }

  @Test
  void stageNoClosedDealReached_fallsBackToTheStageDefault() {
    ScoringContext onlyLostInNew = Fixtures.CONTEXT.withHistory(List.of(Fixtures.lost(Fixtures.deal("L", "new"))));
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(onlyLostInNew);

    Score score = trained.score(Fixtures.deal("X", "proposition"), onlyLostInNew);

    assertThat(score.probability()).isEqualTo(0.7);
    assertThat(score.factors().get(0).note()).isEqualTo("no closed deal reached Proposition: stage default");
  }

  @Test
  void untrained_throwsAProgrammerError() {
    assertThatThrownBy(() -> HistoricalWinRateScorer.of().probability(Fixtures.deal("X", "new"), CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scorer 'historical' is not trained: call trainedOn(context) first");
  }

  @Test
  void trainedOnNoClosedDeal_isNotScorable() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(Fixtures.CONTEXT);

    assertThat(SafeScoring.probability(trained, Fixtures.deal("X", "new"), Fixtures.CONTEXT).getLeft().message())
        .isEqualTo("Scorer 'historical' cannot score deal X: scorer 'historical' learned from no closed deal");
  }

  @Test
  void dealsClosedAfterAsOf_areNotLearnedFrom() {
    ScoringContext before = CONTEXT.withAsOf(Fixtures.T0);

    assertThat(before.closedHistory()).isEmpty();
    assertThat(CONTEXT.closedHistory()).extracting(Deal::id).containsExactly("W", "LQ", "LN");
  }

  @Test
  void closedDeals_scoreTheirOutcome_explainedAgainstTheOverallRate() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(CONTEXT);
    Deal won = Fixtures.won(Fixtures.deal("CW", "qualified"));
    Deal lost = Fixtures.lost(Fixtures.deal("CL", "qualified"));

    assertThat(trained.probability(won, CONTEXT)).isEqualTo(1.0);
    assertThat(trained.probability(lost, CONTEXT)).isEqualTo(0.0);
    assertThat(trained.score(won, CONTEXT).factors()).singleElement()
        .satisfies(f -> assertThat(f.note()).isEqualTo("won"));
    assertThat(trained.score(lost, CONTEXT).factors()).singleElement()
        .satisfies(f -> assertThat(f.note()).isEqualTo("lost"));
  }
}
