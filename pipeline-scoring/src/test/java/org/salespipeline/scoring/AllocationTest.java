package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.testing.DealGenerator;

/**
 * The fast paths allocate nothing per deal, as their Javadoc says: counted in bytes by the JVM
 * (HotSpot's per-thread allocation counter), never timed. Each measure follows a warm-up run, so
 * class loading is not counted; the bounds are below one byte per deal, so any per-deal object fails.
 */
class AllocationTest {

  private static final DealGenerator GENERATOR = DealGenerator.standard(11);
  private static final List<Deal> DEALS = GENERATOR.deals(3_000);
  /** After every generated event, so no deal is rebuilt as of the instant. */
  private static final Instant AFTER_EVERY_EVENT = Instant.parse("2100-01-01T00:00:00Z");
  private static com.sun.management.ThreadMXBean threads;

  /** Built per test, not at class load, so mutation testing credits the tests with the code it runs. */
  private ScoringContext context;

  @BeforeAll
  static void counter() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled(), "a JVM that counts allocations");
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }

  @BeforeEach
  void buildContext() {
    context = ScoringContext.of(GENERATOR.pipeline(), AFTER_EVERY_EVENT).withHistory(DEALS);
  }

  private static long allocatedBy(Runnable task) {
    task.run(); // warm-up: class loading and the first calls' allocations are not the fast path's
    long before = threads.getCurrentThreadAllocatedBytes();
    task.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  private static double sink;

  private long allocatedByScoring(Scorer scorer) {
    return allocatedBy(() -> {
      double sum = 0;
      for (int i = 0; i < DEALS.size(); i++) {
        sum += scorer.probability(DEALS.get(i), context);
      }
      sink += sum;
    });
  }

  @Test
  void scorecard_probability_allocatesNothing() {
    assertThat(allocatedByScoring(QualificationScorecard.bant())).isLessThan(DEALS.size());
  }

  @Test
  void naiveBayes_probability_allocatesNothing_withTeamsToo() {
    assertThat(allocatedByScoring(NaiveBayesScorer.of("source", "segment", "product").trainedOn(context)))
        .isLessThan(DEALS.size());
    assertThat(allocatedByScoring(NaiveBayesScorer.of("source", "product").withTeamAttribute("segment")
        .trainedOn(context))).isLessThan(DEALS.size());
  }

  @Test
  void prioritiser_top_allocatesAtMostTheAmountItReadsPerDeal() {
    Prioritiser prioritiser = Prioritiser.of(NaiveBayesScorer.of("source", "segment", "product").trainedOn(context));
    List<Deal> half = DEALS.subList(0, DEALS.size() / 2);

    long forHalf = allocatedBy(() -> sink += prioritiser.top(10, half, context).considered());
    long forAll = allocatedBy(() -> sink += prioritiser.top(10, DEALS, context).considered());

    // the ranking and the few deals entering the heap cost about the same for both; what the other half adds is
    // at most each priced deal's amount as a BigDecimal and its Option (Money keeps up to 18 digits as a long, and
    // Deal its amount without an Option, to be small in memory; the JIT usually removes these once compiled)
    assertThat(forAll - forHalf).isLessThan(64L * half.size());
  }
}
