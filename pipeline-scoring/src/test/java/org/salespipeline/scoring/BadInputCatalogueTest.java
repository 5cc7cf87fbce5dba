package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.scoring.testing.FixedScorer;

/**
 * The bad-input catalogue of pipeline-scoring (SPEC §5, §8): every public entry point's answer to
 * null, out-of-range, inconsistent and extreme input is exact: an exception naming the problem, a
 * typed {@link ScoringFailure}, or a correct answer within [0, 1]; never NaN, never a hang.
 * Misbehaving plugins are in {@link PluginIsolationTest}; random deals in {@link HostileDealsProperties}.
 */
class BadInputCatalogueTest {

  private static final Deal DEAL = Fixtures.deal("D", "new", "100");
  private static final List<Deal> DEALS = List.of(DEAL);

  static Stream<Arguments> nullArguments() {
    Scorer stage = StageProbabilityScorer.of();
    return Stream.of(
        nul("score scorer", "scorer", () -> SafeScoring.score(null, DEAL, Fixtures.context())),
        nul("score deal", "deal", () -> SafeScoring.score(stage, null, Fixtures.context())),
        nul("score context", "context", () -> SafeScoring.score(stage, DEAL, null)),
        nul("probability scorer", "scorer", () -> SafeScoring.probability(null, DEAL, Fixtures.context())),
        nul("scoreAll deals", "deals", () -> SafeScoring.scoreAll(stage, null, Fixtures.context())),
        nul("scoreAll null deal", "deals must not contain null",
            () -> SafeScoring.scoreAll(stage, java.util.Arrays.asList(DEAL, null), Fixtures.context())),
        nul("withTimeout timeout", "timeout", () -> SafeScoring.withTimeout(null, Runnable::run)),
        nul("context pipeline", "pipeline", () -> ScoringContext.of(null, Fixtures.AS_OF)),
        nul("context asOf", "asOf", () -> ScoringContext.of(Fixtures.PIPELINE, null)),
        nul("context history", "deals", () -> Fixtures.context().withHistory(null)),
        nul("prioritiser scorer", "scorer", () -> Prioritiser.of(null)),
        nul("prioritiser urgency", "urgency", () -> Prioritiser.of(stage).withUrgency(null)),
        nul("prioritiser valuation", "valuation", () -> Prioritiser.of(stage).withValuation(null)),
        nul("rank deals", "deals", () -> Prioritiser.of(stage).rank(null, Fixtures.context())),
        nul("rank context", "context", () -> Prioritiser.of(stage).rank(DEALS, null)),
        nul("backtest scorer", "scorer", () -> Backtest.run(null, Fixtures.PIPELINE, DEALS, Fixtures.AS_OF)),
        nul("backtest splitAt", "splitAt", () -> Backtest.run(stage, Fixtures.PIPELINE, DEALS, null)),
        nul("registry with", "scorer", () -> ScorerRegistry.empty().with(null)),
        nul("registry find", "id", () -> ScorerRegistry.builtIns().find(null)),
        nul("naive Bayes features", "features", () -> NaiveBayesScorer.of((List<String>) null)),
        nul("naive Bayes team", "attribute", () -> NaiveBayesScorer.of().withTeamAttribute(null)),
        nul("scorecard criterion", "criterion",
            () -> QualificationScorecard.bant().withWeight(null, 1)),
        nul("points rule key", "key", () -> PointsRule.attributeEquals(null, "v", 1)),
        nul("points rule threshold", "threshold", () -> PointsRule.amountAtLeast(null, 1)),
        nul("composite part", "scorer", () -> CompositeScorer.builder().add(null, 1)),
        nul("factor name", "name", () -> new Factor(null, "", 0, "")),
        nul("score factors", "factors", () -> new Score(0.5, 0.5, null)));
  }

