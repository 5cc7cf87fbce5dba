package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;

/** The JShell session of the README's metrics section, so that its printed table stays true. */
class ReadmeExampleTest {

  static MetricsReport readmeReport() {
    Pipeline p = Pipeline.standard();
    Instant day0 = Instant.parse("2026-01-05T09:00:00Z");
    Deal a = p.open(NewDeal.of("A-1").withOwner("ana").withAmount(Money.parse("12000", "EUR")), day0).get().deal();
    a = p.move(a, "qualification", day0.plus(Duration.ofDays(6))).get().deal();
    a = p.win(a, day0.plus(Duration.ofDays(30))).get().deal();
    Deal b = p.open(NewDeal.of("A-2").withOwner("bo").withAmount(Money.parse("8000", "EUR")), day0.plus(Duration.ofDays(2)))
        .get().deal();
    b = p.lose(b, "Price", day0.plus(Duration.ofDays(20))).get().deal();
    Deal c = p.open(NewDeal.of("A-3").withOwner("ana").withAmount(Money.parse("20000", "EUR")),
        day0.plus(Duration.ofDays(10))).get().deal();
    c = p.move(c, "qualification", day0.plus(Duration.ofDays(15))).get().deal();
    Deal d = p.open(NewDeal.of("A-4").withOwner("bo"), day0.plus(Duration.ofDays(40))).get().deal();

    return PipelineMetrics.of(p).calculate(List.of(a, b, c, d), MetricsQuery.asOf(Instant.parse("2026-03-01T00:00:00Z")));
  }

  @Test
  void readme_report_printsTheTableShownInTheReadme() {
    MetricsReport report = readmeReport();
    assertThat(report.winRate().get().toString()).isEqualTo("50.0% [9.5%, 90.5%]");
    assertThat(report.toString()).isEqualTo(EXPECTED);
  }

  static final String EXPECTED = """
      Pipeline metrics: Standard, as of 2026-03-01T00:00:00Z
      Deals 4: 2 open; 1 won and 1 lost in the window; 1 without amount

      Win rate       rate    95% interval  deals
      by count      50.0%   [9.5%, 90.5%]      2
      by value EUR  60.0%  [13.2%, 93.7%]      2

      Deal size (won)  count         total          mean        median
      EUR                  1  12000.00 EUR  12000.00 EUR  12000.00 EUR

      Sales cycle (days)  count  mean  median   p90
      won                     1  30.0    30.0  30.0
      lost                    1  18.0    18.0  18.0
      Time to close (Kaplan-Meier): median 30.0 days over 4 deals (2 closed, 2 open, censored)

      Funnel (created in window)  reached  advanced  lost  open  conversion     95% interval  win rate  win prob.
      Prospecting                       4         2     1     1       66.7%   [20.8%, 93.9%]     50.0%      66.7%
      Qualification                     2         1     0     1      100.0%  [20.7%, 100.0%]    100.0%     100.0%
      Proposal                          1         1     0     0      100.0%  [20.7%, 100.0%]    100.0%          -
      Negotiation                       1         1     0     0      100.0%  [20.7%, 100.0%]    100.0%          -
      Closing                           1         1     0     0      100.0%  [20.7%, 100.0%]    100.0%          -

      Time in stage (days)  stays  mean  median   p90  open  mean age  median age  p90 age
      Prospecting               3   9.7     6.0  15.6     1      14.6        14.6     14.6
      Qualification             1  24.0    24.0  24.0     1      39.6        39.6     39.6
      Proposal                  0     -       -     -     0         -           -        -
      Negotiation               0     -       -     -     0         -           -        -
      Closing                   0     -       -     -     0         -           -        -

      Bottlenecks: lowest conversion Prospecting (66.7% [20.8%, 93.9%]); longest median stay Qualification (24.0 days)
      Stuck deals: 0

      Open pipeline    unweighted     weighted  velocity per day
      EUR            20000.00 EUR  4000.00 EUR        200.00 EUR
      """;
}
