package org.salespipeline.bench.jmh;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.salespipeline.core.Deal;
import org.salespipeline.bench.BenchDeals;
import org.salespipeline.scoring.NaiveBayesScorer;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.QualificationScorecard;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.Scorer;
import org.salespipeline.scoring.ScoringContext;

/**
 * Scoring over the bench's realistic deals: the fast path ({@link Scorer#probability}) of the BANT
 * scorecard and of naive Bayes (trained on the closed deals; features source, segment, product)
 * per <em>open</em> deal (closed deals cost naive Bayes nothing: they score 1 or 0), the explained
 * naive Bayes score per open deal, and the top-100 prioritisation of all the deals.
 *
 * <p>{@code deals} sets the data set: at 10,000 deals the open deals' objects fit in the caches and
 * the scorers' own work shows; at 1,000,000 (run with {@code -Xmx8g} or more) every deal is a trip
 * to memory, as in a large CRM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {

  private static final int SCORED = 1_000;

  /** How many deals to generate; the scorers run over the first {@value #SCORED} open ones, spread evenly. */
  @Param({"10000", "1000000"})
  public int deals;

  private List<Deal> all;
  private Deal[] open;
  private ScoringContext context;
  private Scorer scorecard;
  private NaiveBayesScorer naiveBayes;
  private Prioritiser prioritiser;

  /** Generates the deals, picks open ones across the whole set and trains naive Bayes. */
  @Setup
  public void setUp() {
    BenchDeals generator = BenchDeals.standard(42);
    all = generator.deals(deals);
    Instant asOf = all.stream().map(Deal::lastEventAt).max(Comparator.naturalOrder()).orElseThrow();
    List<Deal> openDeals = all.stream().filter(Deal::isOpen).toList();
    if (openDeals.size() < SCORED) {
      throw new IllegalStateException("the data set has " + openDeals.size() + " open deals, fewer than " + SCORED);
    }
    open = new Deal[SCORED];
    for (int i = 0; i < SCORED; i++) {
      open[i] = openDeals.get((int) ((long) i * openDeals.size() / SCORED));
    }
    context = ScoringContext.of(generator.pipeline(), asOf).withHistory(all);
    scorecard = QualificationScorecard.bant();
    naiveBayes = NaiveBayesScorer.of("source", "segment", "product").trainedOn(context);
    prioritiser = Prioritiser.of(naiveBayes);
  }

  /**
   * The scorecard's probability of each open deal.
   *
   * @return the sum, so nothing is optimised away
   */
  @Benchmark
  @OperationsPerInvocation(SCORED)
  public double scorecard() {
    return probabilities(scorecard);
  }

  /**
   * Naive Bayes' probability of each open deal.
   *
   * @return the sum, so nothing is optimised away
   */
  @Benchmark
  @OperationsPerInvocation(SCORED)
  public double naiveBayes() {
    return probabilities(naiveBayes);
  }

  private double probabilities(Scorer scorer) {
    double sum = 0;
    for (Deal deal : open) {
      sum += scorer.probability(deal, context);
    }
    return sum;
  }

  /**
   * Naive Bayes' explained score of each open deal: the slow path, for comparison.
   *
   * @return the sum of the factors' counts, so nothing is optimised away
   */
  @Benchmark
  @OperationsPerInvocation(SCORED)
  public long naiveBayesExplained() {
    long factors = 0;
    for (Deal deal : open) {
      factors += naiveBayes.score(deal, context).factors().size();
    }
    return factors;
  }

  /**
   * The 100 best open deals of all the deals by naive Bayes' expected value (per call, not per deal).
   *
   * @return the ranking
   */
  @Benchmark
  public Ranking top100() {
    return prioritiser.top(100, all, context);
  }
}
