package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Money;

/**
 * Edges the mutation tests found unguarded: the half-open window, probability bounds, a zero
 * sales cycle, input order, the exact (decimal) Monte Carlo path, and equality of the figures.
 */
class BoundaryTest {

  private static final Currency USD = Currency.getInstance("USD");
  private final PipelineMetrics metrics = PipelineMetrics.of(Script.SIMPLE);

  @Test
  void window_fromIsIncluded_toIsExcluded() {
    List<Deal> deals = List.of(Script.open("AT-FROM", "a", 0).win(10).deal(),
        Script.open("AT-TO", "a", 0).lose(20).deal(), Script.open("INSIDE", "a", 0).lose(15).deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(30)).withWindow(Script.day(10), Script.day(20)));

    assertThat(r.won()).isEqualTo(1);
    assertThat(r.lost()).as("closed at `to`: outside").isEqualTo(1);
    assertThat(r.transitions().total()).isEqualTo(2);
  }

  @Test
  void window_cohortCreatedAtFromCounts_createdAtToDoesNot() {
    List<Deal> deals = List.of(Script.open("AT-FROM", "a", 10).deal(), Script.open("AT-TO", "b", 20).deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(30)).withWindow(Script.day(10), Script.day(20)));

    assertThat(r.funnel("a").get().reached()).isEqualTo(1);
    assertThat(r.funnel("b").get().reached()).isZero();
  }

  @Test
  void probabilityFunction_zeroAndOne_areAccepted() {
    List<Deal> deals = List.of(Script.open("Z", "a", 0, "100", "USD").deal(), Script.open("O", "b", 0, "40", "USD").deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(5))
        .withProbability(d -> d.id().equals("Z") ? 0.0 : 1.0));

    assertThat(r.weightedPipeline().get(USD).amount()).isEqualByComparingTo("40");
  }

  @Test
  void velocity_everyWonDealClosedAtItsCreation_isUndefinedNotADivisionByZero() {
    List<Deal> deals = List.of(Script.open("W", "a", 0, "10", "USD").win(0).deal(),
        Script.open("O", "a", 0, "10", "USD").deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(5)));

    assertThat(r.salesCycleWon().meanDays()).isEqualTo(Option.some(0.0));
    assertThat(r.velocityPerDay()).isEmpty();
  }

  @Test
  void inputOrder_reversed_givesAnEqualReport_forecastIncluded() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF).withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 9, 1))
        .withSimulation(11, 300).withGrouping(Grouping.owner());
    List<Deal> reversed = new ArrayList<>(Sample.deals());
    Collections.reverse(reversed);

    MetricsReport forward = metrics.calculate(Sample.deals(), query);
    MetricsReport backward = metrics.calculate(reversed, query);

    assertThat(backward).isEqualTo(forward);
    assertThat(backward.toString()).isEqualTo(forward.toString());
    assertThat(backward.forecast()).isEqualTo(forward.forecast());
    assertThat(backward.stuck()).isEqualTo(forward.stuck());
  }

  @Test
  void forecast_amountsBeyondALong_theExactPathIsTheFastPathScaled() {
    BigDecimal scale = new BigDecimal("1E+400");
    MetricsQuery query = MetricsQuery.asOf(Script.day(10)).withForecast(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1))
        .withSimulation(5, 400);

    Forecast small = metrics.calculate(forecastDeals(BigDecimal.ONE), query).forecast().get();
    Forecast huge = metrics.calculate(forecastDeals(scale), query).forecast().get();

    CurrencyForecast s = small.byCurrency().get(USD);
    CurrencyForecast h = huge.byCurrency().get(USD);
    assertThat(s.p10().amount()).isLessThan(s.p50().amount());
    assertThat(s.p50().amount()).isLessThan(s.p90().amount());
    assertThat(h.p10().amount()).isEqualByComparingTo(s.p10().amount().multiply(scale));
    assertThat(h.p50().amount()).isEqualByComparingTo(s.p50().amount().multiply(scale));
    assertThat(h.p90().amount()).isEqualByComparingTo(s.p90().amount().multiply(scale));
    assertThat(h.expected().amount()).isEqualByComparingTo(s.expected().amount().multiply(scale));
  }

  @Test
  void forecast_certainOutcomes_everyLevelIsTheSumOfTheCertainDeals() {
    MetricsQuery query = MetricsQuery.asOf(Script.day(10)).withForecast(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1))
        .withSimulation(5, 50).withProbability(d -> d.id().compareTo("F3") < 0 ? 1.0 : 0.0);

    CurrencyForecast f = metrics.calculate(forecastDeals(new BigDecimal("1E+30")), query).forecast().get()
        .byCurrency().get(USD);

    BigDecimal certain = new BigDecimal("1E+30").multiply(BigDecimal.valueOf(10 + 20 + 30));
    assertThat(List.of(f.p10().amount(), f.p50().amount(), f.p90().amount(), f.expected().amount()))
        .allSatisfy(level -> assertThat(level).isEqualByComparingTo(certain));
  }

  @Test
  void forecast_countsThePricedAndUnpricedDealsExpectedToClose() {
    List<Deal> deals = new ArrayList<>(forecastDeals(BigDecimal.ONE));
    deals.add(Script.open("NO-AMOUNT", "b", 0).expectedClose("2025-02-01", 0).deal());
    deals.add(Script.open("LATER", "b", 0, "5", "USD").expectedClose("2025-06-01", 0).deal());
    MetricsQuery query = MetricsQuery.asOf(Script.day(10)).withForecast(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1));

    Forecast forecast = metrics.calculate(deals, query).forecast().get();

    assertThat(forecast.deals()).isEqualTo(9);
    assertThat(forecast.unpriced()).isEqualTo(1);
    assertThat(forecast.byCurrency().get(USD).deals()).isEqualTo(8);
    assertThat(forecast.byCurrency().get(USD).pipeline().amount()).isEqualByComparingTo("360");
  }

  private static List<Deal> forecastDeals(BigDecimal scale) {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String amount = BigDecimal.valueOf(10L * (i + 1)).multiply(scale).toPlainString();
      deals.add(Script.open("F" + i, i % 2 == 0 ? "b" : "c", 0, amount, "USD").expectedClose("2025-02-01", 0).deal());
    }
    return deals;
  }

  @Test
  void figures_differentData_areNotEqual_equalData_equalWithEqualHashCodes() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    MetricsReport all = metrics.calculate(Sample.deals(), query);
    MetricsReport again = metrics.calculate(Sample.deals(), query);
    MetricsReport fewer = metrics.calculate(Sample.deals().subList(1, 7), query);

    assertThat(again).isEqualTo(all).hasSameHashCodeAs(all);
    assertThat(fewer).isNotEqualTo(all);
    assertThat(fewer.salesCycleWon()).isNotEqualTo(all.salesCycleWon());
    assertThat(again.salesCycleWon()).isEqualTo(all.salesCycleWon()).hasSameHashCodeAs(all.salesCycleWon());
    assertThat(fewer.timeToClose()).isNotEqualTo(all.timeToClose());
    assertThat(again.timeToClose()).isEqualTo(all.timeToClose()).hasSameHashCodeAs(all.timeToClose());
    assertThat(all.timeToClose().toString()).isEqualTo(again.timeToClose().toString()).isNotEmpty();
    assertThat(all.salesCycleWon().toString()).contains("2");
    assertThat(all.salesCycleWon().totalDays()).isEqualTo(30.0 + 50.0);
    assertThat(DurationSummary.empty().count()).isZero();
    assertThat(DurationSummary.empty().meanDays()).isEmpty();
  }

  @Test
  void query_accessorsAndCopies_keepWhatWasGiven() {
    MetricsQuery query = MetricsQuery.asOf(Script.day(1)).withSimulation(42, 1);

    assertThat(query.seed()).isEqualTo(42);
    assertThat(query.trials()).isEqualTo(1);
    assertThat(query.withAsOf(Script.day(2)).asOf()).isEqualTo(Script.day(2));
    assertThat(query.withSimulation(42, 10_000_000).trials()).isEqualTo(10_000_000);
    assertThatThrownBy(() -> query.withSimulation(42, 10_000_001)).hasMessageContaining("10000001");
    assertThat(MetricsQuery.asOf(Script.day(1)).withSimulation(42, 1)).isEqualTo(query).hasSameHashCodeAs(query);
    assertThat(query.withSimulation(43, 1)).isNotEqualTo(query);
  }

  @Test
  void stageIdsEqualButNotTheSameString_areTheSameStage() {
    Deal deal = Script.open("COPY", "a", 0).move("b", 3).win(6).deal();
    List<DealEvent> copied = new ArrayList<>();
    for (DealEvent e : deal.history()) {
      copied.add(e instanceof DealEvent.StageChanged m
          ? new DealEvent.StageChanged(m.dealId(), new String(m.fromStageId()), new String(m.toStageId()), m.at())
          : e);
    }
    Deal restored = Deal.restore(copied);

    MetricsReport r = metrics.calculate(List.of(restored), MetricsQuery.asOf(Script.day(10)));

    assertThat(r).isEqualTo(metrics.calculate(List.of(deal), MetricsQuery.asOf(Script.day(10))));
    assertThat(r.transitions().count("a", "b")).isEqualTo(1);
  }

  @Test
  void stuck_moreThanAThousandWithTies_furthestOverFirstThenById() {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 1500; i++) { // b rots after 30 days; as of day 100 ages run from 40 to 89 days
      deals.add(Script.open(String.format("S%04d", 1499 - i), "b", i % 50 + 11).deal());
    }
    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(100)));

    List<StuckDeal> expected = new ArrayList<>(r.stuck());
    expected.sort(java.util.Comparator.comparingDouble(StuckDeal::overDays).reversed()
        .thenComparing(StuckDeal::dealId));
    assertThat(r.stuck()).hasSize(1500).isEqualTo(expected);
    assertThat(r.stuck().get(0).dealId()).as("89 days old, the smallest id of the 30 that old").isEqualTo("S0049");
    assertThat(r.stuck().get(0).overDays()).isEqualTo(89.0 - 30.0);
    assertThat(r.stuck().get(1).dealId()).isEqualTo("S0099");
  }
}
