package org.salespipeline.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.ForecastReport;
import org.salespipeline.metrics.HygieneFlag;
import org.salespipeline.metrics.HygieneReport;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.Movement;
import org.salespipeline.metrics.TrendPeriod;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.scoring.NaiveBayesScorer;
import org.salespipeline.scoring.Scorer;

/** The JShell facade; figures worked out in {@link SampleExport}. */
class AnalystTest {

  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency EUR = Currency.getInstance("EUR");

  @TempDir
  Path dir;

  private Export sample() throws IOException {
    return Analyst.load(Files.writeString(dir.resolve("export.csv"), SampleExport.CSV),
        org.salespipeline.history.HistoryPipeline.parse(SampleExport.STAGES, "Won", "Lost"),
        org.salespipeline.history.ReadOptions.defaults().withSkipBadRows(true));
  }

  @Test
  void load_sample_keepsGoodDealsAndReportsBadRows() throws IOException {
    Export export = sample();

    assertThat(export.deals()).hasSize(11);
    assertThat(export.rejections()).extracting(r -> r.line()).containsExactly(31L, 32L);
    assertThat(export.latestEntry()).isEqualTo(Option.some(Instant.parse("2024-04-01T00:00:00Z")));
    assertThat(export.currencies()).containsExactly(EUR, USD);
  }

  @Test
  void toString_isOneShortLine_describeListsTheRejections() throws IOException {
    Export export = sample();

    assertThat(export.toString()).startsWith("11 deals (5 open, 3 won, 3 lost), 2 of 31 rows rejected, from ")
        .doesNotContain("\n");
    assertThat(export.describe()).contains("1 without amount").contains("Prospecting > Qualification > Proposal")
        .contains("latest stage entry 2024-04-01T00:00:00Z").contains("rejected line 31 (deal D-12)");
  }

  /** The Maven CRM sample's shape, written for the test: two won, one lost, one open, one without engage_date. */
  private static final String OPPORTUNITIES = String.join("\r\n",
      "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
      "A1,ann,Widget,Acme,Won,2017-01-01,2017-01-11,100",
      "A2,ann,\"Widget, large\",,Won,2017-01-01,2017-01-31,300",
      "A3,bo,Gadget,Initech,Lost,2017-01-05,2017-01-06,0",
      "A4,bo,Gadget,Initech,Engaging,2017-02-01,,",
      "A5,cy,Widget,,Prospecting,,,") + "\r\n";

  @Test
  void importFrom_opportunities_loadsTheDealsAndKeepsWhatTheImportTold() throws IOException {
    Path file = Files.writeString(dir.resolve("sales_pipeline.csv"), OPPORTUNITIES);

    Export export = Analyst.importFrom("opportunities", file.toString());

    assertThat(export.deals()).extracting(d -> d.id()).containsExactly("A1", "A2", "A3", "A4");
    assertThat(export.importNotes().get(0)).isEqualTo("imported as opportunities: 5 records = 4 imported + 0 "
        + "rejected + 1 set aside; 4 deals imported, 0 rejected; 7 stage-history rows");
    assertThat(Analyst.warnings(export)).contains(
        "1 opportunities without engage_date (not imported: a created date is never guessed): A5");
    assertThat(Analyst.metrics(export, MetricsQuery.asOf(Instant.parse("2018-01-01T00:00:00Z")))
        .winRate().get().value()).isEqualTo(2.0 / 3);
    assertThat(export.describe()).contains("imported as opportunities: 5 records");
  }

