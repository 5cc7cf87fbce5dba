package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.testing.DealGenerator;

/**
 * Figures over random realistic pipelines: bounds, sums, and equal reports however computed. The
 * deal counts reach the empty set and a single deal; the as-of day reaches the first day (almost
 * nothing closed yet) and the last.
 */
class MetricsProperties {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static Gen<Integer> counts(int max) {
    return withEdges(integers().between(0, max), 15, 0, 1, max);
  }

  private static Gen<Integer> asOfDays() {
    return withEdges(integers().between(1, 500), 10, 1, 500);
  }

  /** A window's first day, or -1 for no window. */
  private static Gen<Integer> windows(int firstDay) {
    return booleans().all().zip(withEdges(integers().between(0, firstDay), 10, 0, firstDay),
        (windowed, start) -> windowed ? start : -1);
  }

  private static List<Deal> deals(long seed, int count) {
    return DealGenerator.standard(seed).deals(count);
  }

  private static MetricsQuery query(int asOfDay, int windowStartDay, boolean windowed) {
    MetricsQuery query = MetricsQuery.asOf(START.plusSeconds(asOfDay * 86_400L))
        .withGrouping(Grouping.owner())
        .withTrends(CalendarUnit.QUARTER, ZoneId.of("Europe/Paris"))
        .withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 10, 1))
        .withQuota(Money.parse("500000", "USD"))
        .withSimulation(7, 200);
    return windowed
        ? query.withWindow(START.plusSeconds(windowStartDay * 86_400L), START.plusSeconds((windowStartDay + 120) * 86_400L))
        : query;
  }

  @Test
  void funnel_everyStage_reachedIsAdvancedPlusLostPlusOpen() {
    qt(0x3E7_0001L, 40).forAll(longs().all(), counts(150), asOfDays(), windows(300))
        .checkAssert(MetricsProperties::funnel);
  }

  private static void funnel(long seed, int count, int asOfDay, int window) {
    MetricsReport report = PipelineMetrics.of(DealGenerator.standard(seed).pipeline())
        .calculate(deals(seed, count), query(asOfDay, Math.max(window, 0), window >= 0));
    for (FunnelStage stage : report.funnel()) {
      assertThat(stage.reached()).isEqualTo(stage.advanced() + stage.lost() + stage.open());
    }
    for (int i = 1; i < report.funnel().size(); i++) {
      assertThat(report.funnel().get(i).reached()).isLessThanOrEqualTo(report.funnel().get(i - 1).reached());
    }
    assertThat(report.open() + report.won() + report.lost()).isLessThanOrEqualTo(report.deals());
    assertThat(report.groups().values().stream().mapToLong(MetricsReport::deals).sum()).isEqualTo(report.deals());
  }

  @Test
  void rates_everyRate_withinZeroAndOne() {
    qt(0x3E7_0002L, 40).forAll(longs().all(), counts(150), asOfDays()).checkAssert(MetricsProperties::rates);
  }

  private static void rates(long seed, int count, int asOfDay) {
    MetricsReport report = PipelineMetrics.of(DealGenerator.standard(seed).pipeline())
        .calculate(deals(seed, count), query(asOfDay, 0, false));
    List<Rate> rates = new ArrayList<>(report.valueWinRate().values());
    report.winRate().forEach(rates::add);
    for (FunnelStage stage : report.funnel()) {
      stage.conversion().forEach(rates::add);
      stage.winRate().forEach(rates::add);
      report.transitions().winProbability(stage.stageId())
          .forEach(p -> assertThat(p).isBetween(0.0, 1.0));
    }
    for (Rate rate : rates) {
      assertThat(rate.lower()).isBetween(0.0, rate.value());
      assertThat(rate.upper()).isBetween(rate.value(), 1.0);
    }
    for (SurvivalCurve.Step step : report.timeToClose().steps()) {
      assertThat(step.survival()).isBetween(0.0, 1.0);
    }
    report.salesCycleWon().medianDays().forEach(m -> assertThat(m).isLessThanOrEqualTo(report.salesCycleWon().p90Days().get()));
  }

  @Test
  void merge_anyPartitionInAnyOrder_equalsTheWhole() {
    // parts reach one (no merge) and six; the as-of day carries whether the query has a window
    qt(0x3E7_0003L, 30).forAll(longs().all(), counts(120), withEdges(integers().between(1, 6), 10, 1, 6),
        asOfDays().zip(booleans().all(), (day, windowed) -> windowed ? day : -day))
        .checkAssert(MetricsProperties::merge);
  }

  private static void merge(long seed, int count, int parts, int signedAsOfDay) {
    List<Deal> deals = deals(seed, count);
    PipelineMetrics metrics = PipelineMetrics.of(DealGenerator.standard(seed).pipeline());
    MetricsQuery query = query(Math.abs(signedAsOfDay), 60, signedAsOfDay > 0);
    MetricsReport whole = metrics.calculate(deals, query);

    List<Deal> shuffled = new ArrayList<>(deals);
    Collections.shuffle(shuffled, new Random(seed));
    List<MetricsAccumulator> partials = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      partials.add(metrics.accumulator(query));
    }
    for (int i = 0; i < shuffled.size(); i++) {
      partials.get(i % parts).add(shuffled.get(i));
    }
    MetricsAccumulator merged = partials.get(parts - 1);
    for (int p = parts - 2; p >= 0; p--) {
      merged = partials.get(p).merge(merged);
    }
    assertThat(merged.report()).isEqualTo(whole);
  }

  @Test
  void collector_parallelStream_equalsSequential() {
    qt(0x3E7_0004L, 20).forAll(longs().all(), counts(200), asOfDays()).checkAssert(MetricsProperties::collector);
  }

  private static void collector(long seed, int count, int asOfDay) {
    List<Deal> deals = deals(seed, count);
    PipelineMetrics metrics = PipelineMetrics.of(DealGenerator.standard(seed).pipeline());
    MetricsQuery query = query(asOfDay, 0, false);
    MetricsReport sequential = metrics.calculate(deals, query);
    MetricsReport parallel = metrics.calculate(deals.parallelStream(), query);
    assertThat(parallel).isEqualTo(sequential);
    assertThat(parallel.toString()).isEqualTo(sequential.toString());
  }
}
