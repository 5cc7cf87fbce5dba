package org.salespipeline.analyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;
import org.salespipeline.scoring.HistoricalWinRateScorer;
import org.salespipeline.scoring.Prioritiser;
import org.salespipeline.scoring.Ranking;
import org.salespipeline.scoring.ScoringContext;
import org.salespipeline.scoring.StageProbabilityScorer;

class HtmlReportTest {

  static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
  private static final String HOSTILE = "<script>alert('x')</script> \"quoted\" & <b>bold</b>";
  private static final List<String> SECTION_IDS =
      List.of("headline", "funnel", "time-in-stage", "trend", "bottlenecks", "stuck", "prioritised");

  /** A report of generated deals, with trends per month: every section has something to show. */
  static HtmlReport generated(int count) {
    DealGenerator generator = DealGenerator.standard(7);
    List<Deal> deals = generator.deals(count);
    Pipeline pipeline = generator.pipeline();
    MetricsReport metrics = PipelineMetrics.of(pipeline)
        .calculate(deals, MetricsQuery.asOf(AS_OF).withTrends(CalendarUnit.MONTH, ZoneOffset.UTC));
    Ranking top = Prioritiser.of(HistoricalWinRateScorer.of())
        .top(10, deals, ScoringContext.of(pipeline, AS_OF).withHistory(deals));
    return HtmlReport.of("Generated pipeline", metrics, top);
  }

  /** Every piece of text a CSV file controls is hostile: deal id, owner, title, account, stage name, report title. */
  private static String hostileReport() {
    Pipeline pipeline = Pipeline.builder("p", HOSTILE)
        .openStage(Stage.open("first", HOSTILE).withRottingAfter(Duration.ofDays(1)))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .build();
    Deal deal = pipeline.open(NewDeal.of(HOSTILE).withOwner(HOSTILE).withTitle(HOSTILE).withAccount(HOSTILE)
        .withAmount(Money.parse("100", "USD")), AS_OF.minus(Duration.ofDays(10))).get().deal();
    MetricsReport metrics = PipelineMetrics.of(pipeline)
        .calculate(List.of(deal), MetricsQuery.asOf(AS_OF).withGrouping(Grouping.owner()));
    Ranking top = Prioritiser.of(StageProbabilityScorer.of()).top(5, List.of(deal), ScoringContext.of(pipeline, AS_OF));
    assertThat(metrics.stuck()).hasSize(1);
    assertThat(top.deals()).hasSize(1);
    return HtmlReport.of(HOSTILE, metrics, top).render();
  }

