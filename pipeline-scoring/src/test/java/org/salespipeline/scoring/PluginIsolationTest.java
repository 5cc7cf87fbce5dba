package org.salespipeline.scoring;

import org.salespipeline.scoring.testing.FixedScorer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.salespipeline.core.Deal;
import org.salespipeline.scoring.testing.ThrowingScorer;

/**
 * SPEC §5: a scorer plugin that throws, returns NaN or never returns is contained and named, and
 * every other deal is still scored. The hanging plugins wait on a latch, never on the clock; the
 * timeout only bounds how long a test can wait for one of them.
 */
class PluginIsolationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final List<Deal> deals = List.of(Fixtures.deal("A", "new"), Fixtures.deal("B", "qualified"),
      Fixtures.deal("C", "proposition"));
  private final ExecutorService pool = Executors.newCachedThreadPool();
  /** Released after each test, so that no plugin thread outlives it. */
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void noThreadIsLeft() throws InterruptedException {
    never.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("every plugin call ended").isTrue();
  }

  @Test
  void neverReturns_timesOutNamingScorerAndDeal_othersAreScored() {
    ScoredBatch result = SafeScoring.withTimeout(TIMEOUT, pool).scoreAll(new HangsOn("B", false), deals, Fixtures.context());

    assertThat(result.scored()).extracting(s -> s.deal().id()).containsExactly("A", "C");
    assertThat(result.scored()).extracting(s -> s.score().probability()).containsExactly(0.1, 0.7);
    assertThat(result.failures()).containsExactly(new ScoringFailure.TimedOut("hangs", "B", TIMEOUT));
    assertThat(result.failures().get(0).code()).isEqualTo("TIMED_OUT");
    assertThat(result.failures().get(0).message())
        .isEqualTo("Scorer 'hangs' gave no score for deal B within PT1S; the call was cancelled");
  }

  @Test
  void timesOutTwice_loggedOnceAtWarn_namingScorerAndTimeout() {
    CapturingLogger log = new CapturingLogger();
    TimeLimitedScoring timed = new TimeLimitedScoring(TIMEOUT, pool, log);
    HangsOn plugin = new HangsOn("B", false);

    assertThat(timed.probability(plugin, deals.get(1), Fixtures.context()).getLeft().code()).isEqualTo("TIMED_OUT");
    timed.score(plugin, deals.get(1), Fixtures.context());
    timed.probability(plugin, deals.get(0), Fixtures.context());

    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo(Level.WARN);
      assertThat(line.message()).startsWith("Scorer 'hangs' was cut off after PT1S (deal B)");
    });
  }

  @Test
  void trainingTimesOut_loggedOnceForAllItsDeals() {
    CapturingLogger log = new CapturingLogger();

    ScoredBatch result = new TimeLimitedScoring(TIMEOUT, pool, log).scoreAll(
        Learner.waitingFor("slow-learner", never), deals,
        Fixtures.context());

    assertThat(result.failures()).hasSize(3);
    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo(Level.WARN);
      assertThat(line.message()).startsWith("Scorer 'slow-learner' was cut off after PT1S (training)");
    });
  }

  @Test
  void inTime_logsNothing() {
    CapturingLogger log = new CapturingLogger();

    ScoredBatch result = new TimeLimitedScoring(TIMEOUT, pool, log).scoreAll(StageProbabilityScorer.of(), deals,
        Fixtures.context());

    assertThat(result.scored()).hasSize(3);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void neverReturns_theCallIsInterrupted_soItsThreadIsFreed() throws InterruptedException {
    HangsOn plugin = new HangsOn("B", false);

    SafeScoring.withTimeout(TIMEOUT, pool).probability(plugin, deals.get(1), Fixtures.context());

    assertThat(plugin.interrupted.await(10, TimeUnit.SECONDS)).as("the hung call saw the interrupt").isTrue();
  }

  @Test
  void ignoresInterruption_othersAreStillScoredOnOtherThreads() {
    ScoredBatch result = SafeScoring.withTimeout(TIMEOUT, pool).scoreAll(new HangsOn("A", true), deals, Fixtures.context());

    assertThat(result.scored()).extracting(s -> s.deal().id()).containsExactly("B", "C");
    assertThat(result.failures()).extracting(ScoringFailure::dealId).containsExactly("A");
  }

  @Test
  void throwsReturnsNaNOrHangs_eachContained_goodDealsScoredOnEveryPath() {
    TimeLimitedScoring timed = SafeScoring.withTimeout(TIMEOUT, pool);
    Deal deal = deals.get(0);

    assertThat(timed.score(new ThrowingScorer(java.util.Set.of("A")), deal, Fixtures.context()).getLeft())
        .isInstanceOfSatisfying(ScoringFailure.Threw.class, f -> assertThat(f.cause()).hasMessage("boom on A"));
    assertThat(timed.probability(new FixedScorer("nan", Double.NaN), deal, Fixtures.context()).getLeft())
        .isEqualTo(new ScoringFailure.InvalidProbability("nan", "A", Double.NaN));
    assertThat(timed.score(new FixedScorer("nan", Double.NaN), deal, Fixtures.context()).getLeft().message())
        .isEqualTo("Scorer 'nan' failed on deal A: java.lang.IllegalArgumentException: "
            + "probability must be within [0, 1] but was NaN");
    assertThat(timed.score(StageProbabilityScorer.of(), deal, Fixtures.context()).get().probability()).isEqualTo(0.1);
    assertThat(timed.probability(StageProbabilityScorer.of(), deals.get(2), Fixtures.context()).get()).isEqualTo(0.7);
  }

  @Test
  void trainingNeverReturns_everyDealTimesOut() {
    Scorer learner = Learner.waitingFor("slow-learner", never);

    ScoredBatch result = SafeScoring.withTimeout(TIMEOUT, pool).scoreAll(learner, deals, Fixtures.context());

    assertThat(result.scored()).isEmpty();
    assertThat(result.failures()).containsExactly(new ScoringFailure.TimedOut("slow-learner", "A", TIMEOUT),
        new ScoringFailure.TimedOut("slow-learner", "B", TIMEOUT), new ScoringFailure.TimedOut("slow-learner", "C", TIMEOUT));
  }

  @Test
  void learnedFromNothing_everyDealNotScorable_asWithoutTimeout() {
    ScoredBatch result = SafeScoring.withTimeout(TIMEOUT, pool)
        .scoreAll(HistoricalWinRateScorer.of(), deals, Fixtures.context()); // learned from no closed deal

    assertThat(result.failures()).hasSize(3).allSatisfy(f -> assertThat(f.code()).isEqualTo("NOT_SCORABLE"));
    assertThat(result.failures()).isEqualTo(SafeScoring.scoreAll(HistoricalWinRateScorer.of(), deals, Fixtures.context())
        .failures());
  }

  @Test
  void untrainedLearner_isTrainedOnThePool_thenScores() {
    List<Deal> history = List.of(Fixtures.won(Fixtures.deal("W", "new")), Fixtures.lost(Fixtures.deal("L", "new")));
    ScoringContext context = Fixtures.context().withHistory(history);

    ScoredBatch timed = SafeScoring.withTimeout(TIMEOUT, pool).scoreAll(HistoricalWinRateScorer.of(), deals, context);

    assertThat(timed).isEqualTo(SafeScoring.scoreAll(HistoricalWinRateScorer.of(), deals, context));
    assertThat(timed.failures()).isEmpty();
  }

  @Test
  void callerInterrupted_throwsCancellation_andKeepsTheInterruptFlag() {
    TimeLimitedScoring timed = SafeScoring.withTimeout(TIMEOUT, pool);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> timed.score(new HangsOn("A", false), deals.get(0), Fixtures.context()))
          .isInstanceOf(CancellationException.class).hasMessage("interrupted while waiting for a scorer");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void enormousTimeout_waitsAsLongAsNeeded() {
    TimeLimitedScoring forever = SafeScoring.withTimeout(ChronoUnit.FOREVER.getDuration(), pool);

    assertThat(forever.timeout()).isEqualTo(ChronoUnit.FOREVER.getDuration());
    assertThat(forever.scoreAll(StageProbabilityScorer.of(), deals, Fixtures.context()).scored()).hasSize(3);
  }

  @Test
  void badTimeoutOrExecutor_throwNamingThem() {
    assertThatIllegalArgumentException().isThrownBy(() -> SafeScoring.withTimeout(Duration.ZERO, pool))
        .withMessage("timeout must be positive but was PT0S");
    assertThatIllegalArgumentException().isThrownBy(() -> SafeScoring.withTimeout(Duration.ofMillis(-1), pool))
        .withMessage("timeout must be positive but was PT-0.001S");
    assertThatNullPointerException().isThrownBy(() -> SafeScoring.withTimeout(null, pool)).withMessage("timeout");
    assertThatNullPointerException().isThrownBy(() -> SafeScoring.withTimeout(TIMEOUT, null)).withMessage("executor");
    TimeLimitedScoring timed = SafeScoring.withTimeout(TIMEOUT, pool);
    assertThatNullPointerException().isThrownBy(() -> timed.scoreAll(null, deals, Fixtures.context())).withMessage("scorer");
    assertThatNullPointerException().isThrownBy(() -> timed.score(StageProbabilityScorer.of(), null, Fixtures.context()))
        .withMessage("deal");
    assertThatNullPointerException().isThrownBy(() -> timed.probability(StageProbabilityScorer.of(), deals.get(0), null))
        .withMessage("context");
  }

  @Test
  void shutDownExecutor_refusesTheTask() {
    ExecutorService closed = Executors.newSingleThreadExecutor();
    closed.shutdown();

    assertThatThrownBy(() -> SafeScoring.withTimeout(TIMEOUT, closed).score(StageProbabilityScorer.of(), deals.get(0),
        Fixtures.context())).isInstanceOf(RejectedExecutionException.class);
  }

  /** Never returns for one deal (until the test ends); the stage probability for the others. */
  private final class HangsOn implements Scorer {
    private final String dealId;
    private final boolean ignoresInterrupts;
    final CountDownLatch interrupted = new CountDownLatch(1);

    HangsOn(String dealId, boolean ignoresInterrupts) {
      this.dealId = dealId;
      this.ignoresInterrupts = ignoresInterrupts;
    }

    @Override
    public String id() {
      return "hangs";
    }

    @Override
    public Score score(Deal deal, ScoringContext context) {
      return Score.of(probability(deal, context));
    }

    @Override
    public double probability(Deal deal, ScoringContext context) {
      if (deal.id().equals(dealId)) {
        while (true) {
          try {
            never.await();
            return 0.5;
          } catch (InterruptedException e) {
            interrupted.countDown();
            if (!ignoresInterrupts) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
          }
        }
      }
      return StageProbabilityScorer.of().probability(deal, context);
    }
  }

}
