package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.internal.TextTable;

/**
 * Figures at their documented edges, worked by hand: a tie for the lowest conversion, the window
 * of a trend period, the reports' equality and the hygiene report's cut at
 * {@value HygieneReport#SHOWN} deals, the shortcuts of {@link PipelineMetrics}, formats of counts
 * and probabilities.
 */
class FigureEdgesTest {

  private static final PipelineMetrics METRICS = PipelineMetrics.of(Script.SIMPLE);

  /**
   * D1 a → b → c → won, D2 a → b → c → lost, D3 and D4 a → lost: A converts 2 of 4 (50%), B 2 of 2,
   * C 1 of 2 (50%). The tie goes to the earlier stage (Bottlenecks' documentation).
   */
  @Test
  void lowestConversion_tie_isTheEarlierStage() {
    List<Deal> deals = List.of(
        Script.open("D1", "a", 0).move("b", 1).move("c", 2).win(3).deal(),
        Script.open("D2", "a", 0).move("b", 1).move("c", 2).lose(3).deal(),
        Script.open("D3", "a", 0).lose(1).deal(),
        Script.open("D4", "a", 0).lose(2).deal());
    MetricsReport report = METRICS.calculate(deals, MetricsQuery.asOf(Script.day(10)));

    assertThat(report.funnel("a").get().conversion().get().value()).isEqualTo(0.5);
    assertThat(report.funnel("b").get().conversion().get().value()).isEqualTo(1.0);
    assertThat(report.funnel("c").get().conversion().get().value()).isEqualTo(0.5);
    assertThat(report.bottlenecks().lowestConversion().get().stageId()).isEqualTo("a");
  }

  private static MetricsReport month(MetricsReport report, int month) {
    return report.trends().entrySet().stream().filter(e -> e.getKey().start().equals(LocalDate.of(2025, month, 1)))
        .map(Map.Entry::getValue).findFirst().orElseThrow();
  }

