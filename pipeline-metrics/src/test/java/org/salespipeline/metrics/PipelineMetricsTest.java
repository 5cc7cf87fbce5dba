package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.assertj.core.data.Offset;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;

/** Every figure of SPEC §4 on the seven deals of {@link Sample}, computed by hand. */
class PipelineMetricsTest {

  private static final Offset<Double> EXACT = within(1e-9);
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  private final PipelineMetrics metrics = PipelineMetrics.of(Script.SIMPLE);
  private final MetricsReport report = metrics.calculate(Sample.deals(), MetricsQuery.asOf(Sample.AS_OF));

  @Test
  void counts_sample_openWonLostAndUnpriced() {
    assertThat(report.deals()).isEqualTo(7);
    assertThat(report.open()).isEqualTo(3);
    assertThat(report.won()).isEqualTo(2);
    assertThat(report.lost()).isEqualTo(2);
    assertThat(report.unpriced()).as("D4 is won without amount").isEqualTo(1);
  }

  @Test
  void winRate_sample_isWonOverClosedWithWilsonInterval() {
    Rate rate = report.winRate().get();
    assertThat(rate.value()).isEqualTo(0.5);
    assertThat(rate.trials()).isEqualTo(4);
    // Wilson 2/4: centre (0.5 + z²/8) / (1 + z²/4) = 0.5, half-width 0.3497...
    assertThat(rate.lower()).isCloseTo(0.15003898915214947, EXACT);
    assertThat(rate.upper()).isCloseTo(0.8499610108478506, EXACT);
  }

  @Test
  void valueWinRate_sample_perCurrencyNeverMixed() {
    assertThat(report.valueWinRate().get(USD).value()).as("1000 won / (1000 + 3000)").isEqualTo(0.25);
    assertThat(report.valueWinRate().get(USD).trials()).isEqualTo(2);
    assertThat(report.valueWinRate().get(EUR).value()).as("0 won / 500 lost").isEqualTo(0.0);
    assertThat(report.wonValue()).containsEntry(USD, Money.parse("1000", "USD")).containsEntry(EUR, Money.parse("0", "EUR"));
    assertThat(report.lostValue()).containsEntry(USD, Money.parse("3000", "USD")).containsEntry(EUR, Money.parse("500", "EUR"));
  }

  @Test
  void dealSize_sample_onlyPricedWonDealsPerCurrency() {
    assertThat(report.averageDealSize()).containsOnlyKeys(USD).containsEntry(USD, Money.parse("1000", "USD"));
    assertThat(report.medianDealSize()).containsEntry(USD, Money.parse("1000", "USD"));
    assertThat(report.dealSize().get(USD).count()).isEqualTo(1);
  }

  @Test
  void salesCycle_sample_wonAndLostApartInDays() {
    DurationSummary won = report.salesCycleWon();
    assertThat(won.count()).isEqualTo(2);
    assertThat(won.meanDays().get()).isCloseTo(40.0, EXACT);
    assertThat(won.medianDays().get()).isCloseTo(40.0, EXACT);
    assertThat(won.p90Days().get()).as("30 + 0.9 × (50 − 30)").isCloseTo(48.0, EXACT);
    DurationSummary lost = report.salesCycleLost();
    assertThat(lost.count()).isEqualTo(2);
    assertThat(lost.meanDays().get()).isCloseTo(32.5, EXACT);
    assertThat(lost.p90Days().get()).as("25 + 0.9 × (40 − 25)").isCloseTo(38.5, EXACT);
  }

  @Test
  void timeToClose_sample_kaplanMeierCensorsOpenDeals() {
    SurvivalCurve km = report.timeToClose();
    assertThat(km.subjects()).isEqualTo(7);
    assertThat(km.events()).isEqualTo(4);
    // closes at 25, 30, 40, 50 days; censored at 10 (D7), 40 (D6, after the close at 40) and 100 (D5)
    assertThat(km.steps()).extracting(SurvivalCurve.Step::atRisk).containsExactly(6L, 5L, 4L, 2L);
    assertThat(km.survivalAt(25).get()).isCloseTo(5.0 / 6, EXACT);
    assertThat(km.survivalAt(30).get()).isCloseTo(4.0 / 6, EXACT);
    assertThat(km.survivalAt(40).get()).isCloseTo(0.5, EXACT);
    assertThat(km.survivalAt(50).get()).isCloseTo(0.25, EXACT);
    assertThat(report.kmMedianDaysToClose().get()).isCloseTo(40.0, EXACT);
  }

