package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.testing.DealGenerator;

/** Figures over random realistic pipelines: bounds, sums, and equal reports however computed. */
class MetricsProperties {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static List<Deal> deals(long seed, int count) {
    return DealGenerator.standard(seed).deals(count);
  }

  private static MetricsQuery query(int asOfDay, int windowStartDay, boolean windowed) {
    MetricsQuery query = MetricsQuery.asOf(START.plusSeconds(asOfDay * 86_400L))
        .withGrouping(Grouping.owner())
        .withTrends(CalendarUnit.QUARTER, ZoneId.of("Europe/Paris"))
        .withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 10, 1))
        .withQuota(Money.of("500000", "USD"))
        .withSimulation(7, 200);
    return windowed
        ? query.withWindow(START.plusSeconds(windowStartDay * 86_400L), START.plusSeconds((windowStartDay + 120) * 86_400L))
        : query;
  }

  @Property(tries = 40)
  void funnel_everyStage_reachedIsAdvancedPlusLostPlusOpen(
      @ForAll long seed, @ForAll @IntRange(max = 150) int count, @ForAll @IntRange(min = 1, max = 500) int asOfDay,
      @ForAll @IntRange(max = 300) int windowStart, @ForAll boolean windowed) {
    MetricsReport report = PipelineMetrics.of(DealGenerator.standard(seed).pipeline())
        .calculate(deals(seed, count), query(asOfDay, windowStart, windowed));
    for (FunnelStage stage : report.funnel()) {
      assertThat(stage.reached()).isEqualTo(stage.advanced() + stage.lost() + stage.open());
    }
    for (int i = 1; i < report.funnel().size(); i++) {
      assertThat(report.funnel().get(i).reached()).isLessThanOrEqualTo(report.funnel().get(i - 1).reached());
    }
    assertThat(report.open() + report.won() + report.lost()).isLessThanOrEqualTo(report.deals());
    assertThat(report.groups().values().stream().mapToLong(MetricsReport::deals).sum()).isEqualTo(report.deals());
  }

  @Property(tries = 40)
  void rates_everyRate_withinZeroAndOne(
      @ForAll long seed, @ForAll @IntRange(max = 150) int count, @ForAll @IntRange(min = 1, max = 500) int asOfDay) {
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

  @Property(tries = 30)
  void merge_anyPartitionInAnyOrder_equalsTheWhole(
      @ForAll long seed, @ForAll @IntRange(max = 120) int count, @ForAll @IntRange(min = 1, max = 6) int parts,
      @ForAll @IntRange(min = 1, max = 500) int asOfDay, @ForAll boolean windowed) {
    List<Deal> deals = deals(seed, count);
    PipelineMetrics metrics = PipelineMetrics.of(DealGenerator.standard(seed).pipeline());
    MetricsQuery query = query(asOfDay, 60, windowed);
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

  @Property(tries = 20)
  void collector_parallelStream_equalsSequential(
      @ForAll long seed, @ForAll @IntRange(max = 200) int count, @ForAll @IntRange(min = 1, max = 500) int asOfDay) {
    List<Deal> deals = deals(seed, count);
    PipelineMetrics metrics = PipelineMetrics.of(DealGenerator.standard(seed).pipeline());
    MetricsQuery query = query(asOfDay, 0, false);
    MetricsReport sequential = metrics.calculate(deals, query);
    MetricsReport parallel = metrics.calculate(deals.parallelStream(), query);
    assertThat(parallel).isEqualTo(sequential);
    assertThat(parallel.toString()).isEqualTo(sequential.toString());
  }
}
