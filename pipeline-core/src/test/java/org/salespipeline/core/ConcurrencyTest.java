package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.testing.DealGenerator;

/**
 * Deals and pipelines shared across threads (SPEC §3.2: "deals are safe to share across threads"):
 * every thread that reads a shared deal, or runs commands on it, sees exactly what one thread sees,
 * and the shared deal never changes.
 */
class ConcurrencyTest {

  private static final Instant AS_OF = Instant.parse("2025-09-01T00:00:00Z");

  private final ExecutorService pool = Executors.newFixedThreadPool(6);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void sharedDeals_readFromManyThreadsAtOnce_everyDerivedValueAsOnOneThread() throws Exception {
    Pipeline pipeline = Pipeline.standard();
    // fresh replays, so that no derived value was computed (or cached) before the threads start
    List<Deal> shared = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (Deal deal : DealGenerator.standard(5).deals(400)) {
      shared.add(Deal.replay(pipeline, deal.history()));
      expected.add(derived(pipeline, Deal.replay(pipeline, deal.history())));
    }

    for (List<String> seen : runConcurrently(() -> {
      List<String> values = new ArrayList<>();
      for (Deal deal : shared) {
        values.add(derived(pipeline, deal));
      }
      return values;
    })) {
      assertThat(seen).isEqualTo(expected);
    }
  }

  @Test
  void sharedDeal_commandsFromManyThreads_eachGetsItsOwnChange_theSharedDealNeverChanges() throws Exception {
    Pipeline pipeline = Pipeline.standard();
    Deal shared = Fixtures.prospect();
    Deal copy = Deal.replay(pipeline, shared.history());
    Change expected = pipeline.move(shared, "qualification", Fixtures.day(1)).get();

    for (Change change : runConcurrently(() -> pipeline.move(shared, "qualification", Fixtures.day(1)).get())) {
      assertThat(change).isEqualTo(expected);
      assertThat(Deal.replay(pipeline, change.deal().history())).isEqualTo(change.deal());
    }
    assertThat(shared).isEqualTo(copy);
    assertThat(shared.history()).hasSize(1);
  }

  private <T> List<T> runConcurrently(Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  /** Everything a deal derives from its history, as text. */
  private static String derived(Pipeline pipeline, Deal deal) {
    return deal.hashCode() + " " + deal.stays() + " " + deal.closedAt() + " " + deal.asOf(AS_OF).map(Deal::stageId)
        + " " + pipeline.probabilityOf(deal) + " " + pipeline.furthestOpenStage(deal).id() + " "
        + pipeline.rottingClock(deal, AS_OF) + " " + deal.cumulativeTimeIn("qualification", AS_OF) + " " + deal;
  }
}
