package org.salespipeline.analyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.Export;
import org.salespipeline.analyst.RevenueHistory;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.ForecastQuery;
import org.salespipeline.metrics.ForecastRollup;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.PipelineHygiene;
import org.salespipeline.metrics.PipelineMovement;
import org.salespipeline.metrics.HygieneQuery;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.MovementQuery;
import org.salespipeline.metrics.PipelineMetrics;
import org.salespipeline.metrics.TrendPeriod;

/** The report's sections of SPEC §4.1: pipeline movement (waterfall and table), forecast, hygiene. */
class HtmlReportRevenueTest {

  private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final String HOSTILE = "<script>alert('x')</script> \"quoted\" & <b>bold</b>";

  @TempDir
  Path dir;

  /** The hand-worked history of {@link RevenueHistory}, with the three sections as the CLI's report makes them. */
  private String revenueReport() throws IOException {
    Export export = Analyst.load(Files.writeString(dir.resolve("history.csv"), RevenueHistory.CSV).toString(),
        RevenueHistory.STAGES);
    Instant asOf = export.latestEntry().get();
    MetricsReport metrics = Analyst.metrics(export);
    return HtmlReport.of("Revenue", metrics)
        .withMovement(Analyst.movement(export, "2026-07-01", "2026-08-01"))
        .withForecast(Analyst.forecast(export, ForecastQuery.of(asOf, CalendarUnit.QUARTER, ZoneOffset.UTC)))
        .withHygiene(Analyst.hygiene(export, HygieneQuery.asOf(asOf)))
        .render();
  }

