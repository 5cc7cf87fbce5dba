package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.Export;
import org.salespipeline.analyst.SampleExport;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;

/** The {@code metrics} command against the JSON contract of SPEC §6; figures worked out in {@link SampleExport}. */
class MetricsCommandTest {

  private static final List<String> KEYS = List.of("deals", "open", "won", "lost", "rejectedRows", "warnings",
      "rowsRead", "dealsRead", "rejectedDeals", "rejections", "winRate",
      "valueWinRate", "averageDealSize", "salesCycleDays", "kmMedianDaysToClose", "funnel", "timeInStageDays",
      "weightedPipeline", "velocityPerDay");

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private Map<String, Object> json(String... extra) throws IOException {
    String[] base = {"metrics", "--history", SampleExport.writeTo(dir).toString(), "--stages", SampleExport.STAGES, "--skip-bad-rows", "--format", "json"};
    String[] args = CliRun.args(base, extra);
    assertThat(cli.run(args)).as("exit status; stderr %s", cli.errLines()).isZero();
    return JsonOf.object(cli.out());
  }


  private static BigDecimal num(Object value) {
    return (BigDecimal) value;
  }

  // ------------------------------------------------------------------------------- the contract

  @Test
  void json_hasExactlyTheContractKeysInOrder() throws IOException {
    assertThat(json().keySet()).containsExactlyElementsOf(KEYS);
  }

  @Test
  void json_counts_areTheLoadedDealsAndRejectedRows() throws IOException {
    Map<String, Object> json = json();

    assertThat(json).containsEntry("deals", new BigDecimal(11)).containsEntry("open", new BigDecimal(5))
        .containsEntry("won", new BigDecimal(3)).containsEntry("lost", new BigDecimal(3))
        .containsEntry("rejectedRows", new BigDecimal(2));
  }