  @Test
  void funnel_sample_skipsCountAsPassedAndReopenedDealsAreOpen() {
    assertThat(report.funnel()).extracting(FunnelStage::stageId).containsExactly("a", "b", "c");
    FunnelStage a = report.funnel("a").get();
    FunnelStage b = report.funnel("b").get();
    FunnelStage c = report.funnel("c").get();
    assertThat(List.of(a.reached(), a.advanced(), a.lost(), a.open())).containsExactly(7L, 6L, 0L, 1L);
    assertThat(List.of(b.reached(), b.advanced(), b.lost(), b.open())).containsExactly(6L, 4L, 1L, 1L);
    assertThat(List.of(c.reached(), c.advanced(), c.lost(), c.open())).containsExactly(4L, 2L, 1L, 1L);
    assertThat(a.conversion().get().value()).isEqualTo(1.0);
    assertThat(b.conversion().get().value()).isCloseTo(0.8, EXACT);
    assertThat(c.conversion().get().value()).isCloseTo(2.0 / 3, EXACT);
    assertThat(a.winRate().get().value()).isEqualTo(0.5);
    assertThat(b.winRate().get().value()).isEqualTo(0.5);
    assertThat(c.winRate().get().value()).isCloseTo(2.0 / 3, EXACT);
  }

  @Test
  void transitions_sample_countEveryChangeIncludingReopens() {
    Transitions t = report.transitions();
    assertThat(t.count("a", "b")).as("D1, D3 twice, D5").isEqualTo(4);
    assertThat(t.count("a", "c")).isEqualTo(1);
    assertThat(t.count("b", "a")).isEqualTo(1);
    assertThat(t.count("a", "lost")).isEqualTo(1);
    assertThat(t.count("lost", "a")).as("the reopen of D5").isEqualTo(1);
    assertThat(t.count("b", "won")).isEqualTo(1);
    assertThat(t.total()).isEqualTo(13);
  }

  @Test
  void winProbability_sample_solvesTheAbsorbingChain() {
    // w_c = 1/2; w_b = 1/4 w_c + 1/4 w_a + 1/4; w_a = 4/6 w_b + 1/6 w_c  →  w_a = 0.4, w_b = 0.475
    assertThat(report.transitions().winProbability("c").get()).isCloseTo(0.5, EXACT);
    assertThat(report.transitions().winProbability("b").get()).isCloseTo(0.475, EXACT);
    assertThat(report.transitions().winProbability("a").get()).isCloseTo(0.4, EXACT);
    assertThat(report.transitions().lossProbability("a").get()).isCloseTo(0.6, EXACT);
  }

  @Test
  void timeInStage_sample_completedStaysAndCurrentAges() {
    StageTime a = report.timeInStage("a").get();
    assertThat(a.completed().count()).as("10, 5, 10, 5, 10, 10").isEqualTo(6);
    assertThat(a.completed().meanDays().get()).isCloseTo(50.0 / 6, EXACT);
    assertThat(a.completed().medianDays().get()).isCloseTo(10.0, EXACT);
    StageTime b = report.timeInStage("b").get();
    assertThat(b.completed().count()).as("10, 5, 20, 50").isEqualTo(4);
    assertThat(b.completed().meanDays().get()).isCloseTo(21.25, EXACT);
    assertThat(b.completed().medianDays().get()).isCloseTo(15.0, EXACT);
    assertThat(b.completed().p90Days().get()).as("20 + 0.7 × (50 − 20)").isCloseTo(41.0, EXACT);
    assertThat(b.current().count()).isEqualTo(1);
    assertThat(b.current().meanDays().get()).as("D5 entered b on day 30").isCloseTo(70.0, EXACT);
    assertThat(report.timeInStage("c").get().current().medianDays().get()).isCloseTo(10.0, EXACT);
  }

