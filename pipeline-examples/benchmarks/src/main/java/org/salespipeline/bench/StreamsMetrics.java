package org.salespipeline.bench;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealStatus;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.StageStay;

/**
 * The metrics comparison's "plain Java" approach: the same figures written the way a Java
 * developer would write them with streams and collectors over the core API ({@link Deal#asOf},
 * {@link Deal#stays()}, {@link Deal#closedAt()}), one figure at a time, with no tuning.
 */
final class StreamsMetrics {

  private static final double MILLIS_PER_DAY = 86_400_000.0;

  private final Pipeline pipeline;

  StreamsMetrics(Pipeline pipeline) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  MetricsFigures calculate(List<Deal> deals, Instant asOf) {
    List<Deal> existing = deals.stream()
        .map(deal -> deal.asOf(asOf))
        .filter(Option::isDefined)
        .map(Option::get)
        .toList();

    Map<DealStatus, Long> byStatus = existing.stream().collect(groupingBy(Deal::status, counting()));
    long open = byStatus.getOrDefault(DealStatus.OPEN, 0L);
    long won = byStatus.getOrDefault(DealStatus.WON, 0L);
    long lost = byStatus.getOrDefault(DealStatus.LOST, 0L);
    Option<Double> winRate = won + lost == 0 ? Option.none() : Option.some((double) won / (won + lost));

    List<Deal> wonDeals = existing.stream().filter(deal -> deal.status() == DealStatus.WON).toList();
    List<Long> cycles = wonDeals.stream()
        .map(deal -> Duration.between(deal.createdAt(), deal.closedAt().get()).toMillis())
        .sorted()
        .toList();
    MetricsFigures.Summary cycle = summary(cycles);

    Map<String, List<BigDecimal>> wonAmounts = wonDeals.stream()
        .filter(deal -> deal.amount().isDefined())
        .collect(groupingBy(deal -> deal.amount().get().currency().getCurrencyCode(),
            mapping(deal -> deal.amount().get().amount(), toList())));
    SortedMap<String, MetricsFigures.Size> sizes = new TreeMap<>();
    wonAmounts.forEach((currency, amounts) -> sizes.put(currency, size(amounts)));

    List<MetricsFigures.FunnelRow> funnel = funnel(existing);

    Map<String, List<Long>> stays = existing.stream()
        .flatMap(deal -> deal.stays().stream())
        .filter(stay -> !stay.isCurrent() && isOpenStage(stay.stageId()))
        .collect(groupingBy(StageStay::stageId,
            mapping(stay -> Duration.between(stay.enteredAt(), stay.leftAt().get()).toMillis(), toList())));
    Map<String, MetricsFigures.Summary> timeInStage = new TreeMap<>();
    stays.forEach((stage, durations) -> timeInStage.put(stage, summary(durations.stream().sorted().toList())));

    Map<String, Long> openPriced = existing.stream()
        .filter(deal -> deal.status() == DealStatus.OPEN && deal.amount().isDefined())
        .collect(groupingBy(deal -> deal.amount().get().currency().getCurrencyCode(), counting()));
    SortedMap<String, Double> velocity = new TreeMap<>();
    if (winRate.isDefined() && cycle.mean().exists(days -> days > 0)) {
      sizes.forEach((currency, size) -> velocity.put(currency,
          openPriced.getOrDefault(currency, 0L) * size.mean() * winRate.get() / cycle.mean().get()));
    }

    return new MetricsFigures(existing.size(), open, won, lost, winRate, cycle, sizes, funnel,
        MetricsFigures.everyStage(pipeline.openStages(), timeInStage), velocity);
  }

  private boolean isOpenStage(String stageId) {
    return pipeline.openStages().stream().anyMatch(stage -> stage.id().equals(stageId));
  }

  /** The funnel: each deal's furthest open stage, then a count per stage. */
  private List<MetricsFigures.FunnelRow> funnel(List<Deal> deals) {
    record Furthest(DealStatus status, int order) {}
    List<Furthest> furthest = deals.stream()
        .map(deal -> new Furthest(deal.status(), deal.stays().stream()
            .map(stay -> pipeline.stage(stay.stageId()).get())
            .filter(Stage::isOpen)
            .mapToInt(Stage::order)
            .max()
            .getAsInt()))
        .toList();
    return pipeline.openStages().stream()
        .map(stage -> new MetricsFigures.FunnelRow(stage.id(),
            furthest.stream().filter(f -> f.status() == DealStatus.WON || f.order() >= stage.order()).count(),
            furthest.stream().filter(f -> f.status() == DealStatus.WON || f.order() > stage.order()).count(),
            furthest.stream().filter(f -> f.status() == DealStatus.LOST && f.order() == stage.order()).count(),
            furthest.stream().filter(f -> f.status() == DealStatus.OPEN && f.order() == stage.order()).count()))
        .toList();
  }

  private static MetricsFigures.Size size(List<BigDecimal> amounts) {
    List<BigDecimal> sorted = amounts.stream().sorted().toList();
    BigDecimal total = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    int n = sorted.size();
    BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    double mean = total.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64).doubleValue();
    return new MetricsFigures.Size(n, total, mean, median);
  }

  /** Count, mean, median and p90 in days of sorted milliseconds. */
  private static MetricsFigures.Summary summary(List<Long> sortedMillis) {
    if (sortedMillis.isEmpty()) {
      return MetricsFigures.Summary.EMPTY;
    }
    double mean = sortedMillis.stream().mapToLong(Long::longValue).average().getAsDouble();
    return new MetricsFigures.Summary(sortedMillis.size(), Option.some(mean / MILLIS_PER_DAY),
        Option.some(percentile(sortedMillis, 0.5) / MILLIS_PER_DAY),
        Option.some(percentile(sortedMillis, 0.9) / MILLIS_PER_DAY));
  }

  /** Linear interpolation between order statistics (R type 7). */
  static double percentile(List<Long> sorted, double p) {
    double h = (sorted.size() - 1) * p;
    int lower = (int) Math.floor(h);
    int upper = Math.min(lower + 1, sorted.size() - 1);
    return sorted.get(lower) + (h - lower) * (sorted.get(upper) - sorted.get(lower));
  }
}