  @Test
  void json_winRate_isARateWithItsWilsonInterval() throws IOException {
    Map<String, Object> winRate = JsonOf.map(json().get("winRate"));

    assertThat(winRate.keySet()).containsExactly("value", "lower", "upper");
    assertThat(num(winRate.get("value"))).isEqualByComparingTo("0.5");
    // Wilson 95% interval of 3 in 6: 0.5 -+ 1.96 * sqrt(0.25/6 + 1.96^2/144) / (1 + 1.96^2/6)
    assertThat(num(winRate.get("lower")).doubleValue()).isCloseTo(0.1876, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(num(winRate.get("upper")).doubleValue()).isCloseTo(0.8124, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void json_moneyFigures_haveOneKeyPerCurrencyWithNullWhereUndefined() throws IOException {
    Map<String, Object> json = json();

    assertThat(JsonOf.map(json.get("averageDealSize")).keySet()).containsExactly("EUR", "USD");
    assertThat(JsonOf.map(json.get("averageDealSize"))).containsEntry("EUR", null);
    assertThat(num(JsonOf.map(json.get("averageDealSize")).get("USD"))).isEqualByComparingTo("25000");
    assertThat(JsonOf.map(json.get("valueWinRate"))).containsEntry("EUR", null);
    // 75,000 won of 118,000 closed
    assertThat(num(JsonOf.map(JsonOf.map(json.get("valueWinRate")).get("USD")).get("value")).doubleValue())
        .isCloseTo(75000.0 / 118000, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(JsonOf.map(json.get("velocityPerDay"))).containsEntry("EUR", null);
  }

  @Test
  void json_weightedPipeline_weighsOpenDealsByTheHistoricalWinRateFromTheirStage() throws IOException {
    Map<String, Object> weighted = JsonOf.map(json().get("weightedPipeline"));

    // USD: D-5 Proposal 15,000 x 3/3 + D-6 Qualification 60,000 x 3/4 + D-9 Prospecting 9,000 x 3/6
    assertThat(num(weighted.get("USD"))).isEqualByComparingTo("64500");
    // EUR: D-8 Proposal 22,000 x 3/3
    assertThat(num(weighted.get("EUR"))).isEqualByComparingTo("22000");
  }

  @Test
  void json_salesCycle_hasCountMeanMedianP90ForWonAndLost() throws IOException {
    Map<String, Object> cycle = JsonOf.map(json().get("salesCycleDays"));

    assertThat(cycle.keySet()).containsExactly("won", "lost");
    Map<String, Object> won = JsonOf.map(cycle.get("won"));
    assertThat(won.keySet()).containsExactly("count", "mean", "median", "p90");
    assertThat(num(won.get("count"))).isEqualByComparingTo("3");
    assertThat(num(won.get("median"))).isEqualByComparingTo("42"); // 26, 42, 56 days
    assertThat(num(won.get("p90"))).isEqualByComparingTo("53.2"); // type 7: 42 + 0.8 x 14
    assertThat(num(JsonOf.map(cycle.get("lost")).get("median"))).isEqualByComparingTo("11"); // 11, 11, 28 days
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_funnel_isAnArrayInStageOrder() throws IOException {
    List<Object> funnel = (List<Object>) json().get("funnel");

    assertThat(funnel).hasSize(3);
    assertThat(funnel.stream().map(s -> JsonOf.map(s).get("stage"))).containsExactly("Prospecting", "Qualification",
        "Proposal");
    Map<String, Object> prospecting = JsonOf.map(funnel.get(0));
    assertThat(prospecting.keySet()).containsExactly("stage", "reached", "advanced", "lost", "open", "conversion");
    assertThat(prospecting).containsEntry("reached", new BigDecimal(11)).containsEntry("advanced", new BigDecimal(8))
        .containsEntry("lost", new BigDecimal(2)).containsEntry("open", new BigDecimal(1));
    assertThat(num(JsonOf.map(prospecting.get("conversion")).get("value"))).isEqualByComparingTo("0.8"); // 8 / (8 + 2)
  }

  @Test
  void json_timeInStage_isKeyedByStageName() throws IOException {
    Map<String, Object> stages = JsonOf.map(json().get("timeInStageDays"));

    assertThat(stages.keySet()).containsExactly("Prospecting", "Qualification", "Proposal");
    assertThat(JsonOf.map(stages.get("Proposal")).keySet()).containsExactly("count", "mean", "median", "p90");
    // completed Proposal stays: D-1 21 days, D-4 27, D-10 12
    assertThat(num(JsonOf.map(stages.get("Proposal")).get("count"))).isEqualByComparingTo("3");
    assertThat(num(JsonOf.map(stages.get("Proposal")).get("mean"))).isEqualByComparingTo("20");
  }

  @Test
  void json_noClosedDeal_givesNullForEveryUndefinedFigure() throws IOException {
    Path file = Files.writeString(dir.resolve("open.csv"), SampleExport.ONLY_OPEN);

    int status = cli.run("metrics", "--history", file.toString(), "--stages", SampleExport.STAGES, "--skip-bad-rows", "--format", "json");

    assertThat(status).isZero();
    Map<String, Object> json = JsonOf.object(cli.out());
    assertThat(json.keySet()).containsExactlyElementsOf(KEYS);
    assertThat(json).containsEntry("winRate", null).containsEntry("kmMedianDaysToClose", null);
    assertThat(JsonOf.map(json.get("valueWinRate"))).isEqualTo(java.util.Collections.singletonMap("USD", null));
    assertThat(JsonOf.map(json.get("averageDealSize"))).isEqualTo(java.util.Collections.singletonMap("USD", null));
    assertThat(JsonOf.map(json.get("weightedPipeline"))).isEqualTo(java.util.Collections.singletonMap("USD", null));
    assertThat(JsonOf.map(json.get("velocityPerDay"))).isEqualTo(java.util.Collections.singletonMap("USD", null));
    assertThat(JsonOf.map(JsonOf.map(json.get("salesCycleDays")).get("won"))).containsEntry("count", BigDecimal.ZERO)
        .containsEntry("mean", null).containsEntry("median", null).containsEntry("p90", null);
    assertThat(cli.errLines()).containsExactly(
        "note: no deal had closed by 2024-05-06T00:00:00Z, so there are no historical win rates to weigh the open"
            + " deals by: the weighted pipeline is undefined",
        "warning: no deal had closed by 2024-05-06T00:00:00Z: there is no win rate, and nothing to learn probabilities"
            + " from");
    assertThat(json).containsEntry("warnings", List.of("no deal had closed by 2024-05-06T00:00:00Z: there is no win"
        + " rate, and nothing to learn probabilities from"));
  }

  @Test
  void json_groupBy_addsGroupsWithTheSameKeysAndNoRejectedRows() throws IOException {
    Map<String, Object> json = json("--group-by", "SEGMENT");

    assertThat(json.keySet()).endsWith("groups");
    Map<String, Object> groups = JsonOf.map(json.get("groups"));
    assertThat(groups.keySet()).containsExactly("Enterprise", "SMB");
    Map<String, Object> enterprise = JsonOf.map(groups.get("Enterprise"));
    assertThat(enterprise.keySet()).containsExactlyElementsOf(KEYS);
    assertThat(enterprise).containsEntry("deals", new BigDecimal(4)).containsEntry("rejectedRows", null);
    assertThat(JsonOf.map(groups.get("SMB"))).containsEntry("deals", new BigDecimal(7));
  }

  @Test
  void json_groupByOwner_groupsByTheOwnerColumn() throws IOException {
    assertThat(JsonOf.map(json("--group-by", "owner").get("groups")).keySet()).containsExactly("ana", "bo", "cy");
  }

  // ------------------------------------------------------------------------------- time

  @Test
  void asOf_default_isTheLatestEnteredAt() throws IOException {
    String defaulted = JsonOf.read(runJson()).toString();
    cli.reset();
    String explicit = JsonOf.read(runJson("--as-of", "2024-04-01T00:00:00Z")).toString();

    assertThat(defaulted).isEqualTo(explicit);
    cli.reset();
    cli.run("metrics", "--history", dir.resolve("export.csv").toString(), "--stages", SampleExport.STAGES, "--skip-bad-rows");
    assertThat(cli.out()).startsWith("Pipeline metrics: Stage history, as of 2024-04-01T00:00:00Z");
  }

  private String runJson(String... extra) throws IOException {
    json(extra);
    return cli.out();
  }

  @Test
  void asOf_earlier_ignoresLaterEvents() throws IOException {
    Map<String, Object> json = json("--as-of", "2024-03-01");

    // D-9, D-10, D-11 do not exist yet; D-4 is not won yet; D-7 is lost at that very instant
    assertThat(json).containsEntry("deals", new BigDecimal(8)).containsEntry("won", BigDecimal.ONE)
        .containsEntry("lost", new BigDecimal(3));
  }

  @Test
  void window_fromTo_countsDealsClosedInTheHalfOpenWindow() throws IOException {
    Map<String, Object> json = json("--from", "2024-03-01", "--to", "2024-04-01");

    // D-7 lost on 03-01 and D-4 won on 03-18 are in; D-10 won on 04-01 is not
    assertThat(json).containsEntry("won", BigDecimal.ONE).containsEntry("lost", BigDecimal.ONE);
  }

  @Test
  void window_fromOnly_runsToTheAsOfInstantIncluded() throws IOException {
    Map<String, Object> json = json("--from", "2024-03-01");

    assertThat(json).containsEntry("won", new BigDecimal(2)).containsEntry("lost", BigDecimal.ONE);
  }

  // ------------------------------------------------------------------------------- table

  @Test
  void table_isTheReportsToString() throws IOException {
    Path file = SampleExport.writeTo(dir);
    int status = cli.run("metrics", "--history", file.toString(), "--stages", SampleExport.STAGES, "--skip-bad-rows", "--group-by", "owner");

    assertThat(status).isZero();
    Export export = Analyst.load(file, org.salespipeline.history.HistoryPipeline.parse(SampleExport.STAGES, "Won", "Lost"), org.salespipeline.history.ReadOptions.defaults().withSkipBadRows(true));
    String expected = Analyst.metrics(export,
        MetricsQuery.asOf(Instant.parse("2024-04-01T00:00:00Z")).withGrouping(Grouping.owner())).toString();
    assertThat(cli.out()).isEqualTo(expected);
  }

  // ------------------------------------------------------------------------------- bad rows

  @Test
  void badRows_stillGiveResults_withEachReasonOnStderr() throws IOException {
    Map<String, Object> json = json();

    assertThat(json).containsEntry("rejectedRows", new BigDecimal(2));
    assertThat(cli.errLines()).hasSize(4);
    assertThat(cli.errLines().get(3)).endsWith("export.csv: unknown stage 'Demo' (1 row); the pipeline's stages are "
        + "Prospecting, Qualification, Proposal, Won, Lost; add open stages to --stages, or fix the rows");
    assertThat(json).containsEntry("rejectedDeals", new BigDecimal(2)).containsEntry("rowsRead", new BigDecimal(31));
    assertThat((List<?>) json.get("rejections")).hasSize(2);
    assertThat(cli.errLines().get(0)).startsWith("rejected line 31 (deal D-12): unknown stage 'Demo'");
    assertThat(cli.errLines().get(1)).startsWith("rejected line 32 (deal D-13): bad entered_at: 'not-a-date'");
    assertThat(cli.errLines().get(2)).endsWith("export.csv: 31 rows (2 rejected), 13 deals (2 rejected); loaded 29 rows of 11 deals");
  }

  // ------------------------------------------------------------------------------- bad arguments

  @ParameterizedTest
  @ValueSource(strings = {
      "--format|xml",
      "--as-of|yesterday",
      "--from|2024-13-01",
      "--to|soon",
      "--from|2024-03-01|--to|2024-03-01",
      "--from|2024-03-02|--to|2024-03-01",
      "--from|2024-05-01",
      "--group-by|region",
      "--currency|XYZ",
      "--stages|A,,B",
      "--won|Prospecting",
      "--bogus|1",
      "--group-by",
      "extra"})
  void badArgument_exitsTwoWithOneLineOnStderr(String extra) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("metrics", "--history", SampleExport.writeTo(dir).toString(), "--stages",
        SampleExport.STAGES));
    if (extra.startsWith("--stages")) {
      args.set(4, extra.split("\\|")[1]);
    } else {
      args.addAll(List.of(extra.split("\\|")));
    }

    int status = cli.run(args.toArray(String[]::new));

    assertThat(status).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline metrics: ");
  }

  @Test
  void unknownGroupBy_namesTheColumnsDealsCanBeGroupedBy() throws IOException {
    cli.run("metrics", "--history", SampleExport.writeTo(dir).toString(), "--stages", SampleExport.STAGES, "--skip-bad-rows", "--group-by", "region");

    assertThat(cli.errLines()).singleElement().asString().contains("cannot group by 'region'")
        .contains("owner, currency, segment, source");
  }

  @Test
  void missingStages_exitsTwoWithOneLine() throws IOException {
    assertThat(cli.run("metrics", "--history", SampleExport.writeTo(dir).toString())).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().contains("missing --stages");
  }

  @Test
  void missingFile_exitsTwoWithOneLine() {
    assertThat(cli.run("metrics", "--history", dir.resolve("nope.csv").toString(), "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().endsWith("nope.csv: no such file");
  }

  @Test
  void directory_exitsTwoWithOneLine() {
    assertThat(cli.run("metrics", "--history", dir.toString(), "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().contains("it is a directory");
  }

  @Test
  void fileWithoutHeaderColumns_exitsTwoWithOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"), "id,when\n1,2024-01-01\n");

    assertThat(cli.run("metrics", "--history", file.toString(), "--stages", "A")).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().contains("the header has no column deal_id, stage, entered_at");
  }

  @Test
  void help_explainsTheWeightsTheCurrencyAndTheJsonKeys() {
    assertThat(cli.run("metrics", "--help")).isZero();

    assertThat(cli.out()).contains("Usage: pipeline metrics [-hV] --history=FILE [--stages=\"A,B,C\"]")
        .contains("historical win rate from its stage").contains("--currency").contains("kmMedianDaysToClose")
        .contains("--as-of=DATE").contains("--group-by=COLUMN");
  }
}
