package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.metrics.MovementTest.figure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;

/**
 * A deal without an owner (an empty owner, or a blank one as a careless export gives it) is one
 * owner, {@link Grouping#NONE} {@code (none)}, in every figure grouped by owner and in every printed
 * table of movement, forecast, hygiene and the metrics. Worked by hand, days after 2025-01-01
 * (stages of {@link RevenueSample}: a PIPELINE, b BEST_CASE rotting after 30 days, c COMMIT):
 *
 * <pre>
 * deal owner  opened (day, stage, amount, close)
 * N1   ""     0, a, 100 USD, 03-10
 * N2   "  "   35, c, 200 USD, 03-20        created inside [day 31, day 59)
 * N3   ana    0, a, 300 USD, 03-15
 * N4   ""     0, a, 50 USD, no close date
 * N5   " "    0, b, 400 USD, 04-30         stuck at day 59: 59 days in b, 29 over its 30
 *
 * movement over [day 31, day 59), by owner: (none) start N1 N4 N5 = 3, 550; created N2 = 1, 200;
 *   end 4, 750. ana start = end = 1, 300.
 * forecast per month in UTC as of day 59: 2025-03 (none) pipeline N1 N2 = 2, 300, commit N2 = 1, 200;
 *   ana pipeline 1, 300; 2025-04 (none) best case and pipeline N5 = 1, 400; no close date (none) N4 1, 50.
 * hygiene as of day 59: (none) 4 open, 4 without owner; ana 1 open, 0 without owner.
 * </pre>
 */
class NoOwnerTest {

  private static final Instant A = Script.day(31);
  private static final Instant B = Script.day(59);

  static List<Deal> deals() {
    return List.of(
        RevenueSample.open("N1", "a", 0, "", "100", "USD", "2025-03-10").deal(),
        RevenueSample.open("N2", "c", 35, "  ", "200", "USD", "2025-03-20").deal(),
        RevenueSample.open("N3", "a", 0, "ana", "300", "USD", "2025-03-15").deal(),
        RevenueSample.open("N4", "a", 0, "", "50", "USD", "").deal(),
        RevenueSample.open("N5", "b", 0, " ", "400", "USD", "2025-04-30").deal());
  }

  @Test
  void label_isNoneForEmptyAndBlank_andTheValueOtherwise() {
    assertThat(Grouping.label("")).isEqualTo("(none)").isEqualTo(Grouping.NONE);
    assertThat(Grouping.label(" \t")).isEqualTo(Grouping.NONE);
    assertThat(Grouping.label("ana")).isEqualTo("ana");
    assertThatThrownBy(() -> Grouping.label(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
  }

  @Test
  void movement_byOwner_putsEmptyAndBlankOwnersInOneGroup() {
    MovementReport report = PipelineMovement.of(RevenueSample.REVENUE).calculate(deals(),
        MovementQuery.over(A, B).withGrouping(Grouping.owner()));

    assertThat(report.groups()).containsOnlyKeys(Grouping.NONE, "ana");
    Movement none = report.groups().get(Grouping.NONE);
    assertThat(none.start()).isEqualTo(figure(3, "550 USD"));
    assertThat(none.created()).isEqualTo(figure(1, "200 USD"));
    assertThat(none.end()).isEqualTo(figure(4, "750 USD"));
    assertThat(report.groups().get("ana").end()).isEqualTo(figure(1, "300 USD"));
    assertThat(report.toString()).contains(Grouping.NONE);
  }

  @Test
  void forecast_ownersAndNoCloseDate_haveOneNoneOwner() {
    ForecastReport report = ForecastRollup.of(RevenueSample.REVENUE).calculate(deals(),
        ForecastQuery.of(B, CalendarUnit.MONTH, ZoneOffset.UTC));

    PeriodForecast march = report.period(TrendPeriod.parse("2025-03")).get();
    assertThat(march.owners()).containsOnlyKeys(Grouping.NONE, "ana");
    assertThat(march.owners().get(Grouping.NONE).pipeline()).isEqualTo(figure(2, "300 USD"));
    assertThat(march.owners().get(Grouping.NONE).commit()).isEqualTo(figure(1, "200 USD"));
    assertThat(march.owners().get("ana").pipeline()).isEqualTo(figure(1, "300 USD"));
    PeriodForecast april = report.period(TrendPeriod.parse("2025-04")).get();
    assertThat(april.owners()).containsOnlyKeys(Grouping.NONE);
    assertThat(april.owners().get(Grouping.NONE).bestCase()).isEqualTo(figure(1, "400 USD"));
    assertThat(report.noCloseDateByOwner()).containsOnlyKeys(Grouping.NONE);
    assertThat(report.noCloseDateByOwner().get(Grouping.NONE)).isEqualTo(figure(1, "50 USD"));
    assertThat(report.toString()).containsPattern("\\(none\\) +deals +0 +0 +1 +1 +0\\n")
        .contains("  (none): 1 (50.00 USD)");
  }

  @Test
  void hygiene_perOwnerCount_andTable_sayNone() {
    HygieneReport report = PipelineHygiene.of(RevenueSample.REVENUE).calculate(deals(), HygieneQuery.asOf(B));

    assertThat(report.owners()).containsOnlyKeys(Grouping.NONE, "ana");
    assertThat(report.owners().get(Grouping.NONE).openDeals()).isEqualTo(4);
    assertThat(report.owners().get(Grouping.NONE).count(HygieneFlag.NO_OWNER)).isEqualTo(4);
    assertThat(report.owners().get("ana").count(HygieneFlag.NO_OWNER)).isZero();
    assertThat(report.total().count(HygieneFlag.NO_OWNER)).isEqualTo(4);
    assertThat(report.toString()).containsPattern("N2 +\\(none\\) +Closing").containsPattern("N5 +\\(none\\) +Proposal");
  }

  @Test
  void metrics_groupsAndStuckTable_sayNone() {
    MetricsReport report = PipelineMetrics.of(RevenueSample.REVENUE).calculate(deals(),
        MetricsQuery.asOf(B).withGrouping(Grouping.owner()));

    assertThat(report.groups()).containsOnlyKeys(Grouping.NONE, "ana");
    assertThat(report.stuck()).extracting(StuckDeal::dealId).containsExactly("N5");
    assertThat(report.toString()).containsPattern("N5 +Proposal +\\(none\\)");
  }
}
