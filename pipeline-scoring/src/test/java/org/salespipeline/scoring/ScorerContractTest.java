package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * What every built-in scorer promises through the SPI (learns, trained, same id once trained, a
 * readable description), and the urgency multiplier at its edges, checked by hand: the mutation
 * tests found these covered only by the random properties.
 */
class ScorerContractTest {

  private static final List<Deal> HISTORY = List.of(Fixtures.won(Fixtures.attribute(Fixtures.deal("W", "new"), "source",
      "web")), Fixtures.lost(Fixtures.attribute(Fixtures.deal("L", "new"), "source", "fair")));
  /** The context with {@link #HISTORY}, built before each test. */
  private ScoringContext context;

  @BeforeEach
  void buildContext() {
    context = Fixtures.context().withHistory(HISTORY);
  }

  @Test
  void learners_sayTheyLearn_areNotTrainedUntilTrained_keepTheirId() {
    List<Scorer> learners = List.of(NaiveBayesScorer.of("source"), HistoricalWinRateScorer.of(),
        CompositeScorer.builder().add(StageProbabilityScorer.of(), 1).add(NaiveBayesScorer.of("source"), 1).build());
    for (Scorer learner : learners) {
      Scorer trained = learner.trainedOn(context);
      assertThat(learner.learns()).as(learner.id()).isTrue();
      assertThat(learner.isTrained()).as(learner.id()).isFalse();
      assertThat(trained.isTrained()).as(learner.id()).isTrue();
      assertThat(trained.id()).isEqualTo(learner.id());
      if (!(learner instanceof CompositeScorer)) { // a composite describes its parts, not their training
        assertThat(trained.toString()).isNotEqualTo(learner.toString());
      }
      Deal deal = Fixtures.deal("D", "new");
      assertThat(trained.probability(deal, context)).isEqualTo(trained.score(deal, context).probability());
    }
  }

  @Test
  void nonLearners_areReadyAsTheyAre() {
    for (Scorer scorer : List.of(StageProbabilityScorer.of(), QualificationScorecard.bant(),
        PointsScorer.of(PointsRule.inStage("new", 5)))) {
      assertThat(scorer.learns()).as(scorer.id()).isFalse();
      assertThat(scorer.isTrained()).as(scorer.id()).isTrue();
      assertThat(scorer.trainedOn(context)).isSameAs(scorer);
    }
    CompositeScorer composite = CompositeScorer.builder().add(QualificationScorecard.bant(), 1).build();
    assertThat(composite.learns()).isFalse();
    assertThat(composite.isTrained()).isTrue();
  }

  @Test
  void descriptions_nameTheScorerAndItsParts() {
    CompositeScorer composite = CompositeScorer.builder().id("blend").add(StageProbabilityScorer.of(), 1)
        .add(QualificationScorecard.bant(), 3).build();

    assertThat(composite.toString()).isEqualTo("CompositeScorer[blend: stage x 1.0, scorecard x 3.0]");
    assertThat(composite.weights()).containsExactly(1.0, 3.0);
    assertThat(NaiveBayesScorer.of("source").withTeamAttribute("team").toString())
        .isEqualTo("NaiveBayesScorer[naive-bayes, features [source], team team, untrained]");
    assertThat(NaiveBayesScorer.of("source").trainedOn(context).toString()).endsWith("trained on 2 closed deals]");
    assertThat(HistoricalWinRateScorer.of().toString()).isEqualTo("HistoricalWinRateScorer[untrained]");
    assertThat(HistoricalWinRateScorer.of().trainedOn(context).toString()).isEqualTo("HistoricalWinRateScorer[1 won, 1 lost]");
    assertThat(ScorerRegistry.builtIns().toString()).isEqualTo("ScorerRegistry[stage, historical, scorecard, naive-bayes]");
    assertThat(ScorerRegistry.builtIns().scorers()).hasSize(4);
    Prioritiser prioritiser = Prioritiser.of(StageProbabilityScorer.of());
    assertThat(prioritiser.toString()).isEqualTo("Prioritiser[stage]");
    assertThat(prioritiser.scorer()).isEqualTo(StageProbabilityScorer.of());
    assertThat(prioritiser.withUrgency(Urgency.of(1, 30, 0)).toString()).startsWith("Prioritiser[stage, ");
    PointsScorer points = PointsScorer.of(PointsRule.inStage("new", 5)).withId("fit");
    assertThat(points.id()).isEqualTo("fit");
    assertThat(points.rules()).hasSize(1);
    assertThat(points.toString()).contains("fit");
  }

