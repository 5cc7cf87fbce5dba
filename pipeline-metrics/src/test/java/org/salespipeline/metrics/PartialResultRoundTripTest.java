package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;

/**
 * The wire form of partial results on the hand-computed {@link Sample}: every query shape written
 * and read back gives the one-pass report and the same bytes, and two halves read from bytes and
 * merged give the whole, with its figures written out. Everything is computed inside the test
 * methods, so that mutation testing attributes the writing and reading to these tests.
 */
class PartialResultRoundTripTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final PipelineMetrics METRICS = PipelineMetrics.of(Script.SIMPLE);

  /** Groups, monthly trends, a forecast period, a quota and a simulation. */
  private static MetricsQuery grouped() {
    return MetricsQuery.asOf(Sample.AS_OF).withGrouping(Grouping.owner())
        .withTrends(CalendarUnit.MONTH, ZoneOffset.UTC)
        .withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1))
        .withQuota(Money.parse("10000", "USD"))
        .withSimulation(7, 200);
  }

  /** A window, an attribute grouping and a converter to euros. */
  private static MetricsQuery windowedAndConverted() {
    return MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(5), Script.day(45))
        .withGrouping(Grouping.attribute("segment"))
        .withConverter(CurrencyConverter.fixedRates(EUR, Map.of(USD, new BigDecimal("0.9"))));
  }

  private static List<MetricsQuery> queries() {
    return List.of(MetricsQuery.asOf(Sample.AS_OF), grouped(), windowedAndConverted(),
        MetricsQuery.asOf(Sample.AS_OF).withTrends(CalendarUnit.WEEK, ZoneOffset.UTC),
        MetricsQuery.asOf(Sample.AS_OF).withProbability(deal -> 0.25));
  }

  /** The sample and three won deals, two of whose amounts have no exact long number of cents. */
  private static List<Deal> withOddAmounts() {
    List<Deal> deals = new ArrayList<>(Sample.deals());
    deals.add(Script.open("D8", "a", 1, "0.135", "USD").owner("ana", 1).attribute("segment", "smb", 1).win(11).deal());
    deals.add(Script.open("D9", "a", 2, "12345678901234567890.50", "USD").owner("bo", 2).win(12).deal());
    deals.add(Script.open("D10", "c", 3, "99.99", "USD").owner("cy", 3).win(13).deal());
    return deals;
  }

  @Test
  void toBytes_readBack_givesTheOnePassReportAndTheSameBytes() {
    for (MetricsQuery query : queries()) {
      for (List<Deal> deals : List.of(List.<Deal>of(), Sample.deals(), withOddAmounts())) {
        byte[] bytes = METRICS.accumulator(query).addAll(deals).toBytes();
        MetricsAccumulator read = METRICS.accumulatorFrom(bytes, query);

        MetricsReport whole = METRICS.calculate(deals, query);
        assertThat(read.report()).as("%s, %d deals", query, deals.size()).isEqualTo(whole);
        assertThat(read.report().toString()).isEqualTo(whole.toString());
        assertThat(read.toBytes()).as("written again, %s", query).isEqualTo(bytes);
      }
    }
  }

  @Test
  void halvesThroughTheWire_mergeIntoTheWhole_withTheSampleFigures() {
    List<Deal> deals = Sample.deals();
    for (MetricsQuery query : queries()) {
      MetricsAccumulator left = METRICS.accumulator(query).addAll(deals.subList(0, 3));
      MetricsAccumulator right = METRICS.accumulator(query).addAll(deals.subList(3, 7));
      MetricsReport merged = METRICS.accumulatorFrom(left.toBytes(), query)
          .merge(METRICS.accumulatorFrom(right.toBytes(), query)).report();
      assertThat(merged).as("%s", query).isEqualTo(METRICS.calculate(deals, query));
    }

    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    MetricsReport merged = METRICS.accumulatorFrom(METRICS.accumulator(query).addAll(deals.subList(0, 3)).toBytes(),
        query).merge(METRICS.accumulatorFrom(METRICS.accumulator(query).addAll(deals.subList(3, 7)).toBytes(), query))
        .report();
    // D5, D6, D7 open; D1, D4 won; D2, D3 lost; D4 without amount
    assertThat(merged.deals()).isEqualTo(7);
    assertThat(merged.open()).isEqualTo(3);
    assertThat(merged.won()).isEqualTo(2);
    assertThat(merged.lost()).isEqualTo(2);
    assertThat(merged.unpriced()).isEqualTo(1);
    assertThat(merged.wonValue()).isEqualTo(Map.of(USD, Money.parse("1000", "USD"), EUR, Money.parse("0", "EUR")));
    assertThat(merged.lostValue()).isEqualTo(Map.of(USD, Money.parse("3000", "USD"), EUR, Money.parse("500", "EUR")));
    // open: D5 USD 2000 in b (30%), D7 USD 4000 overridden to 50%, D6 EUR 1500 in a (10%)
    assertThat(merged.openPipeline()).isEqualTo(Map.of(USD, Money.parse("6000", "USD"), EUR, Money.parse("1500", "EUR")));
    assertThat(merged.weightedPipeline()).isEqualTo(Map.of(USD, Money.parse("2600", "USD"), EUR, Money.parse("150", "EUR")));
  }

  @Test
  void oddAmounts_throughTheWire_stayExact() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    List<Deal> deals = withOddAmounts();
    MetricsReport read = METRICS.accumulatorFrom(METRICS.accumulator(query).addAll(deals.subList(0, 8)).toBytes(), query)
        .merge(METRICS.accumulatorFrom(METRICS.accumulator(query).addAll(deals.subList(8, 10)).toBytes(), query))
        .report();
    // won in USD: D1 1000, D8 0.135, D9 12345678901234567890.50, D10 99.99; exactly
    // 12345678901234568990.625, rounded half-even once to the cent
    assertThat(read.wonValue().get(USD).amount()).isEqualByComparingTo("12345678901234568990.62");
    DealSize size = read.dealSize().get(USD);
    assertThat(size.count()).isEqualTo(4);
    assertThat(size.total().amount()).isEqualByComparingTo("12345678901234568990.62");
    // the median of 0.135, 99.99, 1000, 12345678901234567890.50: (99.99 + 1000) / 2
    assertThat(size.median().amount()).isEqualByComparingTo("549.995");
  }
}
