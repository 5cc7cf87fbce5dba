package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.testing.DealGenerator;

/**
 * Deals, pipelines, calculators, queries and reports shared across threads (SPEC §3.2, §4): every
 * thread, sequential or on a parallel stream, computes the same report, bit for bit.
 */
class ConcurrencyTest {

  private static final DealGenerator GENERATOR = DealGenerator.standard(8);
  private static final List<Deal> DEALS = GENERATOR.deals(2_000);
  private static final PipelineMetrics METRICS = PipelineMetrics.of(GENERATOR.pipeline());
  private static final MetricsQuery QUERY = MetricsQuery.asOf(Instant.parse("2025-09-01T00:00:00Z"))
      .withWindow(Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-08-01T00:00:00Z"))
      .withGrouping(Grouping.owner())
      .withTrends(CalendarUnit.MONTH, ZoneId.of("America/New_York"))
      .withForecast(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 1))
      .withQuota(Money.parse("250000", "USD"))
      .withSimulation(3, 500);

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void parallelStream_equalsSequential_bitForBit() {
    MetricsReport sequential = METRICS.calculate(DEALS, QUERY);
    MetricsReport parallel = METRICS.calculate(DEALS.parallelStream(), QUERY);

    assertThat(parallel).isEqualTo(sequential);
    assertThat(bits(parallel)).isEqualTo(bits(sequential));
    assertThat(parallel.toString()).isEqualTo(sequential.toString());
    assertThat(sequential.won()).as("the data set exercises the figures").isGreaterThan(50);
  }

  @Test
  void sharedCalculatorQueryAndDeals_manyThreadsAtOnce_allEqualTheSequentialReport() throws Exception {
    MetricsReport expected = METRICS.calculate(DEALS, QUERY);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<MetricsReport>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean parallel = i % 2 == 0;
      tasks.add(() -> {
        start.await();
        return parallel ? METRICS.calculate(DEALS.parallelStream(), QUERY) : METRICS.calculate(DEALS, QUERY);
      });
    }
    List<Future<MetricsReport>> futures = new ArrayList<>();
    for (Callable<MetricsReport> task : tasks) {
      futures.add(pool.submit(task));
    }
    start.countDown();

    for (Future<MetricsReport> future : futures) {
      MetricsReport report = future.get(60, TimeUnit.SECONDS);
      assertThat(report).isEqualTo(expected);
      assertThat(bits(report)).isEqualTo(bits(expected));
    }
  }

  @Test
  void sharedReport_readFromManyThreads_givesTheSameText() throws Exception {
    MetricsReport report = METRICS.calculate(DEALS, QUERY);
    String text = report.toString();
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(pool.submit(() -> report.toString() + report.groups().keySet() + report.trends().size()));
    }
    for (Future<String> future : futures) {
      assertThat(future.get(60, TimeUnit.SECONDS)).isEqualTo(text + report.groups().keySet() + report.trends().size());
    }
  }

  /** The raw bits of the double figures, so that -0.0 and 0.0 or two NaNs could not pass as equal. */
  private static List<Long> bits(MetricsReport r) {
    List<Long> bits = new ArrayList<>();
    r.winRate().forEach(rate -> {
      bits.add(Double.doubleToRawLongBits(rate.value()));
      bits.add(Double.doubleToRawLongBits(rate.lower()));
      bits.add(Double.doubleToRawLongBits(rate.upper()));
    });
    r.salesCycleWon().meanDays().forEach(d -> bits.add(Double.doubleToRawLongBits(d)));
    r.salesCycleWon().p90Days().forEach(d -> bits.add(Double.doubleToRawLongBits(d)));
    r.kmMedianDaysToClose().forEach(d -> bits.add(Double.doubleToRawLongBits(d)));
    r.timeToClose().steps().forEach(s -> bits.add(Double.doubleToRawLongBits(s.survival())));
    for (FunnelStage stage : r.funnel()) {
      stage.conversion().forEach(c -> bits.add(Double.doubleToRawLongBits(c.value())));
      r.transitions().winProbability(stage.stageId()).forEach(p -> bits.add(Double.doubleToRawLongBits(p)));
    }
    r.timeInStage().forEach(t -> t.completed().meanDays().forEach(d -> bits.add(Double.doubleToRawLongBits(d))));
    return bits;
  }
}