  @Test
  void stuck_sample_dealBeyondRottingThreshold() {
    assertThat(report.stuck()).hasSize(1);
    StuckDeal stuck = report.stuck().get(0);
    assertThat(stuck.dealId()).isEqualTo("D5");
    assertThat(stuck.norm()).isEqualTo(StuckDeal.Norm.ROTTING_THRESHOLD);
    assertThat(stuck.overDays()).isCloseTo(40.0, EXACT);
    assertThat(stuck.owner()).isEqualTo("bo");
    assertThat(stuck.amount().get()).isEqualTo(Money.parse("2000", "USD"));
  }

  @Test
  void bottlenecks_sample_lowestConversionLongestMedianAndDaysBeyondNorm() {
    Bottlenecks b = report.bottlenecks();
    assertThat(b.lowestConversion().get().stageId()).isEqualTo("c");
    assertThat(b.longestMedianStay().get().stageId()).as("b and c tie at 15 days: the earlier stage").isEqualTo("b");
    assertThat(b.beyondNorm()).hasSize(1);
    assertThat(b.beyondNorm().get(0).stageId()).isEqualTo("b");
    assertThat(b.beyondNorm().get(0).daysBeyondNorm()).isCloseTo(40.0, EXACT);
  }

  @Test
  void weightedPipeline_sample_overrideThenStageProbability() {
    assertThat(report.weightedPipeline().get(USD)).as("2000 × 0.3 + 4000 × 0.5").isEqualTo(Money.parse("2600", "USD"));
    assertThat(report.weightedPipeline().get(EUR)).as("1500 × 0.1").isEqualTo(Money.parse("150", "EUR"));
    assertThat(report.openPipeline().get(USD)).isEqualTo(Money.parse("6000", "USD"));
  }

  @Test
  void weightedPipeline_probabilityFunction_replacesThePipelines() {
    MetricsReport r = metrics.calculate(Sample.deals(), MetricsQuery.asOf(Sample.AS_OF).withProbability(d -> 0.25));
    assertThat(r.weightedPipeline().get(USD)).isEqualTo(Money.parse("1500", "USD"));
  }

  @Test
  void velocity_sample_openDealsTimesSizeTimesWinRateOverCycle() {
    // 2 priced open USD deals × 1000 USD × 0.5 / 40 days
    assertThat(report.velocityPerDay()).containsOnlyKeys(USD).containsEntry(USD, Money.parse("25", "USD"));
  }

