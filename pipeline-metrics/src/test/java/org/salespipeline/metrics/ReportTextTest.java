package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;

/**
 * The exact text of a printed report ({@link ReportPrinter}): every section of the hand-computed
 * {@link Sample} with groups, monthly trends, a forecast and a quota.
 *
 * <p>Checked by hand (see {@code PipelineMetricsTest} and {@link Sample}): 7 deals, D5, D6, D7 open,
 * D1 and D4 won (cycles 30 and 50 days: mean 40, p90 30 + 0.9 × 20 = 48), D2 and D3 lost (25 and 40
 * days); win rate 2 of 4 with its Wilson interval [15.0%, 85.0%]; by value USD 1000 of 4000, EUR 0
 * of 500 (Wilson upper bound for 0 of 1: 1.96² / (1 + 1.96²) = 79.3%); Kaplan–Meier over the 7
 * deals: S = 5/6 at 25 days (D7 censored at 10 before), 4/6 at 30, 3/6 at 40 (D6 censored at 40
 * after the close): exactly one half, so the median is 40 days; open USD 2000 + 4000 weighted
 * 0.3 × 2000 + 0.5 × 4000 = 2600, EUR 1500 weighted 150; D5 in B for 70 days, 40 beyond B's
 * rotting threshold of 30; coverage 6000 / 10000 = 0.60x and 2600 / 10000 = 0.26x; the forecast
 * period holds D5 (closing 2025-05-01) and D7 (2025-04-20), its percentiles are the seeded
 * simulation's (outcomes 0, 2000, 4000 or 6000 USD); ana's Kaplan–Meier median is 25 days (S = 1/2
 * after D2's close); the January trend is the report as of February 1: D1 won, D2 lost, D3, D4 and
 * D5 open (D3 EUR 500 and D5 USD 2000 in B: weighted 150 EUR and 600 USD).
 */
class ReportTextTest {

  private static final PipelineMetrics METRICS = PipelineMetrics.of(Script.SIMPLE);

