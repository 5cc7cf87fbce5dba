package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salespipeline.analyst.Analyst;
import org.salespipeline.analyst.SampleExport;
import org.salespipeline.scoring.testing.FixedScorer;

/** The {@code prioritize} command; the figures are worked out in {@link SampleExport}. */
class PrioritizeCommandTest {

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private List<String> args(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("prioritize", "--history", SampleExport.writeTo(dir).toString(), "--stages",
        SampleExport.STAGES, "--skip-bad-rows"));
    args.addAll(Arrays.asList(extra));
    return args;
  }

  private Map<String, Object> json(String... extra) throws IOException {
    List<String> args = args(extra);
    args.addAll(List.of("--format", "json"));
    assertThat(cli.run(args.toArray(String[]::new))).as("exit status; stderr %s", cli.errLines()).isZero();
    return JsonOf.object(cli.out());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> deals(Map<String, Object> json) {
    return (List<Map<String, Object>>) json.get("deals");
  }


  @Test
  void json_hasScorerAndDealsBestExpectedValueFirst() throws IOException {
    Map<String, Object> json = json();

    assertThat(json.keySet()).containsExactly("scorer", "deals", "warnings", "rowsRead", "dealsRead", "rejectedDeals",
        "rejections");
    assertThat(json).containsEntry("scorer", "historical");
    // expected values: D-6 60,000 x 3/4, D-8 22,000 EUR x 3/3, D-5 15,000 x 3/3, D-9 9,000 x 3/6; D-11 unpriced
    assertThat(deals(json).stream().map(d -> d.get("dealId"))).containsExactly("D-6", "D-8", "D-5", "D-9", "D-11");
  }

  @Test
  void json_deal_hasStageProbabilityExpectedValueAndFactors() throws IOException {
    Map<String, Object> first = deals(json()).get(0);

    assertThat(first.keySet()).containsExactly("dealId", "stage", "probability", "expectedValue", "factors");
    assertThat(first).containsEntry("stage", "Qualification");
    assertThat((BigDecimal) first.get("probability")).isEqualByComparingTo("0.75");
    assertThat(JsonOf.map(first.get("expectedValue")).keySet()).containsExactly("USD");
    assertThat((BigDecimal) JsonOf.map(first.get("expectedValue")).get("USD")).isEqualByComparingTo("45000");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> factors = (List<Map<String, Object>>) first.get("factors");
    // the historical scorer explains the stage's rate against the overall win rate, 3 of 6
    assertThat(factors).singleElement().satisfies(f -> {
      assertThat(f.keySet()).containsExactly("name", "value", "contribution");
      assertThat(f).containsEntry("name", "stage").containsEntry("value", "Qualification");
      assertThat((BigDecimal) f.get("contribution")).isEqualByComparingTo("0.25");
    });
  }

  @Test
  void json_dealWithoutAmount_hasNullExpectedValueAndComesLast() throws IOException {
    List<Map<String, Object>> deals = deals(json());

    assertThat(deals.get(deals.size() - 1)).containsEntry("dealId", "D-11").containsEntry("expectedValue", null);
    assertThat(JsonOf.map(deals.get(1).get("expectedValue")).keySet()).containsExactly("EUR");
  }

  @Test
  void top_keepsTheBestN() throws IOException {
    assertThat(deals(json("--top", "2")).stream().map(d -> d.get("dealId"))).containsExactly("D-6", "D-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stage", "historical", "scorecard", "naive-bayes", FixedScorer.ID})
  void scorer_eachIdIsSelectable(String id) throws IOException {
    Map<String, Object> json = json("--scorer", id);

    assertThat(json).containsEntry("scorer", id);
    assertThat(deals(json)).hasSize(5);
  }

  @Test
  void scorer_stage_givesZeroForStagesNamedOnTheCommandLine() throws IOException {
    assertThat(deals(json("--scorer", "stage"))).allSatisfy(d ->
        assertThat((BigDecimal) d.get("probability")).isEqualByComparingTo("0"));
  }

  @Test
  void scorer_plugin_givesItsOwnProbability() throws IOException {
    assertThat(deals(json("--scorer", FixedScorer.ID))).allSatisfy(d ->
        assertThat((BigDecimal) d.get("probability")).isEqualByComparingTo("0.42"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void naiveBayes_featuresAndTeam_learnOnlyThoseColumnsPerTeam() throws IOException {
    Map<String, Object> json = json("--scorer", "naive-bayes", "--features", "Source", "--team", "segment");

    assertThat(deals(json)).isNotEmpty().allSatisfy(d -> {
      List<Map<String, Object>> factors = (List<Map<String, Object>>) d.get("factors");
      assertThat(factors.stream().map(f -> f.get("name"))).contains("team").doesNotContain("segment")
          .isSubsetOf("team", "stage", "source", "clamp");
      assertThat(factors.stream().filter(f -> f.get("name").equals("team")).map(f -> f.get("value")))
          .singleElement().isIn("Enterprise", "SMB");
    });
  }

  @Test
  void table_isThePrioritiesTable() throws IOException {
    Path file = SampleExport.writeTo(dir);
    assertThat(cli.run("prioritize", "--history", file.toString(), "--stages", SampleExport.STAGES, "--skip-bad-rows")).isZero();

    assertThat(cli.out()).isEqualTo(Analyst.prioritize(Analyst.load(file, org.salespipeline.history.HistoryPipeline.parse(SampleExport.STAGES, "Won", "Lost"), org.salespipeline.history.ReadOptions.defaults().withSkipBadRows(true))).toString())
        .startsWith("Priorities: 5 of 5 open deals by expected value, scorer historical, as of 2024-04-01T00:00:00Z")
        .contains("D-6", "Qualification", "75.0%", "45,000.00 USD", "stage=Qualification +25.0 pts");
  }

  @Test
  void noClosedDeal_historicalCannotScore_listsWhyOnStderrAndRanksNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("open.csv"), SampleExport.ONLY_OPEN);

    int status = cli.run("prioritize", "--history", file.toString(), "--stages", SampleExport.STAGES, "--skip-bad-rows", "--format", "json");

    assertThat(status).isZero();
    assertThat(JsonOf.object(cli.out())).containsEntry("deals", List.of());
    assertThat(cli.errLines()).hasSize(3);
    assertThat(cli.errLines().subList(1, 3)).allSatisfy(line -> assertThat(line).startsWith("not ranked: ")
        .contains("learned from no closed deal"));
    assertThat(cli.errLines().get(0)).isEqualTo("warning: no deal had closed by 2024-05-06T00:00:00Z: there is no win"
        + " rate, and nothing to learn probabilities from");
  }

  @Test
  void unknownScorer_exitsTwoListingTheKnownIds() throws IOException {
    int status = cli.run(args("--scorer", "magic").toArray(String[]::new));

    assertThat(status).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline prioritize: bad --scorer: unknown scorer "
        + "'magic'; known scorers: stage, historical, scorecard, naive-bayes").contains(FixedScorer.ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "--top|0",
      "--top|ten",
      "--format|xml",
      "--as-of|2024/04/01",
      "--features|source",
      "--scorer|naive-bayes|--features|region",
      "--scorer|naive-bayes|--features|source,,segment",
      "--scorer|naive-bayes|--features|source,SOURCE",
      "--scorer|naive-bayes|--team|owner",
      "--scorer|stage|--team|segment",
      "--currency|EURO",
      "--unknown"})
  void badArgument_exitsTwoWithOneLineOnStderr(String extra) throws IOException {
    int status = cli.run(args(extra.split("\\|")).toArray(String[]::new));

    assertThat(status).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.errLines()).singleElement().asString().startsWith("pipeline prioritize: ");
  }

  @Test
  void badRows_stillGiveResults_withEachReasonOnStderr() throws IOException {
    assertThat(deals(json())).hasSize(5);

    assertThat(cli.errLines()).hasSize(4);
    assertThat(cli.errLines().get(0)).startsWith("rejected line 31 (deal D-12)");
  }

  @Test
  void help_namesTheScorersAndTheirLimits() {
    assertThat(cli.run("prioritize", "--help")).isZero();

    assertThat(cli.out()).contains("Usage: pipeline prioritize [-hV] --history=FILE [--stages=\"A,B,C\"]")
        .contains("historical (default)").contains("naive-bayes").contains("--features=COLUMNS")
        .contains("--team=COLUMN").contains("--top=N").contains("ServiceLoader");
  }
}