  /**
   * Sample's closes: D5 lost 01-11 (reopened 01-21), D2 lost 01-26, D1 won 01-31, D3 lost 02-10, D4
   * won 02-20. With the window [01-27, 02-15) a month's window is its part of the window:
   * January's [01-27, 02-01) holds D1's win but not D2's loss; February's [02-01, 02-15) holds D3's
   * loss but not D4's win.
   */
  @Test
  void trends_withAWindow_eachPeriodCountsItsPartOfTheWindow() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(26), Script.day(45))
        .withTrends(CalendarUnit.MONTH, ZoneOffset.UTC);
    MetricsReport report = METRICS.calculate(Sample.deals(), query);

    assertThat(report.trends()).hasSize(2);
    assertThat(month(report, 1).won()).isEqualTo(1);
    assertThat(month(report, 1).lost()).isZero();
    assertThat(month(report, 2).won()).isZero();
    assertThat(month(report, 2).lost()).isEqualTo(1);
    assertThat(report.won()).as("the whole window").isEqualTo(1);
    assertThat(report.lost()).isEqualTo(1);
  }

  private final PipelineHygiene hygiene = PipelineHygiene.of(RevenueSample.REVENUE);

  @Test
  void hygieneReport_equalForTheSameDealsAndQuery_only() {
    HygieneQuery query = HygieneQuery.asOf(HygieneTest.T);
    HygieneReport report = hygiene.calculate(HygieneTest.deals(), query);
    HygieneReport same = hygiene.calculate(HygieneTest.deals(), query);

    assertThat(report.query()).isEqualTo(query);
    assertThat(report).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(report).isNotEqualTo(hygiene.calculate(HygieneTest.deals(), HygieneQuery.asOf(HygieneTest.T.plusSeconds(1))));
    assertThat(report).isNotEqualTo(hygiene.calculate(HygieneTest.deals().subList(0, 7), query));
    assertThat(report).isNotEqualTo("a report");
  }

  /** Deals without amount, close date or owner, opened on day 0 in a: each is flagged. */
  private List<Deal> flagged(int count) {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      deals.add(RevenueSample.open(String.format("F%02d", i), "a", 0, "", "", "", "").deal());
    }
    return deals;
  }

  @Test
  void hygieneToString_showsTwentyDeals_thenCountsTheRest() {
    String twenty = hygiene.calculate(flagged(20), HygieneQuery.asOf(HygieneTest.T)).toString();
    assertThat(twenty).contains("F19").doesNotContain("more flagged deals");

    String twentyTwo = hygiene.calculate(flagged(22), HygieneQuery.asOf(HygieneTest.T)).toString();
    assertThat(twentyTwo).contains("F19").doesNotContain("F20").doesNotContain("F21")
        .endsWith("\n... and 2 more flagged deals\n");
  }

  @Test
  void shortcuts_areTheCalculationsOfThePipeline() {
    PipelineMetrics revenue = PipelineMetrics.of(RevenueSample.REVENUE);
    HygieneQuery hygieneQuery = HygieneQuery.asOf(HygieneTest.T);
    assertThat(revenue.hygiene().calculate(HygieneTest.deals(), hygieneQuery))
        .isEqualTo(hygiene.calculate(HygieneTest.deals(), hygieneQuery));

    MovementQuery movementQuery = MovementQuery.over(Script.day(0), Script.day(50));
    MovementReport movement = METRICS.movement().calculate(Sample.deals(), movementQuery);
    assertThat(movement).isEqualTo(PipelineMovement.of(Script.SIMPLE).calculate(Sample.deals(), movementQuery))
        .hasSameHashCodeAs(PipelineMovement.of(Script.SIMPLE).calculate(Sample.deals(), movementQuery));
    assertThat(movement.query()).isEqualTo(movementQuery);
    assertThat(movement).isNotEqualTo(METRICS.movement().calculate(Sample.deals(), MovementQuery.over(Script.day(0),
        Script.day(20))));

    ForecastQuery forecastQuery = ForecastQuery.of(Sample.AS_OF, CalendarUnit.MONTH, ZoneOffset.UTC);
    ForecastReport forecast = METRICS.forecastRollup().calculate(Sample.deals(), forecastQuery);
    assertThat(forecast).isEqualTo(ForecastRollup.of(Script.SIMPLE).calculate(Sample.deals(), forecastQuery))
        .hasSameHashCodeAs(ForecastRollup.of(Script.SIMPLE).calculate(Sample.deals(), forecastQuery));
    assertThat(forecast.query()).isEqualTo(forecastQuery);
    assertThat(forecast).isNotEqualTo(METRICS.forecastRollup().calculate(Sample.deals().subList(0, 5), forecastQuery));
  }

  @Test
  void accumulatorFrom_quotaWithoutForecastPeriod_isRefusedBeforeTheBytesAreRead() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF).withQuota(Money.parse("1000", "USD"));
    assertThatIllegalArgumentException().isThrownBy(() -> METRICS.accumulatorFrom(new byte[0], query))
        .withMessageStartingWith("query has quotas [1000.00 USD] but no forecast period");
  }

  @Test
  void query_defaultSeed_andItsText() {
    assertThat(MetricsQuery.asOf(Sample.AS_OF).seed()).isEqualTo(20_260_101L);
    String text = MetricsQuery.asOf(Sample.AS_OF).withWindow(Script.day(0), Script.day(31))
        .withConverter(CurrencyConverter.fixedRates(java.util.Currency.getInstance("EUR"), Map.of(java.util.Currency.getInstance("USD"), new java.math.BigDecimal("0.9"))))
        .toString();
    assertThat(text).startsWith("as of 2025-04-11T00:00:00Z, window ").contains("2025-01-01T00:00:00Z")
        .endsWith(", converted to EUR");
  }

  @Test
  void survivalAt_dayZero_isOne() {
    SurvivalCurve curve = METRICS.calculate(Sample.deals(), MetricsQuery.asOf(Sample.AS_OF)).timeToClose();
    assertThat(curve.survivalAt(0)).isEqualTo(Option.some(1.0));
    assertThat(curve.survivalAt(40)).isEqualTo(Option.some(0.5)); // Kaplan-Meier of the sample: 5/6 · 4/5 · 3/4
  }

  @Test
  void figureFormat_countsAndProbabilities() {
    FigureFormat grouped = FigureFormat.of("n/a", true, " ");
    FigureFormat plain = FigureFormat.of("-", false, " ");
    assertThat(grouped.count(1_234_567)).isEqualTo("1,234,567");
    assertThat(plain.count(1_234_567)).isEqualTo("1234567");
    assertThat(grouped.probability(Option.some(0.25))).isEqualTo("0.250");
    assertThat(plain.probability(Option.some(2.0 / 3))).isEqualTo("0.667");
    assertThat(grouped.probability(Option.none())).isEqualTo("n/a");
  }

  @Test
  void textTable_headerAloneHasNoRows() {
    TextTable table = new TextTable("a", "b");
    assertThat(table.hasRows()).isFalse();
    assertThat(table.row("1", "2")).isSameAs(table);
    assertThat(table.hasRows()).isTrue();
  }
}
