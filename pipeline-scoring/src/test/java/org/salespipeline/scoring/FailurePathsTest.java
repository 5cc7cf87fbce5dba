package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.scoring.testing.FixedScorer;

/**
 * The paths a misbehaving scorer takes through training, time-limited scoring, the backtest and
 * plugin discovery: each failure is reported with its kind, or, for an {@link Error}, passed on.
 * The time-limited calls run on the calling thread here ({@code Runnable::run}), so they never time out.
 */
class FailurePathsTest {

  private static final Executor CALLING_THREAD = Runnable::run;

  @Test
  void timeLimited_probability_isTheScorersAnswer() {
    TimeLimitedScoring limited = SafeScoring.withTimeout(Duration.ofMinutes(1), CALLING_THREAD);

    assertThat(limited.probability(StageProbabilityScorer.of(), Fixtures.deal("A", "qualified"), Fixtures.context()).get())
        .isEqualTo(0.4);
  }

  @Test
  void timeLimited_scoreAll_ofALearnerThatFailsToLearn_failsEveryDealWithItsKind() {
    TimeLimitedScoring limited = SafeScoring.withTimeout(Duration.ofMinutes(1), CALLING_THREAD);
    List<Deal> deals = List.of(Fixtures.deal("A", "new"), Fixtures.deal("B", "new"));

    ScoredBatch notScorable = limited.scoreAll(
        Learner.failing("bad-learner", new NotScorableException("nothing closed")), deals,
        Fixtures.context());
    ScoredBatch threw = limited.scoreAll(
        Learner.failing("bad-learner", new IllegalStateException("broken")), deals, Fixtures.context());

    assertThat(notScorable.failures()).extracting(ScoringFailure::code, ScoringFailure::dealId).containsExactly(
        org.assertj.core.groups.Tuple.tuple("NOT_SCORABLE", "A"), org.assertj.core.groups.Tuple.tuple("NOT_SCORABLE", "B"));
    assertThat(threw.failures()).extracting(ScoringFailure::code).containsExactly("SCORER_THREW", "SCORER_THREW");
  }

  @Test
  void timeLimited_anErrorFromTheScorer_isPassedOn() {
    Scorer failing = new FixedScorer("asserting", 0.5) {
      @Override
      public double probability(Deal deal, ScoringContext context) {
        throw new AssertionError("scorer's own assertion");
      }
    };
    TimeLimitedScoring limited = SafeScoring.withTimeout(Duration.ofMinutes(1), CALLING_THREAD);

    assertThatThrownBy(() -> limited.probability(failing, Fixtures.deal("A", "new"), Fixtures.context()))
        .isInstanceOf(AssertionError.class).hasMessage("scorer's own assertion");
  }

  @Test
  void defaultTrainer_ofALearnerReturningNull_namesIt() {
    ScorerTrainer trainer = new Learner("bad-learner", context -> null).trainer(Fixtures.context());

    assertThatThrownBy(trainer::trained).isInstanceOf(NullPointerException.class)
        .hasMessage("scorer 'bad-learner' returned null from trainedOn");
  }

  @Test
  void defaultTrainer_ofALearner_trainsOnTheContextsClosedDealsAndTheDealsAdded() {
    Deal won = Fixtures.won(Fixtures.deal("W", "new"));
    Deal lost = Fixtures.lost(Fixtures.deal("L", "new"));
    ScoringContext[] trainedOn = new ScoringContext[1];
    Learner learner = new Learner("recording", context -> {
      trainedOn[0] = context;
      return StageProbabilityScorer.of();
    });

    learner.trainer(Fixtures.context().withHistory(List.of(won))).add(lost).trained();

    assertThat(trainedOn[0].closedHistory()).extracting(Deal::id).containsExactly("W", "L");
  }

  @Test
  void composite_aPartWhoseTrainerIsNull_namesTheComposite() {
    Scorer part = new FixedScorer("part", 0.5) {
      @Override
      public ScorerTrainer trainer(ScoringContext context) {
        return null;
      }
    };
    CompositeScorer composite = CompositeScorer.builder().id("blend").add(part, 1).build();

    assertThatThrownBy(() -> composite.trainer(Fixtures.context())).isInstanceOf(NullPointerException.class)
        .hasMessage("scorer 'blend': a part returned null from trainer");
  }

  @Test
  void composite_aPartsTrainerTrainingNull_namesTheComposite() {
    Scorer part = new FixedScorer("part", 0.5) {
      @Override
      public ScorerTrainer trainer(ScoringContext context) {
        return new ScorerTrainer() {
          @Override
          public ScorerTrainer add(Deal deal) {
            return this;
          }

          @Override
          public Scorer trained() {
            return null;
          }
        };
      }
    };
    ScorerTrainer trainer = CompositeScorer.builder().id("blend").add(part, 1).build().trainer(Fixtures.context());

    assertThatThrownBy(trainer::trained).isInstanceOf(NullPointerException.class)
        .hasMessage("scorer 'blend': a part's trainer returned null from trained");
  }

  @Test
  void backtest_ofALearnerThatFailsToLearn_failsEveryTestDealWithItsKind() {
    List<Deal> deals = List.of(Fixtures.won(Fixtures.deal("W", "new")), Fixtures.lost(Fixtures.deal("L", "new")));

    BacktestReport threw = Backtest.run(
        Learner.failing("bad-learner", new IllegalStateException("broken")), Fixtures.PIPELINE, deals,
        Fixtures.T0);

    assertThat(threw.failures()).extracting(ScoringFailure::code).containsExactly("SCORER_THREW", "SCORER_THREW");
    assertThat(threw.testDeals()).isZero();
  }

  @Test
  void discover_withoutAContextClassLoader_searchesThisModulesLoader() {
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    ScorerRegistry found;
    try {
      thread.setContextClassLoader(null);
      found = ScorerRegistry.discover();
    } finally {
      thread.setContextClassLoader(saved);
    }

    assertThat(found.find(FixedScorer.ID).isDefined()).as("the test plugin found").isTrue();
  }

  @Test
  void trainer_addsChain() {
    ScorerTrainer trainer = NaiveBayesScorer.of("source").trainer(ScoringContext.of(Fixtures.PIPELINE, Fixtures.AS_OF));

    Scorer trained = trainer.add(Fixtures.won(Fixtures.deal("W", "new"))).add(Fixtures.lost(Fixtures.deal("L", "new")))
        .trained();

    assertThat(((NaiveBayesScorer) trained).closedDealsLearned().get()).isEqualTo(2);
  }

  @Test
  void aScorerWhoseIdThrows_isNamedByItsClass() {
    Scorer nameless = new FixedScorer("x", 0.5) {
      @Override
      public String id() {
        throw new IllegalStateException("no id");
      }

      @Override
      public double probability(Deal deal, ScoringContext context) {
        throw new IllegalStateException("no score");
      }
    };

    assertThat(SafeScoring.probability(nameless, Fixtures.deal("A", "new"), Fixtures.context()).getLeft().scorerId())
        .isEqualTo(nameless.getClass().getName());
  }
}