  @Test
  void render_hostileTextEverywhere_isEscapedAndNeverMarkup() {
    String html = hostileReport();

    assertThat(html).doesNotContain("<script").doesNotContain("<b>bold")
        .doesNotContain("\"quoted\"").doesNotContain("'x'").doesNotContain("& <");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void render_hostileText_reachesEverySectionEscaped() {
    String html = hostileReport();
    String escaped = Html.escape(HOSTILE);

    // title, h1, subtitle, funnel chart and table, time chart and table, stuck deal id/owner/stage,
    // ranking id/title/account/owner/stage, group key
    assertThat(countOf(html, escaped)).isGreaterThanOrEqualTo(15);
  }

  @Test
  void escape_replacesTheFiveSpecialCharactersAndKeepsTheRest() {
    assertThat(Html.escape("a<b>c&d\"e'f – ü")).isEqualTo("a&lt;b&gt;c&amp;d&quot;e&#39;f – ü");
    assertThat(Html.escape("plain")).isEqualTo("plain");
  }

  @Test
  void render_generatedDeals_loadsNothingAndRunsNothing() {
    String html = generated(400).render();

    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContainIgnoringCase("<script")
        .doesNotContain("<link").doesNotContain("<img").doesNotContain("@import").doesNotContain("url(")
        .doesNotContainIgnoringCase("javascript:").doesNotContainPattern("\\son[a-z]+=");
    assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;");
  }

  @Test
  void render_generatedDeals_hasEverySectionWithItsChartsAndTables() {
    String html = generated(400).render();

    for (String id : SECTION_IDS) {
      assertThat(html).contains("<section id=\"" + id + "\"").contains("href=\"#" + id + "\"");
    }
    assertThat(html).contains("<svg id=\"funnel-chart\"", "<svg id=\"time-chart\"", "<svg id=\"trend-chart\"")
        .contains("<caption>Funnel per stage</caption>", "<caption>Time in stage, days</caption>",
            "<caption>Win rate per month</caption>", "<caption>Stuck deals, furthest over their norm first</caption>",
            "<caption>Deals to work first</caption>");
    assertThat(countOf(html, "<table>")).isEqualTo(6);
    assertThat(html).contains("<title id=\"funnel-chart-title\">Funnel: deals that reached each stage</title>");
  }

  @Test
  void render_generatedDeals_showsTheFiguresOfTheReport() {
    DealGenerator generator = DealGenerator.standard(7);
    List<Deal> deals = generator.deals(400);
    MetricsReport metrics = PipelineMetrics.of(generator.pipeline()).calculate(deals, MetricsQuery.asOf(AS_OF));
    String html = HtmlReport.of("Figures", metrics).render();

    assertThat(html).contains("<dd class=\"value\">" + Figures.percent(metrics.winRate().get().value()) + "</dd>");
    assertThat(html).contains("<td class=\"num\">" + Figures.count(metrics.funnel().get(0).reached()) + "</td>");
    assertThat(html).contains(Figures.money(metrics.weightedPipeline().values().iterator().next()));
  }

  @Test
  void render_noDeals_rendersEverySectionSayingThereIsNothing() {
    MetricsReport empty = PipelineMetrics.of(Pipeline.standard())
        .calculate(List.<Deal>of(), MetricsQuery.asOf(AS_OF).withTrends(CalendarUnit.QUARTER, ZoneOffset.UTC));
    Ranking none = Prioritiser.of(StageProbabilityScorer.of())
        .top(10, List.of(), ScoringContext.of(Pipeline.standard(), AS_OF));

    String html = HtmlReport.of("Empty", empty, none).render();

    for (String id : SECTION_IDS) {
      assertThat(html).contains("<section id=\"" + id + "\"");
    }
    assertThat(html).contains("no deal closed in the window", "No stuck deal", "No open deal to rank",
        "Lowest conversion: none yet").doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void render_withoutTrendsOrRanking_saysSo() {
    MetricsReport metrics = PipelineMetrics.of(Pipeline.standard()).calculate(List.<Deal>of(), MetricsQuery.asOf(AS_OF));

    String html = HtmlReport.of("No extras", metrics).render();

    assertThat(html).contains("No trend: the metrics were computed without trends", "No ranking was given.");
  }

  @Test
  void render_sameInputs_sameText() {
    assertThat(generated(200).render()).isEqualTo(generated(200).render());
  }

  @Test
  void writeTo_missingDirectory_createsItAndWritesUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("a").resolve("b").resolve("report.html");
    HtmlReport report = generated(50);

    assertThat(report.writeTo(file)).isEqualTo(file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(report.render());
  }

  @Test
  void of_badArguments_throwNamingTheParameter() {
    MetricsReport metrics = PipelineMetrics.of(Pipeline.standard()).calculate(List.<Deal>of(), MetricsQuery.asOf(AS_OF));
    assertThatThrownBy(() -> HtmlReport.of(null, metrics)).isInstanceOf(NullPointerException.class)
        .hasMessage("title");
    assertThatThrownBy(() -> HtmlReport.of(" ", metrics)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("title must not be blank but was ' '");
    assertThatThrownBy(() -> HtmlReport.of("t", null)).isInstanceOf(NullPointerException.class).hasMessage("report");
    assertThatThrownBy(() -> HtmlReport.of("t", metrics, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("top");
  }

  @Test
  void niceStep_roundsUpToOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(Charts.niceStep(7)).isEqualTo(10);
    assertThat(Charts.niceStep(3.2)).isEqualTo(5);
    assertThat(Charts.niceStep(14)).isEqualTo(20);
    assertThat(Charts.niceStep(0)).isEqualTo(1);
  }

  static int countOf(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }
}
