package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.DealGenerator;

/**
 * Trained models, scorers, prioritisers and rankings shared across threads (SPEC §1: thread-safe):
 * scorers called from many threads at once give exactly the results of one thread.
 */
class ConcurrencyTest {

  private static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");
  private static final List<Deal> DEALS = DealGenerator.standard(21).deals(1_500);
  private static final List<Deal> OPEN = DEALS.stream().flatMap(d -> d.asOf(AS_OF).toJavaStream())
      .filter(Deal::isOpen).collect(Collectors.toList());

  private final ExecutorService pool = Executors.newFixedThreadPool(6);
  /**
   * One context per test, shared by all its threads (that sharing is what is tested); built per test,
   * not at class load, so mutation testing credits the tests with the code it runs.
   */
  private ScoringContext context;

  @BeforeEach
  void buildContext() {
    context = ScoringContext.of(Pipeline.standard(), AS_OF).withHistory(DEALS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  private List<Scorer> trainedScorers() {
    return List.of(NaiveBayesScorer.of("source", "segment", "product").trainedOn(context),
        NaiveBayesScorer.of("source").withTeamAttribute("segment").trainedOn(context),
        HistoricalWinRateScorer.of().trainedOn(context), QualificationScorecard.bant(), StageProbabilityScorer.of(),
        CompositeScorer.builder().add(QualificationScorecard.bant(), 1).add(NaiveBayesScorer.of("source"), 2).build()
            .trainedOn(context));
  }

  @Test
  void sharedTrainedModels_manyThreadsAtOnce_sameScoresAsOneThread() throws Exception {
    for (Scorer scorer : trainedScorers()) {
      List<Score> expected = OPEN.stream().map(d -> scorer.score(d, context)).collect(Collectors.toList());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Score>>> futures = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          return OPEN.stream().map(d -> scorer.score(d, context)).collect(Collectors.toList());
        }));
      }
      start.countDown();
      for (Future<List<Score>> future : futures) {
        assertThat(future.get(60, TimeUnit.SECONDS)).as(scorer.id()).isEqualTo(expected);
      }
    }
  }

  @Test
  void fastPathOnAParallelStream_bitForBitTheSequentialProbabilities() {
    for (Scorer scorer : trainedScorers()) {
      double[] sequential = OPEN.stream().mapToDouble(d -> scorer.probability(d, context)).toArray();
      double[] parallel = OPEN.parallelStream().mapToDouble(d -> scorer.probability(d, context)).toArray();

      assertThat(parallel).as(scorer.id()).containsExactly(sequential);
    }
  }

  @Test
  void untrainedScorerTrainedByManyThreadsAtOnce_givesEqualModels() throws Exception {
    NaiveBayesScorer untrained = NaiveBayesScorer.of("source", "segment");
    List<Future<Scorer>> futures = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      futures.add(pool.submit(() -> untrained.trainedOn(context)));
    }
    Scorer reference = untrained.trainedOn(context);
    List<Double> expected = OPEN.stream().map(d -> reference.probability(d, context)).collect(Collectors.toList());

    for (Future<Scorer> future : futures) {
      Scorer trained = future.get(60, TimeUnit.SECONDS);
      assertThat(OPEN.stream().map(d -> trained.probability(d, context)).collect(Collectors.toList())).isEqualTo(expected);
    }
  }

  @Test
  void sharedPrioritiser_manyThreadsRanking_sameRankingAsOneThread() throws Exception {
    Prioritiser prioritiser = Prioritiser.of(NaiveBayesScorer.of("source", "segment")).withUrgency(Urgency.of(0.5, 60, 0.5));
    Ranking expected = prioritiser.rank(DEALS, context);
    List<Future<Ranking>> futures = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      boolean top = t % 2 == 0;
      futures.add(pool.submit(() -> top ? prioritiser.top(50, DEALS, context) : prioritiser.rank(DEALS, context)));
    }
    for (int t = 0; t < futures.size(); t++) {
      Ranking ranking = futures.get(t).get(60, TimeUnit.SECONDS);
      List<RankedDeal> want = t % 2 == 0 ? expected.deals().subList(0, 50) : expected.deals();
      assertThat(ranking.deals()).isEqualTo(want);
    }
  }

  @Test
  void timedScoringFromManyThreadsOnOnePool_sameResultsAsPlainScoring() throws Exception {
    Scorer scorer = trainedScorers().get(0);
    ScoredBatch expected = SafeScoring.scoreAll(scorer, OPEN, context);
    TimeLimitedScoring timed = SafeScoring.withTimeout(java.time.Duration.ofSeconds(30), pool);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<ScoredBatch>> futures = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        futures.add(callers.submit(() -> timed.scoreAll(scorer, OPEN, context)));
      }
      for (Future<ScoredBatch> future : futures) {
        assertThat(future.get(120, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      callers.shutdown();
      assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