  @Test
  void forecast_period_expectedSumAndSeededSimulation() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF)
        .withForecast(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-07-01"))
        .withQuota(Money.parse("10000", "USD"));
    MetricsReport r = metrics.calculate(Sample.deals(), query);
    Forecast forecast = r.forecast().get();
    assertThat(forecast.deals()).as("D5 and D7").isEqualTo(2);
    CurrencyForecast usd = forecast.byCurrency().get(USD);
    assertThat(usd.expected()).isEqualTo(Money.parse("2600", "USD"));
    assertThat(usd.pipeline()).isEqualTo(Money.parse("6000", "USD"));
    // revenue is 0 with probability 0.35, 2000 with 0.15, 4000 with 0.35, 6000 with 0.15
    assertThat(usd.p10()).isEqualTo(Money.parse("0", "USD"));
    assertThat(usd.p90()).isEqualTo(Money.parse("6000", "USD"));
    assertThat(metrics.calculate(Sample.deals(), query).forecast()).as("same seed, same numbers").isEqualTo(r.forecast());
    Coverage coverage = r.coverage().get(USD);
    assertThat(coverage.ratio().get()).isCloseTo(0.6, EXACT);
    assertThat(coverage.weightedRatio().get()).isCloseTo(0.26, EXACT);
  }

  @Test
  void converter_rates_addCurrenciesOnlyWhenAsked() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF)
        .withConverter(CurrencyConverter.fixedRates(USD, java.util.Map.of(EUR, new java.math.BigDecimal("1.1"))));
    MetricsReport r = metrics.calculate(Sample.deals(), query);
    assertThat(r.openPipeline()).containsOnlyKeys(USD).containsEntry(USD, Money.parse("7650", "USD"));
    assertThat(r.valueWinRate().get(USD).value()).as("1000 / (1000 + 3000 + 550)").isCloseTo(1000 / 4550.0, EXACT);
  }

  @Test
  void window_closesAndCohort_areSelectedByTheirOwnInstants() {
    MetricsReport r = metrics.calculate(Sample.deals(),
        MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(20), Script.day(45)));
    assertThat(r.won()).as("D1 on day 30").isEqualTo(1);
    assertThat(r.lost()).as("D2 on day 25, D3 on day 40").isEqualTo(2);
    assertThat(r.funnel("a").get().reached()).as("no deal was created in the window").isZero();
    assertThat(r.funnel("a").get().conversion()).isEmpty();
    assertThat(r.kmMedianDaysToClose()).isEmpty();
    assertThat(r.open()).as("open deals are a snapshot at T").isEqualTo(3);
  }

  @Test
  void window_edges_areExactToTheNanosecondNotRoundedToMilliseconds() {
    // D1 is won on day 30: a window ending one nanosecond after it still holds the win, and one
    // starting half a millisecond after it does not (milliseconds would round both the wrong way)
    Instant win = Script.day(30);
    MetricsReport endingJustAfter = metrics.calculate(Sample.deals(),
        MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(20), win.plusNanos(1)));
    MetricsReport startingJustAfter = metrics.calculate(Sample.deals(),
        MetricsQuery.asOf(Sample.AS_OF).withWindow(win.plusNanos(500_000), Script.day(31)));

    assertThat(endingJustAfter.won()).isEqualTo(1);
    assertThat(startingJustAfter.won()).isZero();
  }

  @Test
  void asOf_ignoresLaterEvents() {
    MetricsReport r = metrics.calculate(Sample.deals(), MetricsQuery.asOf(Script.day(28)));
    assertThat(r.deals()).as("D6 and D7 do not exist yet").isEqualTo(5);
    assertThat(r.won()).as("D1 is won on day 30").isZero();
    assertThat(r.lost()).isEqualTo(1);
    assertThat(r.open()).isEqualTo(4);
  }

  @Test
  void groups_owner_eachGroupHasItsOwnReport() {
    MetricsReport r = metrics.calculate(Sample.deals(), MetricsQuery.asOf(Sample.AS_OF).withGrouping(Grouping.owner()));
    assertThat(r.groups()).containsOnlyKeys("ana", "bo", "cy");
    assertThat(r.groups().get("ana").winRate().get().value()).isEqualTo(0.5);
    assertThat(r.groups().get("bo").won()).isEqualTo(1);
    assertThat(r.groups().get("cy").open()).isEqualTo(2);
    assertThat(r.groups().values().stream().mapToLong(MetricsReport::deals).sum()).isEqualTo(r.deals());
    assertThat(r.groups().get("ana").groups()).isEmpty();
  }

  @Test
  void groups_attribute_missingValueIsNone() {
    List<org.salespipeline.core.Deal> deals = List.of(
        Script.open("X1", "a", 0).attribute("source", "web", 1).deal(), Script.open("X2", "a", 0).deal());
    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(5)).withGrouping(Grouping.attribute("source")));
    assertThat(r.groups()).containsOnlyKeys("web", Grouping.NONE);
  }

  @Test
  void trends_month_eachPeriodIsTheReportAtItsEnd() {
    MetricsReport r = metrics.calculate(Sample.deals(),
        MetricsQuery.asOf(Sample.AS_OF).withTrends(CalendarUnit.MONTH, java.time.ZoneOffset.UTC));
    assertThat(r.trends().keySet()).extracting(TrendPeriod::label)
        .containsExactly("2025-01", "2025-02", "2025-03", "2025-04");
    List<MetricsReport> months = List.copyOf(r.trends().values());
    assertThat(months.get(0).won()).as("D1 on Jan 31").isEqualTo(1);
    assertThat(months.get(0).lost()).as("D2; D5 was reopened by Jan 31").isEqualTo(1);
    assertThat(months.get(1).won()).as("D4 on Feb 20").isEqualTo(1);
    assertThat(months.get(1).lost()).as("D3 on Feb 10").isEqualTo(1);
    assertThat(months.get(2).open()).as("D5 and D6 at the end of March").isEqualTo(2);
    assertThat(months.get(3).open()).isEqualTo(3);
    assertThat(months.get(2).funnel("a").get().reached()).as("D6, created in March").isEqualTo(1);
  }

  @Test
  void emptyInput_everyFigureUndefinedNothingThrows() {
    MetricsReport r = metrics.calculate(List.of(), MetricsQuery.asOf(Sample.AS_OF)
        .withForecast(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-07-01")).withQuota(Money.parse("1", "USD")));
    assertThat(r.deals()).isZero();
    assertThat(r.winRate()).isEmpty();
    assertThat(r.valueWinRate()).isEmpty();
    assertThat(r.averageDealSize()).isEmpty();
    assertThat(r.salesCycleWon().meanDays()).isEmpty();
    assertThat(r.salesCycleWon().p90Days()).isEmpty();
    assertThat(r.kmMedianDaysToClose()).isEmpty();
    assertThat(r.timeToClose().survivalAt(1)).isEmpty();
    assertThat(r.funnel()).allSatisfy(f -> assertThat(f.conversion()).isEmpty());
    assertThat(r.transitions().winProbability("a")).isEmpty();
    assertThat(r.bottlenecks().lowestConversion()).isEmpty();
    assertThat(r.bottlenecks().longestMedianStay()).isEmpty();
    assertThat(r.weightedPipeline()).isEmpty();
    assertThat(r.velocityPerDay()).isEmpty();
    assertThat(r.forecast().get().byCurrency()).isEmpty();
    assertThat(r.coverage().get(USD).ratio().get()).isEqualTo(0.0);
    assertThat(r.toString()).contains("Deals 0");
  }

  @Test
  void singleDeal_open_onlySnapshotFiguresDefined() {
    MetricsReport r = metrics.calculate(List.of(Script.open("S", "b", 0, "100", "USD").deal()),
        MetricsQuery.asOf(Script.day(3)));
    assertThat(r.open()).isEqualTo(1);
    assertThat(r.winRate()).isEmpty();
    assertThat(r.velocityPerDay()).isEmpty();
    assertThat(r.weightedPipeline()).containsEntry(USD, Money.parse("30", "USD"));
    assertThat(r.timeToClose().censored()).isEqualTo(1);
    assertThat(r.kmMedianDaysToClose()).isEmpty();
    assertThat(r.funnel("a").get().reached()).as("created in b: a counts as passed").isEqualTo(1);
    assertThat(r.funnel("b").get().open()).isEqualTo(1);
  }

  @Test
  void singleDeal_won_everyClosedFigureDefined() {
    MetricsReport r = metrics.calculate(List.of(Script.open("S", "a", 0, "100.50", "EUR").win(12).deal()),
        MetricsQuery.asOf(Script.day(30)));
    assertThat(r.winRate().get().value()).isEqualTo(1.0);
    assertThat(r.medianDealSize()).containsEntry(EUR, Money.parse("100.50", "EUR"));
    assertThat(r.salesCycleWon().p90Days().get()).isCloseTo(12.0, EXACT);
    assertThat(r.kmMedianDaysToClose().get()).isCloseTo(12.0, EXACT);
    assertThat(r.transitions().winProbability("a").get()).isEqualTo(1.0);
    assertThat(r.transitions().winProbability("b")).as("never seen leaving b").isEmpty();
  }

  @Test
  void dealSize_evenCount_medianIsExactMeanOfMiddleAmounts() {
    List<org.salespipeline.core.Deal> deals = List.of(
        Script.open("M1", "a", 0, "100.01", "USD").win(1).deal(),
        Script.open("M2", "a", 0, "100.02", "USD").win(1).deal(),
        Script.open("M3", "a", 0, "300", "USD").win(1).deal(),
        Script.open("M4", "a", 0, "0.5", "USD").win(1).deal());
    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(2)));
    assertThat(r.medianDealSize().get(USD).amount()).isEqualByComparingTo("100.015");
    assertThat(r.averageDealSize().get(USD).amount()).isEqualByComparingTo("125.1325");
  }

  @Test
  void dealSize_amountsAbove10To15WithCents_meanHasTwoMoreDecimalsHalfEven() {
    List<org.salespipeline.core.Deal> deals = List.of(
        Script.open("B1", "a", 0, "1000000000000000.00", "USD").win(1).deal(),
        Script.open("B2", "a", 0, "1000000000000000.01", "USD").win(1).deal(),
        Script.open("B3", "a", 0, "1000000000000000.01", "USD").win(1).deal(),
        Script.open("C1", "a", 0, "1234567890123456.78", "EUR").win(1).deal(),
        Script.open("C2", "a", 0, "1234567890123456.79", "EUR").win(1).deal());
    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(2)));
    // 3000000000000000.02 / 3 = 1000000000000000.00666...; 16 significant digits would give 1000000000000000
    assertThat(r.averageDealSize().get(USD)).isEqualTo(Money.parse("1000000000000000.0067", "USD"));
    // 2469135780246913.57 / 2 = 1234567890123456.785: exact within the two more decimals
    assertThat(r.averageDealSize().get(EUR)).isEqualTo(Money.parse("1234567890123456.785", "EUR"));
  }

  @Test
  void dealSize_ordinaryAmounts_meanKeepsTwoDecimalsBeyondTheCent() {
    List<org.salespipeline.core.Deal> deals = List.of(Script.open("T1", "a", 0, "100", "USD").win(1).deal(),
        Script.open("T2", "a", 0, "0", "USD").win(1).deal(), Script.open("T3", "a", 0, "0", "USD").win(1).deal());
    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(2)));
    assertThat(r.averageDealSize().get(USD).amount()).isEqualByComparingTo("33.3333");
  }

  @Test
  void velocity_amountAbove10To15WithCents_isExactToTheCent() {
    List<org.salespipeline.core.Deal> deals = List.of(
        Script.open("W", "a", 0, "1234567890123456.78", "USD").win(1).deal(),
        Script.open("O", "a", 0, "5", "USD").deal());
    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(2)));
    // 1 open deal x 1234567890123456.78 mean x 100% won / 1 day
    assertThat(r.velocityPerDay().get(USD)).isEqualTo(Money.parse("1234567890123456.78", "USD"));
  }

  @Test
  void stuck_noThreshold_p90OfTwentyCompletedStays() {
    List<org.salespipeline.core.Deal> deals = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      deals.add(Script.open("C" + i, "c", 0).win(i + 1).deal()); // stays of 1..20 days in c
    }
    deals.add(Script.open("LATE", "c", 0).deal());
    deals.add(Script.open("FRESH", "c", 15).deal());
    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(25)));
    // p90 of 1..20 = 18 + 0.1 × (19 − 18)... type 7: h = 19 × 0.9 = 17.1 → 18 + 0.1 = 18.1 days
    assertThat(r.stuck()).extracting(StuckDeal::dealId).containsExactly("LATE");
    assertThat(r.stuck().get(0).normDays()).isCloseTo(18.1, within(1e-9));
    assertThat(r.stuck().get(0).norm()).isEqualTo(StuckDeal.Norm.P90_OF_COMPLETED_STAYS);
  }

  @Test
  void dealSize_moreDecimalsOrDigitsThanALong_medianStaysExactAcrossMerges() {
    List<org.salespipeline.core.Deal> deals = List.of(
        Script.open("F1", "a", 0, "0.125", "USD").win(1).deal(),
        Script.open("F2", "a", 0, "100000000000000000000", "USD").win(1).deal(),
        Script.open("F3", "a", 0, "2", "USD").win(1).deal(),
        Script.open("F4", "a", 0, "3", "USD").win(1).deal());
    MetricsQuery query = MetricsQuery.asOf(Script.day(2));
    MetricsReport whole = metrics.calculate(deals, query);
    assertThat(whole.medianDealSize().get(USD).amount()).isEqualByComparingTo("2.5");
    MetricsReport merged = metrics.accumulator(query).addAll(deals.subList(2, 4))
        .merge(metrics.accumulator(query).addAll(deals.subList(0, 2))).report();
    assertThat(merged).isEqualTo(whole);
  }
}