  private static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\"");
    assertThat(start).as("section %s", id).isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  @Test
  void movement_isAWaterfallBesideItsTable_withTheHandWorkedFigures() throws IOException {
    String html = revenueReport();
    String movement = section(html, "movement");

    assertThat(html).contains("<a href=\"#movement\">Pipeline movement</a>");
    assertThat(movement).contains("<div class=\"side-by-side\"><svg id=\"movement-chart-USD\"")
        .contains("<title id=\"movement-chart-USD-title\">Pipeline movement in USD</title>")
        .contains("<caption>Pipeline movement</caption>");
    // one bar per step, each with its tooltip: start, 4 steps up, 4 down, end
    assertThat(java.util.regex.Pattern.compile("<rect class=\"wf-(total|up|down)\" x=").matcher(movement).results()
        .count()).isEqualTo(10);
    assertThat(HtmlReportTest.countOf(movement, " key\" x=")).as("legend keys").isEqualTo(3);
    assertThat(movement).contains("<title>Start: 4 (3,900.00\u00a0USD)</title>",
        "<title>+ Created: 2 (1,000.12\u00a0USD)</title>", "<title>− Lost: 1 (700.12\u00a0USD)</title>",
        "<title>End: 5 (3,600.00\u00a0USD)</title>");
    assertThat(movement).containsPattern("<th scope=\"row\" class=\"text\">= End</th><td class=\"num\">5</td>"
        + "<td class=\"num\">3,600.00\u00a0USD</td>");
  }

  @Test
  void movement_waterfallGeometry_endsWhereTheEndBarEnds() throws IOException {
    // start 3900 is drawn from 0; the running amount after the steps is 3600, the end bar's length:
    // the last step (decreased, 0) starts where the end bar stops.
    String movement = section(revenueReport(), "movement");
    String endBar = movement.substring(movement.indexOf("<rect class=\"wf-total\"", movement.indexOf("− Decreased")));
    String lastStep = movement.substring(movement.lastIndexOf("<rect class=\"wf-down\""));
    String endWidth = endBar.replaceAll("(?s)^.*? width=\"([0-9.]+)\".*$", "$1");
    String stepX = lastStep.replaceAll("(?s)^.*? x=\"([0-9.]+)\".*$", "$1");

    assertThat(Double.parseDouble(stepX)).isCloseTo(130 + Double.parseDouble(endWidth),
        org.assertj.core.data.Offset.offset(0.11));
  }

  @Test
  void forecastAndHygiene_showTheRollUpAndTheFlaggedDealsWorstFirst() throws IOException {
    String html = revenueReport();
    String forecast = section(html, "forecast");
    String hygiene = section(html, "hygiene");

    assertThat(forecast).contains("<table class=\"stacked\"><caption>Forecast roll-up, 2026-Q3</caption>")
        .contains("<th scope=\"row\" class=\"text\">(all)</th><td class=\"num\">1,000.00\u00a0USD\n1 deal</td>")
        .contains("5 open deals have no expected close date and are in no period (3,600.00\u00a0USD): (none) 1;"
            + " ana 2 · 2,900.00\u00a0USD; bo 2 · 700.00\u00a0USD.");
    assertThat(hygiene).contains("<caption>Flags per owner</caption>", "<caption>Flagged deals, worst first</caption>")
        .contains("No close date, No recent activity, No amount, No owner")
        .containsPattern("<th scope=\"row\"[^>]*>\\(none\\)</th><td class=\"num\">1</td><td class=\"num\">1</td>")
        .containsPattern(">D7</th><td[^>]*>\\(none\\)</td>");
    assertThat(hygiene.indexOf(">D7<")).isLessThan(hygiene.indexOf(">D2<"));
    assertThat(hygiene.indexOf(">D2<")).isLessThan(hygiene.indexOf(">D5<"));
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("http://").doesNotContain("https://");
  }

  /**
   * July 2026 per owner, worked by hand from {@link RevenueHistory}: ana starts with D1, D2, D6,
   * wins D1 and ends with D2, D6; bo creates D3 and D5, reopens D4, loses D3 and ends with D4, D5;
   * D7 (no owner) is open throughout.
   */
  @Test
  void movement_grouped_addsATableOfEachGroupsDealsInTheWaterfallsOrder() throws IOException {
    Export export = Analyst.load(Files.writeString(dir.resolve("history.csv"), RevenueHistory.CSV).toString(),
        RevenueHistory.STAGES);
    MovementQuery july = MovementQuery.over(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-08-01T00:00:00Z"))
        .withGrouping(Grouping.owner());

    String movement = section(HtmlReport.of("Revenue", Analyst.metrics(export))
        .withMovement(Analyst.movement(export, july)).render(), "movement");

    assertThat(movement).contains("<caption>Pipeline movement by owner, deals</caption>")
        .contains("<th scope=\"col\" class=\"num\">+ Reopened</th><th scope=\"col\" class=\"num\">− Won</th>")
        .contains(row("(none)", 1, 0, 0, 0, 0, 0, 0, 1), row("ana", 3, 0, 0, 0, 1, 0, 0, 2),
            row("bo", 0, 2, 0, 1, 0, 1, 0, 2));
    assertThat(movement.indexOf(">+ Increased<")).isLessThan(movement.indexOf(">− Won<"));
  }

  private static String row(String group, int... counts) {
    StringBuilder row = new StringBuilder("<tr><th scope=\"row\" class=\"text\">" + group + "</th>");
    for (int count : counts) {
      row.append("<td class=\"num\">").append(count).append("</td>");
    }
    return row.append("</tr>").toString();
  }

  @Test
  void withoutTheSections_theReportIsAsBefore() {
    String html = HtmlReportTest.generated(50).render();

    assertThat(html).doesNotContain("id=\"movement\"", "id=\"forecast\"", "id=\"hygiene\"", "href=\"#movement\"");
  }

  @Test
  void hostileText_inTheNewSections_isEscaped() {
    Pipeline pipeline = Pipeline.builder("p", HOSTILE)
        .openStage(Stage.open("first", HOSTILE))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .build();
    Deal deal = pipeline.open(NewDeal.of(HOSTILE).withOwner(HOSTILE).withAmount(Money.parse("100", "USD"))
        .withExpectedClose(LocalDate.of(2025, 12, 20)), AS_OF.minus(Duration.ofDays(30))).get().deal();
    List<Deal> deals = List.of(deal);
    MetricsReport metrics = PipelineMetrics.of(pipeline).calculate(deals, MetricsQuery.asOf(AS_OF));
    String html = HtmlReport.of(HOSTILE, metrics)
        .withMovement(PipelineMovement.of(pipeline).calculate(deals, MovementQuery.over(AS_OF.minus(Duration.ofDays(40)),
            AS_OF).withTargetPeriod(TrendPeriod.parse("2025-12"))))
        .withForecast(ForecastRollup.of(pipeline).calculate(deals, ForecastQuery.of(AS_OF, CalendarUnit.MONTH,
            ZoneOffset.UTC).withQuota(TrendPeriod.parse("2025-12"), HOSTILE, Money.parse("1000", "USD"))))
        .withHygiene(PipelineHygiene.of(pipeline).calculate(deals, HygieneQuery.asOf(AS_OF)))
        .render();
    String escaped = Html.escape(HOSTILE);

    assertThat(html).doesNotContain("<script").doesNotContain("<b>bold").doesNotContain("\"quoted\"");
    // forecast: the owner's row; hygiene: the owner's counts, and the deal's id, owner and stage
    assertThat(HtmlReportTest.countOf(section(html, "forecast"), escaped)).isEqualTo(1);
    assertThat(HtmlReportTest.countOf(section(html, "hygiene"), escaped)).isEqualTo(4);
    assertThat(section(html, "movement")).contains("<title>+ Created: 1 (100.00\u00a0USD)</title>");
    assertThat(section(html, "hygiene")).contains("Close date passed");
  }
}
