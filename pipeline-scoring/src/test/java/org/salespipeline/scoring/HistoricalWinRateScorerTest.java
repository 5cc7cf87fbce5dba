package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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

  /** The context with {@link #history()}, built before each test. */
  private ScoringContext context;

  @BeforeEach
  void buildContext() {
    context = Fixtures.context().withHistory(history());
  }

  @Test
  void winRateFromEachStage_isWonOverClosedDealsThatReachedIt() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(context);

    assertThat(trained.winRateFrom("new").get()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(trained.winRateFrom("qualified").get()).isCloseTo(0.5, within(1e-12));
    assertThat(trained.winRateFrom("proposition").get()).isEqualTo(1.0);
    assertThat(trained.winRateFrom("won")).isEmpty();
  }

  @Test
  void openDeal_scoresItsStagesRate_explainedAgainstTheOverallRate() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(context);

    Score score = trained.score(Fixtures.deal("X", "qualified"), context);

    assertThat(score.probability()).isCloseTo(0.5, within(1e-12));
    assertThat(score.baseline()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(score.explainedProbability()).isCloseTo(0.5, within(1e-12));
    assertThat(score.factors().get(0).note()).isEqualTo("1 won of 2 closed deals that reached Qualified");
  }

  @Test
  void stageNoClosedDealReached_fallsBackToTheStageDefault() {
    ScoringContext onlyLostInNew = Fixtures.context().withHistory(List.of(Fixtures.lost(Fixtures.deal("L", "new"))));
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(onlyLostInNew);

    Score score = trained.score(Fixtures.deal("X", "proposition"), onlyLostInNew);

    assertThat(score.probability()).isEqualTo(0.7);
    assertThat(score.factors().get(0).note()).isEqualTo("no closed deal reached Proposition: stage default");
  }

  @Test
  void untrained_throwsAProgrammerError() {
    assertThatThrownBy(() -> HistoricalWinRateScorer.of().probability(Fixtures.deal("X", "new"), context))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scorer 'historical' is not trained: call trainedOn(context) first");
  }

  @Test
  void trainedOnNoClosedDeal_isNotScorable() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(Fixtures.context());

    assertThat(SafeScoring.probability(trained, Fixtures.deal("X", "new"), Fixtures.context()).getLeft().message())
        .isEqualTo("Scorer 'historical' cannot score deal X: scorer 'historical' learned from no closed deal");
  }

  @Test
  void dealsClosedAfterAsOf_areNotLearnedFrom() {
    ScoringContext before = context.withAsOf(Fixtures.T0);

    assertThat(before.closedHistory()).isEmpty();
    assertThat(context.closedHistory()).extracting(Deal::id).containsExactly("W", "LQ", "LN");
  }

  @Test
  void closedDeals_scoreTheirOutcome_explainedAgainstTheOverallRate() {
    HistoricalWinRateScorer trained = HistoricalWinRateScorer.of().trainedOn(context);
    Deal won = Fixtures.won(Fixtures.deal("CW", "qualified"));
    Deal lost = Fixtures.lost(Fixtures.deal("CL", "qualified"));

    assertThat(trained.probability(won, context)).isEqualTo(1.0);
    assertThat(trained.probability(lost, context)).isEqualTo(0.0);
    assertThat(trained.score(won, context).factors()).singleElement()
        .satisfies(f -> assertThat(f.note()).isEqualTo("won"));
    assertThat(trained.score(lost, context).factors()).singleElement()
        .satisfies(f -> assertThat(f.note()).isEqualTo("lost"));
  }
}
