package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;

/**
 * Issue 14 and SPEC §4: the Kaplan–Meier median at an exact one half, and money figures computed
 * exactly and rounded half-even once to the currency's minor unit (two more decimals for a mean or
 * a rate per day).
 */
class ExactFiguresTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Pipeline PIPELINE = Script.SIMPLE;
  private final PipelineMetrics metrics = PipelineMetrics.of(PIPELINE);

  private static Instant date(String date) {
    return LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  /**
   * Issue 14's case: ten deals created 2024-01-01; one won on 01-02, two won on 01-03, two lost on
   * 01-04, five open. S(3 days) = 9/10 · 7/9 · 5/7 = 1/2 exactly; in doubles 0.5000000000000001.
   */
  private static List<Deal> issue14Deals(String... laterCloses) {
    String[] closes = {"2024-01-02", "2024-01-03", "2024-01-03", "2024-01-04", "2024-01-04"};
    boolean[] won = {true, true, true, false, false};
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Deal deal = PIPELINE.open(NewDeal.of("K" + i).withStage("a"), date("2024-01-01")).get().deal();
      if (i < closes.length) {
        deal = won[i] ? PIPELINE.win(deal, date(closes[i])).get().deal()
            : PIPELINE.lose(deal, "Price", date(closes[i])).get().deal();
      } else if (i - closes.length < laterCloses.length) {
        deal = PIPELINE.win(deal, date(laterCloses[i - closes.length])).get().deal();
      }
      deals.add(deal);
    }
    return deals;
  }

  @Test
  void kmMedian_survivalExactlyOneHalfAtThreeDays_isThreeDays() {
    MetricsReport r = metrics.calculate(issue14Deals(), MetricsQuery.asOf(date("2024-02-01")));

    assertThat(r.kmMedianDaysToClose()).contains(3.0);
    assertThat(r.timeToClose().survivalAt(3.0)).contains(0.5);
  }

  @Test
  void kmMedian_oneMoreCloseAfterTheExactHalf_staysThreeDays() {
    MetricsReport r = metrics.calculate(issue14Deals("2024-01-11"), MetricsQuery.asOf(date("2024-02-01")));

    assertThat(r.kmMedianDaysToClose()).contains(3.0);
  }

  @Test
  void weightedPipeline_probabilityWithBinaryResidue_isRoundedOnceToTheCent() {
    double probability = 0.1 + 0.2; // 0.30000000000000004
    List<Deal> deals = List.of(Script.open("P", "a", 0, "286320.33", "USD").deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(1)).withProbability(d -> probability));

    // exact: 286320.33 × 0.30000000000000004 = 85896.0990000000000114528...
    assertThat(r.weightedPipeline().get(USD).amount()).isEqualTo(new BigDecimal("85896.10"));
  }

  @Test
  void weightedPipeline_halfCentsPerDeal_areSummedBeforeRounding() {
    // stage a weighs 10%: each deal is worth 0.005 USD; rounding each would give 0.00
    List<Deal> deals = List.of(Script.open("H1", "a", 0, "0.05", "USD").deal(),
        Script.open("H2", "a", 0, "0.05", "USD").deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(1)));

    assertThat(r.weightedPipeline().get(USD).amount()).isEqualTo(new BigDecimal("0.01"));
  }

  @Test
  void weightedPipeline_yen_hasNoFraction() {
    List<Deal> deals = List.of(Script.open("Y1", "b", 0, "1001", "JPY").deal(),
        Script.open("Y2", "b", 0, "1002", "JPY").deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(1)));

    // 2003 × 0.3 = 600.9 yen
    assertThat(r.weightedPipeline().get(JPY).amount()).isEqualTo(new BigDecimal("601"));
  }

  @Test
  void dealSize_yen_meanAndMedianKeepTwoDecimalsTotalNone() {
    List<Deal> deals = List.of(Script.open("Y1", "a", 0, "100", "JPY").win(1).deal(),
        Script.open("Y2", "a", 0, "101", "JPY").win(1).deal(), Script.open("Y3", "a", 0, "101", "JPY").win(1).deal(),
        Script.open("Y4", "a", 0, "100", "JPY").win(1).deal(), Script.open("Y5", "a", 0, "101", "JPY").win(1).deal(),
        Script.open("Y6", "a", 0, "100", "JPY").win(1).deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(2)));

    DealSize size = r.dealSize().get(JPY);
    assertThat(size.total().amount()).isEqualTo(new BigDecimal("603"));
    assertThat(size.mean().amount()).isEqualByComparingTo("100.50");
    assertThat(size.median().amount()).isEqualByComparingTo("100.5");
  }

  @Test
  void velocity_repeatingQuotient_isRoundedOnceToTwoDecimalsBeyondTheCent() {
    List<Deal> deals = List.of(Script.open("W", "a", 0, "100", "USD").win(3).deal(),
        Script.open("O", "a", 0, "5", "USD").deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(4)));

    // 1 open deal × 100 USD × 100% won / 3 days = 33.3333... USD per day
    assertThat(r.velocityPerDay().get(USD).amount()).isEqualTo(new BigDecimal("33.3333"));
    assertThat(r.toString()).contains("33.3333 USD");
  }

  @Test
  void forecast_yen_everyFigureIsWholeYen() {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      deals.add(Script.open("F" + i, "b", 0, Integer.toString(1001 + 2 * i), "JPY").expectedClose("2025-01-20", 0)
          .deal());
    }

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(1))
        .withForecast(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)).withSimulation(7, 10));

    CurrencyForecast f = r.forecast().get().byCurrency().get(JPY);
    // 7 deals of 1001..1013 yen: 7049 yen × 0.3 = 2114.7
    assertThat(f.expected().amount()).isEqualTo(new BigDecimal("2115"));
    for (Money level : List.of(f.p10(), f.p50(), f.p90())) {
      assertThat(level.amount().scale()).as("%s", level).isZero();
    }
  }

  @Test
  void coverage_sumsRoundedOnce_ratiosOfTheExactSums() {
    List<Deal> deals = List.of(Script.open("C", "c", 0, "0.125", "USD").expectedClose("2025-01-20", 0).deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(1))
        .withForecast(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)).withQuota(Money.parse("1", "USD")));

    Coverage c = r.coverage().get(USD);
    assertThat(c.pipeline().amount()).isEqualTo(new BigDecimal("0.12")); // 0.125, half-even
    assertThat(c.weighted().amount()).isEqualTo(new BigDecimal("0.08")); // 0.125 × 0.6 = 0.075, half-even
    assertThat(c.ratio()).contains(0.125);
    assertThat(c.weightedRatio()).contains(0.075);
  }

  @Test
  void stuck_ageEqualToAnInterpolatedP90_isNotStuck() {
    // 24 completed stays in c (no rotting threshold): 21 of 1 day, 3 of 11 days. Type 7:
    // h = 23 × 0.9 = 20.7, p90 = 1 + 0.7 × (11 − 1) = 8 days exactly; in doubles 7.99999999999999...
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      deals.add(Script.open("S" + i, "c", 0).win(i < 21 ? 1 : 11).deal());
    }
    deals.add(Script.open("AT-NORM", "c", 12).deal());
    deals.add(Script.open("PAST-NORM", "c", 11.5).deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(20)));

    assertThat(r.stuck()).extracting(StuckDeal::dealId).containsExactly("PAST-NORM");
    StageExcess c = r.bottlenecks().beyondNorm().stream().filter(x -> x.stageId().equals("c")).findFirst().get();
    assertThat(c.dealsBeyondNorm()).isEqualTo(1);
  }

  @Test
  void trends_eachPeriodsMoneyFigures_areInTheMinorUnit() {
    List<Deal> deals = List.of(Script.open("Y1", "b", 0, "1001", "JPY").deal(),
        Script.open("Y2", "b", 40, "1002", "JPY").deal(), Script.open("Y3", "a", 0, "1001", "JPY").win(3).deal(),
        Script.open("Y4", "a", 0, "1000", "JPY").win(45).deal());

    MetricsReport r = metrics.calculate(deals, MetricsQuery.asOf(Script.day(50))
        .withTrends(CalendarUnit.MONTH, java.time.ZoneOffset.UTC));

    // end of January: Y1 (b, 30%) and Y4 (a, 10%) open, 300.3 + 100 = 400.3 yen;
    // as of day 50 in February: Y1 and Y2 open, 2003 × 0.3 = 600.9 yen
    assertThat(r.trends().values()).extracting(t -> t.weightedPipeline().get(JPY).amount())
        .containsExactly(new BigDecimal("400"), new BigDecimal("601"));
    assertThat(r.trends().values()).extracting(t -> t.velocityPerDay().get(JPY).amount().scale())
        .allSatisfy(scale -> assertThat(scale).isLessThanOrEqualTo(2));
  }
}
