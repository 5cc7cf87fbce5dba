package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code forecast} on a history with the {@code forecast_category} column (SPEC §4.1: open deals
 * "by the forecast category of their stage, or their override"; §6: applied at its row's instant),
 * worked by hand. Stages Prospect, Proposal, both in the forecast category pipeline; Won, Lost;
 * every deal expected to close in 2026-Q3, in USD.
 *
 * <pre>
 * F1 ana  07-01 Prospect 1000; 07-10 Commit                      pipeline, committed from 07-10
 * F2 ana  07-01 Prospect 2000 Best Case; 07-15 Proposal          best case until the stage change
 *                                                                ends the override on 07-15
 * F3 bo   07-02 Prospect 500; 07-12 Proposal Omitted             pipeline, omitted from 07-12
 * F4 bo   07-03 Prospect 700 Commit; 07-20 Won Closed            commit, won on 07-20
 * </pre>
 *
 * <p>2026-Q3 as of 07-09 (before F1's override): F1 and F3 pipeline, F2 best case, F4 commit:
 * closed won 0; commit F4 = 1, 700; best case + F2 = 2, 2700; pipeline F1 + F2 + F3 + F4 = 4,
 * 4200; omitted 0. As of 07-10: F1 commits: commit 2, 1700; best case 3, 3700; pipeline 4, 4200.
 * As of 07-20 (the latest entry, the default): F4 won, F1 commit, F2 pipeline (its override ended
 * with its stage), F3 omitted: closed won 1, 700; commit 2, 1700; best case 2, 1700; pipeline
 * F1 + F2 = 2, 3000; omitted 1, 500. Ana: commit 1, 1000; pipeline 2, 3000. Bo: closed won 700;
 * commit 1, 700; pipeline 0; omitted 1, 500.
 */
class ForecastCategoryCliTest extends HistoryFileCli {

  static final String CSV = """
      deal_id,stage,entered_at,amount,currency,owner,expected_close,forecast_category
      F1,Prospect,2026-07-01,1000,USD,ana,2026-09-15,
      F1,Prospect,2026-07-10,,,,,Commit
      F2,Prospect,2026-07-01,2000,USD,ana,2026-09-20,Best Case
      F2,Proposal,2026-07-15,,,,,
      F3,Prospect,2026-07-02,500,USD,bo,2026-08-31,
      F3,Proposal,2026-07-12,,,,,Omitted
      F4,Prospect,2026-07-03,700,USD,bo,2026-09-30,COMMIT
      F4,Won,2026-07-20,,,,,Closed
      """;

  ForecastCategoryCliTest() {
    super(CSV, "Prospect,Proposal");
  }

  private Map<String, Object> q3(String... extra) {
    cli.reset();
    String[] base = {"forecast", "--history", history.toString(), "--stages", "Prospect,Proposal", "--period",
        "quarter", "--format", "json"};
    List<?> periods = (List<?>) JsonOf.object(cli.runOk(CliRun.args(base, extra))).get("periods");
    assertThat(periods).hasSize(1);
    Map<String, Object> q3 = JsonOf.map(periods.get(0));
    assertThat(q3).containsEntry("period", "2026-Q3");
    return q3;
  }

  private static void assertFigures(Map<String, Object> figures, int... countsAndCents) {
    List<String> keys = RevenueJson.FORECAST_KEYS;
    for (int i = 0; i < keys.size(); i++) {
      int cents = countsAndCents[2 * i + 1];
      JsonOf.assertUsdFigure(figures.get(keys.get(i)), countsAndCents[2 * i], cents / 100 + ".00");
    }
  }

  @Test
  void beforeTheOverridesInstant_theDealCountsUnderItsStagesCategory() {
    Map<String, Object> team = JsonOf.map(q3("--as-of", "2026-07-09").get("team"));

    // closedWon, commit, bestCase, pipeline, omitted: count, amount in cents
    assertFigures(team, 0, 0, 1, 70000, 2, 270000, 4, 420000, 0, 0);
  }

  @Test
  void fromTheOverridesInstant_theDealCountsUnderItsOverride() {
    Map<String, Object> team = JsonOf.map(q3("--as-of", "2026-07-10").get("team"));

    assertFigures(team, 0, 0, 2, 170000, 3, 370000, 4, 420000, 0, 0);
  }

  @Test
  void asOfTheLatestEntry_overridesAStageChangeEndedNoLongerCount() {
    Map<String, Object> q3 = q3();
    Map<String, Object> owners = JsonOf.map(q3.get("owners"));

    assertFigures(JsonOf.map(q3.get("team")), 1, 70000, 2, 170000, 2, 170000, 2, 300000, 1, 50000);
    assertFigures(JsonOf.map(owners.get("ana")), 0, 0, 1, 100000, 1, 100000, 2, 300000, 0, 0);
    assertFigures(JsonOf.map(owners.get("bo")), 1, 70000, 1, 70000, 1, 70000, 0, 0, 1, 50000);
  }

  @Test
  void table_showsTheRollUpWithTheOverrides() {
    String out = cli.runOk("forecast", "--history", history.toString(), "--stages", "Prospect,Proposal", "--period",
        "quarter");

    assertThat(out).containsPattern("2026-Q3 +\\(all\\) +deals +1 +2 +2 +2 +1")
        .containsPattern("USD +700\\.00 +1700\\.00 +1700\\.00 +3000\\.00 +500\\.00");
  }

  @Test
  void badCategory_stopsTheCommandNamingTheLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), CSV.replace("Omitted", "Upside"), StandardCharsets.UTF_8);

    assertThat(cli.runFailing("forecast", "--history", bad.toString(), "--stages", "Prospect,Proposal", "--period",
        "quarter")).contains("line 7 (deal F3): bad forecast_category: 'Upside' is not a forecast category");
  }
}