  private static Arguments nul(String name, String parameter, ThrowingCallable call) {
    return Arguments.of(name, parameter, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullArguments")
  void null_throwsNamingTheParameter(String name, String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(parameter);
  }

  // ------------------------------------------------------------------ out-of-range numbers

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -0.01, 1.01, Double.POSITIVE_INFINITY})
  void scoreOutOfRange_throwsWithTheValue(double probability) {
    assertThatIllegalArgumentException().isThrownBy(() -> Score.of(probability))
        .withMessage("probability must be within [0, 1] but was " + probability);
    assertThatIllegalArgumentException().isThrownBy(() -> new Score(0.5, probability, List.of()))
        .withMessage("baseline must be within [0, 1] but was " + probability);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
  void factorContributionNotFinite_throwsNamingTheFactor(double contribution) {
    assertThatIllegalArgumentException().isThrownBy(() -> new Factor("budget", "YES", contribution, ""))
        .withMessage("contribution of factor 'budget' must be finite but was " + contribution);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -1, Double.POSITIVE_INFINITY})
  void weightsOutOfRange_throwWithTheValue(double weight) {
    assertThatIllegalArgumentException().isThrownBy(() -> QualificationScorecard.bant()
        .withWeight(QualificationScorecard.Criterion.BUDGET, weight)).withMessageContaining(String.valueOf(weight));
    assertThatIllegalArgumentException().isThrownBy(() -> CompositeScorer.builder()
        .add(StageProbabilityScorer.of(), weight)).withMessageContaining("weight of scorer 'stage'");
    assertThatIllegalArgumentException().isThrownBy(() -> Urgency.of(weight, 30, 0))
        .withMessageContaining("closeWeight").withMessageContaining(String.valueOf(weight));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, 0, Double.NEGATIVE_INFINITY})
  void pointsNotFiniteOrZero_throwNamingTheRule(double points) {
    assertThatIllegalArgumentException().isThrownBy(() -> PointsRule.attributeEquals("source", "web", points))
        .withMessageContaining("points of rule").withMessageContaining(String.valueOf(points));
  }

  @Test
  void scorecard_allWeightsZero_isRefused() {
    QualificationScorecard scorecard = QualificationScorecard.bant();
    assertThatIllegalArgumentException().isThrownBy(() -> {
      QualificationScorecard s = scorecard;
      for (QualificationScorecard.Criterion c : QualificationScorecard.Criterion.values()) {
        s = s.withWeight(c, 0);
      }
    }).withMessageContaining("weights");
  }

  @Test
  void probabilityExactlyZeroOrOne_isAValidAnswer_justBeyondIsContained() {
    assertThat(SafeScoring.probability(new FixedScorer("zero", 0.0), DEAL, Fixtures.context()).get()).isEqualTo(0.0);
    assertThat(SafeScoring.probability(new FixedScorer("one", 1.0), DEAL, Fixtures.context()).get()).isEqualTo(1.0);
    assertThat(SafeScoring.probability(new FixedScorer("above", Math.nextUp(1.0)), DEAL, Fixtures.context()).getLeft().code())
        .isEqualTo("INVALID_PROBABILITY");
    assertThat(SafeScoring.probability(new FixedScorer("below", -Double.MIN_VALUE), DEAL, Fixtures.context()).getLeft().code())
        .isEqualTo("INVALID_PROBABILITY");
  }

  @Test
  void top_kBelowOne_throwsWithTheValue_urgencyHorizonBelowOne_too() {
    assertThatIllegalArgumentException().isThrownBy(() -> Prioritiser.of(StageProbabilityScorer.of()).top(0, DEALS, Fixtures.context()))
        .withMessage("k must be at least 1 but was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> Urgency.of(1, 0, 0))
        .withMessage("horizonDays must be at least 1 but was 0");
  }

  @Test
  void naiveBayes_blankOrRepeatedFeatures_areRefusedNamingThem() {
    assertThatIllegalArgumentException().isThrownBy(() -> NaiveBayesScorer.of("source", " "))
        .withMessage("features must not contain a blank name but were [source,  ]");
    assertThatIllegalArgumentException().isThrownBy(() -> NaiveBayesScorer.of("source", "source"))
        .withMessage("features must not repeat a name but were [source, source]");
  }

  @Test
  void composite_withoutParts_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> CompositeScorer.builder().build())
        .withMessage("a composite scorer needs at least one part");
  }

  // ------------------------------------------------------------------ inconsistent input

  @Test
  void untrainedLearnerCalledDirectly_throwsSayingToTrainIt_butScoringTrainsIt() {
    assertThatThrownBy(() -> NaiveBayesScorer.of().score(DEAL, Fixtures.context())).isInstanceOf(IllegalStateException.class)
        .hasMessage("scorer 'naive-bayes' is not trained: call trainedOn(context) first");
    assertThat(SafeScoring.scoreAll(NaiveBayesScorer.of(), DEALS, Fixtures.context()).failures()).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("NOT_SCORABLE"));
  }

  @Test
  void modelOfAnotherPipeline_isNotScorable_namingBothPipelines() {
    Scorer trained = NaiveBayesScorer.of().trainedOn(ScoringContext.of(Fixtures.PIPELINE, Fixtures.AS_OF)
        .withHistory(List.of(Fixtures.won(Fixtures.deal("W", "new")), Fixtures.lost(Fixtures.deal("L", "new")))));
    Deal standard = Pipeline.standard().open(NewDeal.of("S"), Fixtures.T0).get().deal();

    ScoringFailure failure = SafeScoring.score(trained, standard, ScoringContext.of(Pipeline.standard(), Fixtures.AS_OF))
        .getLeft();

    assertThat(failure).isInstanceOf(ScoringFailure.NotScorable.class);
    assertThat(failure.message()).contains("'simple'").contains("'standard'");
  }

  @Test
  void prioritiser_dealsOfOtherPipelinesAndClosedDeals_areLeftOutAndCounted() {
    Deal other = Pipeline.standard().open(NewDeal.of("S"), Fixtures.T0).get().deal();
    Deal won = Fixtures.won(Fixtures.deal("W", "new", "10"));

    Ranking ranking = Prioritiser.of(StageProbabilityScorer.of()).rank(List.of(DEAL, other, won), Fixtures.context());

    assertThat(ranking.deals()).extracting(r -> r.deal().id()).containsExactly("D");
    assertThat(ranking.notes()).contains("1 deals of other pipelines were left out");
  }

  @Test
  void prioritiser_sameDealTwice_isRankedTwiceAsGiven_deterministically() {
    Ranking ranking = Prioritiser.of(StageProbabilityScorer.of()).rank(List.of(DEAL, DEAL), Fixtures.context());

    assertThat(ranking.deals()).extracting(RankedDeal::rank).containsExactly(1, 2);
  }

  @Test
  void prioritiser_valuationReturningNaN_throwsNamingTheDealAndValue() {
    Prioritiser nan = Prioritiser.of(StageProbabilityScorer.of()).withValuation(m -> Double.NaN);

    assertThatIllegalArgumentException().isThrownBy(() -> nan.rank(DEALS, Fixtures.context()))
        .withMessage("valuation must return a finite number >= 0 but returned NaN for 100.00 USD of deal D");
  }

  @Test
  void prioritiser_amountBeyondTheDoubleRange_isRankedByItsExactExpectedValue() {
    Money huge = Money.parse("1E+400", "USD");
    Deal deal = Fixtures.PIPELINE.open(NewDeal.of("HUGE").withAmount(huge), Fixtures.T0).get().deal();
    List<Deal> deals = List.of(DEAL, deal);

    Ranking ranking = Prioritiser.of(StageProbabilityScorer.of()).rank(deals, Fixtures.context());

    assertThat(ranking.deals()).extracting(r -> r.deal().id()).containsExactly("HUGE", "D");
    assertThat(ranking.deals().get(0).expectedValue().get().amount())
        .isEqualByComparingTo(huge.amount().multiply(new java.math.BigDecimal("0.1")));
    assertThat(ranking.deals().get(0).priority()).isEqualTo(Double.MAX_VALUE);
  }

  @Test
  void backtest_noClosedDealAfterTheSplit_givesUndefinedMeasuresNotNaN() {
    BacktestReport report = Backtest.run(StageProbabilityScorer.of(), Fixtures.PIPELINE, DEALS, Fixtures.AS_OF);

    assertThat(report.toString()).doesNotContain("NaN");
    assertThat(report.rocAuc()).isEmpty();
  }

  // ------------------------------------------------------------------ extreme deals

  @Test
  void dealWithTenThousandStageChanges_everyBuiltInScoresWithinZeroAndOne() {
    Deal busy = Fixtures.deal("BUSY", "new", "100");
    for (int i = 1; i <= 10_000; i++) {
      busy = Fixtures.PIPELINE.move(busy, i % 2 == 1 ? "qualified" : "new", Fixtures.T0.plusSeconds(i)).get().deal();
    }
    List<Deal> history = new ArrayList<>(List.of(Fixtures.won(Fixtures.deal("W", "new")),
        Fixtures.lost(Fixtures.deal("L", "qualified"))));
    ScoringContext context = Fixtures.context().withHistory(history);

    for (Scorer scorer : List.of(StageProbabilityScorer.of(), HistoricalWinRateScorer.of(), QualificationScorecard.bant(),
        NaiveBayesScorer.of("source"), PointsScorer.of(PointsRule.inStage("new", 5)))) {
      ScoredBatch result = SafeScoring.scoreAll(scorer, List.of(busy), context);
      assertThat(result.failures()).as(scorer.id()).isEmpty();
      assertThat(result.scored().get(0).score().probability()).as(scorer.id()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void dealsAtInstantMinAndMax_areScored_andUrgencyStaysFinite() {
    Deal ancient = Fixtures.PIPELINE.open(NewDeal.of("OLD").withAmount(Money.parse("5", "USD")), Instant.MIN).get().deal();
    ScoringContext endOfTime = ScoringContext.of(Fixtures.PIPELINE, Instant.MAX);
    Prioritiser urgent = Prioritiser.of(StageProbabilityScorer.of()).withUrgency(Urgency.of(1, 30, 1));

    Ranking ranking = urgent.rank(List.of(ancient), endOfTime);

    assertThat(ranking.deals()).singleElement().satisfies(r -> {
      assertThat(r.probability()).isEqualTo(0.1);
      assertThat(r.urgency()).isFinite().isGreaterThanOrEqualTo(1.0);
    });
    assertThat(SafeScoring.score(QualificationScorecard.bant(), ancient, endOfTime).get().probability()).isBetween(0.0, 1.0);
  }

  @Test
  void emptyAndSingleDealDataSets_giveEmptyOrSingleRankings() {
    Prioritiser prioritiser = Prioritiser.of(NaiveBayesScorer.of("source"));

    assertThat(prioritiser.rank(List.of(), Fixtures.context()).deals()).isEmpty();
    assertThat(SafeScoring.scoreAll(StageProbabilityScorer.of(), List.of(), Fixtures.context())).isEqualTo(
        new ScoredBatch(List.of(), List.of()));
    Ranking single = Prioritiser.of(QualificationScorecard.bant()).top(5, DEALS, Fixtures.context());
    assertThat(single.deals()).singleElement().satisfies(r -> assertThat(r.rank()).isEqualTo(1));
  }

  @Test
  void timeout_forAnInstantScorer_changesNothing() {
    TimeLimitedScoring timed = SafeScoring.withTimeout(Duration.ofSeconds(30), Runnable::run);

    assertThat(timed.scoreAll(QualificationScorecard.bant(), DEALS, Fixtures.context()))
        .isEqualTo(SafeScoring.scoreAll(QualificationScorecard.bant(), DEALS, Fixtures.context()));
    assertThat(timed.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unknownQualification_scoresTheFloorOfTheScorecard_notNaN() {
    Deal unknown = Fixtures.qualified("U", QualificationLevel.UNKNOWN, QualificationLevel.UNKNOWN,
        QualificationLevel.UNKNOWN, QualificationLevel.UNKNOWN, QualificationLevel.UNKNOWN);

    Score score = QualificationScorecard.bant().score(unknown, Fixtures.context());

    assertThat(score.probability()).isBetween(0.0, 1.0).isNotNaN();
    assertThat(score.explainedProbability()).isCloseTo(score.probability(), org.assertj.core.api.Assertions.within(1e-12));
  }
}