  @Test
  void importFrom_badRecordOrUnknownShape_throwsNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("sales_pipeline.csv"), OPPORTUNITIES.replace("2017-01-31", "31/01/2017"));

    assertThatThrownBy(() -> Analyst.importFrom("opportunities", file.toString()))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("sales_pipeline.csv:3")
        .hasMessageContaining("'31/01/2017'");
    assertThatThrownBy(() -> Analyst.importFrom("pipedrive", file.toString()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opportunities, salesforce-history, hubspot");
  }

  @Test
  void load_missingFile_throwsNamingIt() {
    assertThatThrownBy(() -> Analyst.load(dir.resolve("nope.csv").toString(), "A"))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nope.csv");
  }

  @Test
  void metrics_isAsOfTheLatestEntry_weighedByHistoricalWinRates() throws IOException {
    MetricsReport report = Analyst.metrics(sample());

    assertThat(report.query().asOf()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
    assertThat(report.winRate().get().value()).isEqualTo(0.5);
    assertThat(report.weightedPipeline().get(USD).amount()).isEqualByComparingTo("64500");
    assertThat(report.weightedPipeline().get(EUR).amount()).isEqualByComparingTo("22000");
  }

  @Test
  void metrics_callersProbability_isKept() throws IOException {
    MetricsReport report = Analyst.metrics(sample(),
        MetricsQuery.asOf(Instant.parse("2024-04-01T00:00:00Z")).withProbability(d -> 0.1));

    // open USD: 15,000 + 60,000 + 9,000
    assertThat(report.weightedPipeline().get(USD).amount()).isEqualByComparingTo("8400");
  }

  @Test
  void historicalWinRates_learnOnlyWhatHadClosedByTheInstant() throws IOException {
    Export export = sample();

    // by 2024-02-20 only D-1 (won), D-2 (lost in Qualification) and D-3 (lost in Prospecting) had closed
    var rates = Analyst.historicalWinRates(export, Instant.parse("2024-02-20T00:00:00Z")).get();
    var d6 = export.deals().stream().filter(d -> d.id().equals("D-6")).findFirst().get().asOf(
        Instant.parse("2024-02-20T00:00:00Z")).get();
    assertThat(rates.applyAsDouble(d6)).isEqualTo(1.0 / 3); // Prospecting: D-1 won of D-1, D-2, D-3
    assertThat(Analyst.historicalWinRates(export, Instant.parse("2024-01-20T00:00:00Z"))).isEmpty();
  }

  @Test
  void metricsGroupBy_matchesTheColumnIgnoringCase() throws IOException {
    assertThat(Analyst.metrics(sample(), "Source").groups().keySet()).containsExactly("event", "referral", "web");
  }

  @Test
  void metricsGroupBy_unknownColumn_throwsListingTheColumns() throws IOException {
    Export export = sample();

    assertThatThrownBy(() -> Analyst.metrics(export, "region")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot group by 'region': no loaded deal has a value in such a column; deals can be grouped by "
            + "owner, currency, segment, source");
  }

  @Test
  void grouping_unknownColumn_isAnUnknownGroupingNamingTheGroupableColumns() throws IOException {
    BadChoice refused = sample().grouping("region").getLeft();

    assertThat(refused).isEqualTo(new BadChoice.UnknownGrouping("region", List.of("owner", "currency", "segment",
        "source")));
    assertThat(refused.code()).isEqualTo("UNKNOWN_GROUPING");
  }

  @Test
  void scorer_unknownIdOrColumnOrRepeatedFeature_eachItsOwnCode() throws IOException {
    Export export = sample();

    assertThat(Analyst.scorer(export, "magic", List.of(), Option.none()).getLeft())
        .isInstanceOfSatisfying(BadChoice.UnknownScorer.class, bad -> {
          assertThat(bad.code()).isEqualTo("UNKNOWN_SCORER");
          assertThat(bad.known()).contains("historical", "naive-bayes");
        });
    assertThat(Analyst.scorer(export, "naive-bayes", List.of("region"), Option.none()).getLeft())
        .isEqualTo(new BadChoice.UnknownColumn("region", List.of("segment", "source")));
    assertThat(Analyst.scorer(export, "naive-bayes", List.of("source", "SOURCE"), Option.none()).getLeft())
        .isEqualTo(new BadChoice.RepeatedFeature("SOURCE"));
    assertThat(Analyst.scorer(export, "naive-bayes", List.of(), Option.some("owner")).getLeft().message())
        .startsWith("owner is the deal's owner, not an attribute column; ");
  }

  @Test
  void groupingByCurrency_groupsByTheAmountsCurrency_aDealNamingNoneInTheDefault() throws IOException {
    Export export = sample();

    // D-11 has neither amount nor currency: the default currency's group (SPEC 6), not "(none)"
    assertThat(Analyst.metrics(export, Analyst.query(export).withGrouping(export.grouping("currency").get()))
        .groups()).containsOnlyKeys("EUR", "USD");
    assertThat(Analyst.metrics(export, Analyst.query(export).withGrouping(export.grouping("currency").get()))
        .groups().get("USD").deals()).isEqualTo(export.deals().stream().filter(d -> d.amount().isEmpty()
            || d.amount().get().currency().getCurrencyCode().equals("USD")).count());
  }

  @Test
  void prioritize_default_isHistoricalTopTwentyBestFirst() throws IOException {
    Priorities priorities = Analyst.prioritize(sample());

    assertThat(priorities.scorerId()).isEqualTo("historical");
    assertThat(priorities.considered()).isEqualTo(5);
    assertThat(priorities.deals()).extracting(p -> p.deal().id()).containsExactly("D-6", "D-8", "D-5", "D-9", "D-11");
    assertThat(priorities.deals().get(0).factors()).singleElement()
        .satisfies(f -> assertThat(f.contribution()).isEqualTo(0.25));
    assertThat(priorities.toString()).contains("   1  D-6   Qualification   75.0%   45,000.00 USD  "
        + "stage=Qualification +25.0 pts");
  }

  @Test
  void prioritize_byId_unknown_throwsListingTheKnownIds() throws IOException {
    Export export = sample();

    assertThatThrownBy(() -> Analyst.prioritize(export, "magic")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown scorer 'magic'; known scorers: stage, historical, scorecard, naive-bayes");
  }

  @Test
  void scorer_naiveBayesFeaturesAndTeam_resolveColumnsIgnoringCase() throws IOException {
    Scorer scorer = Analyst.scorer(sample(), "naive-bayes", List.of("SOURCE"), Option.some("Segment")).get();

    assertThat(scorer).isInstanceOfSatisfying(NaiveBayesScorer.class, nb -> {
      assertThat(nb.features()).containsExactly("source");
      assertThat(nb.teamAttribute()).isEqualTo(Option.some("segment"));
    });
  }

  @Test
  void scorer_featuresForAnotherScorer_isRefused() throws IOException {
    BadChoice refused = Analyst.scorer(sample(), "historical", List.of("source"), Option.none()).getLeft();

    assertThat(refused).isEqualTo(new BadChoice.OptionsNotForScorer("historical"));
    assertThat(refused.code()).isEqualTo("OPTIONS_NOT_FOR_SCORER");
    assertThat(refused.message()).isEqualTo("features and team apply to the naive-bayes scorer only, not to 'historical'");
  }

  @Test
  void priority_rankBelowOne_isRefused() throws IOException {
    var deal = sample().deals().get(0);

    assertThatThrownBy(() -> new Priority(0, deal, "Prospecting", 0.5, Option.none(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rank must be at least 1 but was 0");
    assertThatThrownBy(() -> new Priority(1, deal, "Prospecting", 1.5, Option.none(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be within [0, 1] but was 1.5");
  }

  @Test
  void priorities_topBelowOne_isRefused() throws IOException {
    Export export = sample();

    assertThatThrownBy(() -> Priorities.rank(export, NaiveBayesScorer.of(), Instant.EPOCH, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("top must be at least 1 but was 0");
  }

  @Test
  void emptyExport_hasNoLatestEntryAndTheDefaultCurrency() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "deal_id,stage,entered_at\n");
    assertThatThrownBy(() -> Analyst.load(empty.toString(), "A")).isInstanceOf(UncheckedIOException.class)
        .hasMessage(empty + ": the file has a header but no data rows: no deal to load");
    Export export = Export.of("empty.csv", new org.salespipeline.history.LoadedHistory(
        org.salespipeline.history.HistoryPipeline.parse("A", "Won", "Lost"), List.of(), List.of(),
        new org.salespipeline.history.ReadSummary(0, 0, 0, 0, 0)), USD);

    assertThat(export.latestEntry()).isEmpty();
    assertThat(export.currencies()).containsExactly(USD);
    assertThat(Analyst.metrics(export).deals()).isZero();
  }

  // ------------------------------------------------------------ SPEC 4.1: worked in RevenueCommandsTest

  private Export revenue() throws IOException {
    return Analyst.load(Files.writeString(dir.resolve("history.csv"), RevenueHistory.CSV).toString(),
        RevenueHistory.STAGES);
  }

  @Test
  void movement_overTwoDates_isTheWaterfallOfTheWholePipeline() throws IOException {
    Movement m = Analyst.movement(revenue(), "2026-07-01", "2026-08-01").total();

    assertThat(m.start().count()).isEqualTo(4);
    assertThat(m.start().amount(USD).amount()).isEqualByComparingTo("3900");
    assertThat(m.created().amount(USD).amount()).isEqualByComparingTo("1000.125"); // exact; rounded when printed
    assertThat(m.reopened().count()).isEqualTo(1);
    assertThat(m.won().count()).isEqualTo(1);
    assertThat(m.lost().count()).isEqualTo(1);
    assertThat(m.end().count()).isEqualTo(5);
    assertThat(m.end().amount(USD).amount()).isEqualByComparingTo("3600");
  }

  @Test
  void movement_badTimes_throwNamingTheParameter() throws IOException {
    Export export = revenue();

    assertThatThrownBy(() -> Analyst.movement(export, "July", "2026-08-01"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("from: ");
    assertThatThrownBy(() -> Analyst.movement(export, "2026-08-01", "2026-07-01"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void forecast_perQuarter_asOfTheLatestEntryInUtc() throws IOException {
    ForecastReport report = Analyst.forecast(revenue(), "Quarter");

    assertThat(report.query().unit()).isEqualTo(CalendarUnit.QUARTER);
    assertThat(report.query().asOf()).isEqualTo(Instant.parse("2026-08-05T00:00:00Z"));
    assertThat(report.period(TrendPeriod.parse("2026-Q3")).get().team().closedWon().count()).isEqualTo(1);
    assertThat(report.noCloseDate().count()).isEqualTo(5);
    assertThatThrownBy(() -> Analyst.forecast(revenue(), "week")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit must be month or quarter but was 'week'");
  }

  @Test
  void hygiene_asOfTheLatestEntry_flagsTheQuietDeals() throws IOException {
    HygieneReport report = Analyst.hygiene(revenue());

    assertThat(report.query().asOf()).isEqualTo(Instant.parse("2026-08-05T00:00:00Z"));
    assertThat(report.total().count(HygieneFlag.NO_RECENT_ACTIVITY)).isEqualTo(4);
    assertThat(report.deals()).extracting(d -> d.dealId()).containsExactly("D7", "D2", "D6", "D4", "D5");
  }
}