  @Test
  void pointsRules_matchOnlyTheirCase() {
    Deal inNew = Fixtures.deal("N", "new", "100");
    Deal inQualified = Fixtures.deal("Q", "qualified", "99.99");

    assertThat(PointsRule.inStage("new", 5).condition().test(inNew)).isTrue();
    assertThat(PointsRule.inStage("new", 5).condition().test(inQualified)).isFalse();
    assertThat(PointsRule.amountAtLeast(Money.parse("100", "USD"), 5).condition().test(inNew)).as("at least: equal counts")
        .isTrue();
    assertThat(PointsRule.amountAtLeast(Money.parse("100", "USD"), 5).condition().test(inQualified)).isFalse();
    assertThat(PointsRule.qualification(QualificationScorecard.Criterion.BUDGET,
        org.salespipeline.core.QualificationLevel.YES, 5).condition().test(inNew)).isFalse();
  }

  @Test
  void urgency_closenessAndRotting_atTheirEdges() {
    Pipeline rotting = Pipeline.builder("rot", "Rot")
        .openStage(Stage.open("new", "New").withProbability(0.1).withRottingAfter(Duration.ofDays(10)))
        .wonStage(Stage.won("won", "Won")).lostStage(Stage.lost("lost", "Lost")).build();
    Deal deal = rotting.setExpectedClose(rotting.open(NewDeal.of("U"), Fixtures.T0).get().deal(),
        LocalDate.of(2025, 1, 11), Fixtures.T0).get().deal();
    Urgency close = Urgency.of(1, 10, 0);
    Urgency rot = Urgency.of(0, 10, 0.5);

    assertThat(close.isNone()).isFalse();
    assertThat(Urgency.of(0, 10, 0).isNone()).isTrue();
    assertThat(rot.isNone()).isFalse();
    assertThat(close.multiplier(deal, rotting, Fixtures.T0)).as("10 days ahead of a 10-day horizon").isEqualTo(1.0);
    assertThat(close.multiplier(deal, rotting, Fixtures.T0.plus(Duration.ofDays(5)))).isEqualTo(1.5);
    assertThat(close.multiplier(deal, rotting, Fixtures.T0.plus(Duration.ofDays(10)))).as("due today").isEqualTo(2.0);
    assertThat(close.multiplier(deal, rotting, Fixtures.T0.plus(Duration.ofDays(30)))).as("overdue").isEqualTo(2.0);
    assertThat(rot.multiplier(deal, rotting, Fixtures.T0.plus(Duration.ofDays(10)))).as("at the threshold").isEqualTo(1.0);
    assertThat(rot.multiplier(deal, rotting, Fixtures.T0.plus(Duration.ofDays(11)))).isEqualTo(1.5);
    assertThat(rot.multiplier(Fixtures.deal("S", "new"), Fixtures.PIPELINE, Fixtures.AS_OF))
        .as("no threshold, never rotting").isEqualTo(1.0);
    assertThat(close.multiplier(deal, rotting, Instant.MAX)).as("after every date: overdue").isEqualTo(2.0);
    Deal ancient = rotting.open(NewDeal.of("M"), Instant.MIN).get().deal();
    Deal ancientClosingSoon = rotting.setExpectedClose(ancient, LocalDate.MIN.plusYears(1), Instant.MIN).get().deal();
    assertThat(close.multiplier(ancientClosingSoon, rotting, Instant.MIN)).as("before every date: far ahead")
        .isEqualTo(1.0);
    assertThat(Urgency.of(Double.MAX_VALUE, 10, Double.MAX_VALUE).multiplier(deal, rotting,
        Fixtures.T0.plus(Duration.ofDays(11)))).as("the greatest weights, due and rotting: finite").isEqualTo(Double.MAX_VALUE);
  }

  @Test
  void timedScoring_anErrorThrownByAScorer_isNotContained_asWithoutTimeout() throws InterruptedException {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Scorer erroring = new Scorer() {
        @Override
        public String id() {
          return "error";
        }

        @Override
        public Score score(Deal deal, ScoringContext context) {
          throw new AssertionError("an Error is not a scoring failure");
        }
      };
      assertThatThrownBy(() -> SafeScoring.withTimeout(Duration.ofSeconds(30), pool).score(erroring, Fixtures.deal("E", "new"),
          Fixtures.context())).isInstanceOf(AssertionError.class).hasMessage("an Error is not a scoring failure");
      assertThat(SafeScoring.withTimeout(Duration.ofSeconds(30), pool).probability(StageProbabilityScorer.of(),
          Fixtures.deal("P", "proposition"), Fixtures.context()).get()).isEqualTo(0.7);
      assertThat(SafeScoring.withTimeout(Duration.ofNanos(1), pool).timeout()).isEqualTo(Duration.ofNanos(1));
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
