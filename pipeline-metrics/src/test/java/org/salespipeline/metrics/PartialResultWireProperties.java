package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.testing.DealGenerator;

/**
 * The wire form of partial results: random deal sets split into random partitions, each partial
 * result written to bytes and read back (as another process would), merged, give the report of
 * one pass; and equal partial results give equal bytes.
 */
class PartialResultWireProperties {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /** A case: the deals' seed and count, the partitions, the as-of day and the shape of the query. */
  private record Case(long seed, int count, int parts, int asOfDay, int shape) {}

  private static Gen<Case> cases() {
    return longs().all().zip(integers().between(0, 160), integers().between(1, 7), integers().between(1, 500),
        (seed, count, parts, asOfDay) -> new Case(seed, count, parts, asOfDay, 0))
        .zip(integers().between(0, 3), (c, shape) -> new Case(c.seed(), c.count(), c.parts(), c.asOfDay(), shape));
  }

  /** Shapes: everything a partial result can hold (groups, trends, forecast, window), then plainer ones. */
  static MetricsQuery query(int asOfDay, int shape) {
    MetricsQuery query = MetricsQuery.asOf(START.plusSeconds(asOfDay * 86_400L));
    return switch (shape) {
      case 0 -> query.withGrouping(Grouping.owner())
          .withTrends(CalendarUnit.QUARTER, ZoneId.of("Europe/Paris"))
          .withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 10, 1))
          .withQuota(Money.parse("500000", "USD"))
          .withSimulation(7, 200);
      case 1 -> query.withWindow(START.plusSeconds(60 * 86_400L), START.plusSeconds(180 * 86_400L))
          .withGrouping(Grouping.attribute("segment"));
      case 2 -> query.withTrends(CalendarUnit.MONTH, ZoneId.of("UTC"));
      default -> query;
    };
  }

  @Test
  void everyPartitionWrittenReadAndMerged_equalsTheOnePassReport() {
    qt().withExamples(30).forAll(cases()).checkAssert(c -> {
      DealGenerator generator = DealGenerator.standard(c.seed());
      List<Deal> deals = generator.deals(c.count());
      PipelineMetrics metrics = PipelineMetrics.of(generator.pipeline());
      MetricsQuery query = query(c.asOfDay(), c.shape());
      MetricsReport whole = metrics.calculate(deals, query);

      List<MetricsAccumulator> partials = new ArrayList<>();
      for (int p = 0; p < c.parts(); p++) {
        partials.add(metrics.accumulator(query));
      }
      Random random = new Random(c.seed());
      for (Deal deal : deals) {
        partials.get(random.nextInt(c.parts())).add(deal);
      }
      MetricsAccumulator merged = metrics.accumulator(query);
      for (MetricsAccumulator partial : partials) {
        merged.merge(metrics.accumulatorFrom(partial.toBytes(), query));
      }

      MetricsReport report = merged.report();
      assertThat(report).as("case %s", c).isEqualTo(whole);
      assertThat(report.toString()).isEqualTo(whole.toString());
    });
  }

  @Test
  void samePartialResult_sameBytes_andReadingThenWritingChangesNothing() {
    qt().withExamples(20).forAll(cases()).checkAssert(c -> {
      DealGenerator generator = DealGenerator.standard(c.seed());
      PipelineMetrics metrics = PipelineMetrics.of(generator.pipeline());
      MetricsQuery query = query(c.asOfDay(), c.shape());
      MetricsAccumulator accumulator = metrics.accumulator(query).addAll(generator.deals(c.count()));

      byte[] first = accumulator.toBytes();
      assertThat(accumulator.toBytes()).isEqualTo(first);
      assertThat(metrics.accumulatorFrom(first, query).toBytes()).isEqualTo(first);
      MetricsAccumulator again = metrics.accumulator(query).addAll(DealGenerator.standard(c.seed()).deals(c.count()));
      assertThat(again.toBytes()).isEqualTo(first);
    });
  }

  @Test
  void amountsBeyondTheMinorUnit_surviveTheWireExactly() {
    qt().withExamples(20).forAll(longs().all(), integers().between(1, 40), booleans().all()).checkAssert(
        (seed, count, converted) -> {
          DealGenerator generator = DealGenerator.standard(seed);
          PipelineMetrics metrics = PipelineMetrics.of(generator.pipeline());
          MetricsQuery query = query(400, 0);
          if (converted) {
            query = query.withConverter(CurrencyConverter.fixedRates(Currency.getInstance("EUR"),
                java.util.Map.of(Currency.getInstance("USD"), new BigDecimal("0.9137"), Currency.getInstance("GBP"),
                    new BigDecimal("1.1703"))));
          }
          List<Deal> deals = generator.deals(count);
          MetricsReport whole = metrics.calculate(deals, query);
          MetricsAccumulator left = metrics.accumulator(query).addAll(deals.subList(0, count / 2));
          MetricsAccumulator right = metrics.accumulator(query).addAll(deals.subList(count / 2, count));
          MetricsAccumulator merged = metrics.accumulatorFrom(left.toBytes(), query)
              .merge(metrics.accumulatorFrom(right.toBytes(), query));
          assertThat(merged.report()).isEqualTo(whole);
        });
  }
}