  @Test
  void toString_sampleWithEverySection_isThisText() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF).withGrouping(Grouping.owner())
        .withTrends(CalendarUnit.MONTH, ZoneOffset.UTC)
        .withForecast(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1))
        .withQuota(Money.parse("10000", "USD"))
        .withSimulation(7, 200);

    assertThat(METRICS.calculate(Sample.deals(), query).toString()).isEqualTo(
        "Pipeline metrics: Simple, as of 2025-04-11T00:00:00Z, grouped by owner, trends per month in Z, forecast [2025-04-01, 2025-07-01)\n"
        + "Deals 7: 3 open; 2 won and 2 lost in the window; 1 without amount\n"
        + "\n"
        + "Win rate       rate    95% interval  deals\n"
        + "by count      50.0%  [15.0%, 85.0%]      4\n"
        + "by value EUR   0.0%   [0.0%, 79.3%]      1\n"
        + "by value USD  25.0%   [2.7%, 80.2%]      2\n"
        + "\n"
        + "Deal size (won)  count        total         mean       median\n"
        + "USD                  1  1000.00 USD  1000.00 USD  1000.00 USD\n"
        + "\n"
        + "Sales cycle (days)  count  mean  median   p90\n"
        + "won                     2  40.0    40.0  48.0\n"
        + "lost                    2  32.5    32.5  38.5\n"
        + "Time to close (Kaplan-Meier): median 40.0 days over 7 deals (4 closed, 3 open, censored)\n"
        + "\n"
        + "Funnel (created in window)  reached  advanced  lost  open  conversion     95% interval  win rate  win prob.\n"
        + "A                                 7         6     0     1      100.0%  [61.0%, 100.0%]     50.0%      40.0%\n"
        + "B                                 6         4     1     1       80.0%   [37.6%, 96.4%]     50.0%      47.5%\n"
        + "C                                 4         2     1     1       66.7%   [20.8%, 93.9%]     66.7%      50.0%\n"
        + "\n"
        + "Time in stage (days)  stays  mean  median   p90  open  mean age  median age  p90 age\n"
        + "A                         6   8.3    10.0  10.0     1      40.0        40.0     40.0\n"
        + "B                         4  21.3    15.0  41.0     1      70.0        70.0     70.0\n"
        + "C                         2  15.0    15.0  19.0     1      10.0        10.0     10.0\n"
        + "\n"
        + "Bottlenecks: lowest conversion C (66.7% [20.8%, 93.9%]); longest median stay B (15.0 days)\n"
        + "  Beyond norm  norm days               norm  open  beyond  days beyond\n"
        + "  B                 30.0  rotting threshold     1       1         40.0\n"
        + "Stuck deals: 1\n"
        + "  Deal  stage  owner       amount  age days  norm days  over days\n"
        + "  D5        B     bo  2000.00 USD      70.0       30.0       40.0\n"
        + "\n"
        + "Open pipeline   unweighted     weighted  velocity per day\n"
        + "EUR            1500.00 EUR   150.00 EUR                 -\n"
        + "USD            6000.00 USD  2600.00 USD         25.00 USD\n"
        + "\n"
        + "Forecast [2025-04-01, 2025-07-01): 2 open deals expected to close (0 without amount); 200 trials, seed 7\n"
        + "  Currency  deals     pipeline     expected       P10          P50          P90\n"
        + "  USD           2  6000.00 USD  2600.00 USD  0.00 USD  4000.00 USD  6000.00 USD\n"
        + "\n"
        + "Coverage         quota     pipeline  coverage     weighted  coverage\n"
        + "USD       10000.00 USD  6000.00 USD     0.60x  2600.00 USD     0.26x\n"
        + "\n"
        + "Groups (owner)\n"
        + "       deals  open  won  lost  win rate  avg deal size  median cycle  KM median        weighted pipeline\n"
        + "  ana      2     0    1     1     50.0%    1000.00 USD          30.0       25.0                        -\n"
        + "  bo       3     1    1     1     50.0%              -          50.0       50.0               600.00 USD\n"
        + "  cy       2     2    0     0         -              -             -          -  150.00 EUR, 2000.00 USD\n"
        + "\n"
        + "Trends (per month, Z)\n"
        + "           deals  open  won  lost  win rate  avg deal size  median cycle  KM median        weighted pipeline\n"
        + "  2025-01      5     3    1     1     50.0%    1000.00 USD          30.0          -   150.00 EUR, 600.00 USD\n"
        + "  2025-02      5     1    1     1     50.0%              -          50.0          -               600.00 USD\n"
        + "  2025-03      6     2    0     0         -              -             -          -   150.00 EUR, 600.00 USD\n"
        + "  2025-04      7     3    0     0         -              -             -          -  150.00 EUR, 2600.00 USD\n");
  }

  @Test
  void toString_forecastWithoutPricedDeals_printsItsLineButNoTable() {
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF).withForecast(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 1))
        .withSimulation(7, 200);
    String text = METRICS.calculate(Sample.deals(), query).toString();
    assertThat(text).endsWith("\n\nForecast [2025-09-01, 2025-10-01): 0 open deals expected to close (0 without amount);"
        + " 200 trials, seed 7\n");
  }

  /** Deals open in B since day 0: as of day 100 each is 70 days beyond B's rotting threshold of 30. */
  private static List<Deal> stuckInB(int count) {
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      deals.add(Script.open(String.format("S%02d", i), "b", 0, "100", "USD").owner("ana", 0).deal());
    }
    return deals;
  }

  private static List<String> stuckRows(String text) {
    return Arrays.stream(text.split("\n")).filter(line -> line.matches("  S\\d\\d .*")).toList();
  }

  @Test
  void toString_tenStuckDeals_areAllShown() {
    String text = METRICS.calculate(stuckInB(10), MetricsQuery.asOf(Sample.AS_OF)).toString();
    assertThat(text).contains("Stuck deals: 10\n").doesNotContain("more\n");
    assertThat(stuckRows(text)).hasSize(10);
  }

  @Test
  void toString_elevenStuckDeals_showsTenAndCountsTheRest() {
    String text = METRICS.calculate(stuckInB(11), MetricsQuery.asOf(Sample.AS_OF)).toString();
    assertThat(text).contains("Stuck deals: 11\n");
    assertThat(stuckRows(text)).hasSize(10);
    assertThat(text).contains("  S09       B    ana  100.00 USD     100.0       30.0       70.0\n  ... and 1 more\n");

    String fifteen = METRICS.calculate(stuckInB(15), MetricsQuery.asOf(Sample.AS_OF)).toString();
    assertThat(fifteen).contains("Stuck deals: 15\n").contains("\n  ... and 5 more\n");
  }
}
