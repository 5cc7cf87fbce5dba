package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code movement --period} and {@code forecast} on a history with the {@code expected_close}
 * column (SPEC §4.1, §6: applied at its row's instant), worked by hand. Stages Prospect, Proposal
 * (both in the forecast category pipeline); Won, Lost; every amount in USD. A row repeating the
 * deal's stage records only its changed values, at its own instant.
 *
 * <pre>
 * E1 ana  06-01 Prospect 1000, close 07-15; 07-08 Proposal, close 08-20    pushed out of July
 * E2 ana  06-10 Prospect 2000, close 09-30; 07-10 close 07-25              pulled into July
 * E3 bo   07-05 Prospect 500, close 07-20; 07-18 Won                       created in, won
 * E4 bo   06-15 Prospect 800, close 07-31; 07-20 amount 1200               increased by 400
 * E5 ana  06-01 Prospect 300, close 07-10; 07-12 Lost                      lost
 * E6 -    06-05 Prospect 400, close 07-05 (no owner)                       stays
 * E7 bo   06-20 Prospect 600, close 06-25; 07-02 close 07-28;              in from June (not pulled in),
 *         07-22 Proposal, close 06-30                                      out to June (not pushed out)
 * </pre>
 *
 * <p>Movement of the July pipeline (open deals expected to close in 2026-07) over
 * [2026-07-01, 2026-08-01):
 * <pre>
 * start     E1 1000, E4 800, E5 300, E6 400      4  2500.00
 * created   E3                                   1   500.00
 * movedIn   E2 2000 (from Sept.), E7 600 (June)  2  2600.00   pulledIn  E2  1  2000.00
 * movedOut  E1 1000 (to Aug.), E7 600 (June)     2  1600.00   pushedOut E1  1  1000.00
 * reopened                                       0     0.00
 * won       E3                                   1   500.00
 * lost      E5                                   1   300.00
 * increased E4 800 -> 1200                       1   400.00   decreased 0  0.00
 * end       E2 2000, E4 1200, E6 400             3  3600.00
 * counts:  4 + 1 + 2 + 0 - 1 - 1 - 2 = 3
 * amounts: 2500 + 500 + 2600 + 0 - 500 - 300 - 1600 + 400 - 0 = 3600
 * </pre>
 *
 * <p>Forecast per month in UTC as of the latest entry, 2026-07-22 (E7's last row counts): June:
 * E7 open 600; July: closed won E3 500, pipeline E2 2000 + E4 1200 + E6 400, omitted E5 300;
 * August: E1 open 1000. Commit and best case are closed won (no open stage is commit or best
 * case). Quotas for July, ana 5000 and bo 1000: ana attainment 0 / 5000 = 0, coverage
 * 2000 / 5000 = 0.4; bo attainment 500 / 1000 = 0.5, coverage 1200 / (1000 − 500) = 2.4; team
 * 500 / 6000 and 3600 / 5500. Per quarter: Q2 E7 600; Q3 closed won 500, pipeline
 * 2000 + 1200 + 400 + 1000 = 4600, omitted 300.
 */
class ExpectedCloseCliTest extends HistoryFileCli {

  static final String CSV = """
      deal_id,stage,entered_at,amount,currency,owner,expected_close
      E1,Prospect,2026-06-01,1000,USD,ana,2026-07-15
      E1,Proposal,2026-07-08,,,,2026-08-20
      E2,Prospect,2026-06-10,2000,USD,ana,2026-09-30
      E2,Prospect,2026-07-10,,,,2026-07-25
      E3,Prospect,2026-07-05,500,USD,bo,2026-07-20
      E3,Won,2026-07-18,,,,
      E4,Prospect,2026-06-15,800,USD,bo,2026-07-31
      E4,Prospect,2026-07-20,1200,USD,,
      E5,Prospect,2026-06-01,300,USD,ana,2026-07-10
      E5,Lost,2026-07-12,,,,
      E6,Prospect,2026-06-05,400,USD,,2026-07-05
      E7,Prospect,2026-06-20,600,USD,bo,2026-06-25
      E7,Prospect,2026-07-02,,,,2026-07-28
      E7,Proposal,2026-07-22,,,,2026-06-30
      """;

  ExpectedCloseCliTest() {
    super(CSV, "Prospect,Proposal");
  }



  @Test
  void movement_ofTheJulyPipeline_isTheHandWorkedWaterfall() {
    Map<String, Object> json = JsonOf.object(run("movement", "--from", "2026-07-01", "--to", "2026-08-01",
        "--period", "2026-07", "--format", "json"));

    JsonOf.assertUsdFigure(json.get("start"), 4, "2500.00");
    JsonOf.assertUsdFigure(json.get("created"), 1, "500.00");
    JsonOf.assertUsdFigure(json.get("movedIn"), 2, "2600.00");
    JsonOf.assertUsdFigure(json.get("pulledIn"), 1, "2000.00");
    JsonOf.assertUsdFigure(json.get("movedOut"), 2, "1600.00");
    JsonOf.assertUsdFigure(json.get("pushedOut"), 1, "1000.00");
    JsonOf.assertUsdFigure(json.get("reopened"), 0, "0.00");
    JsonOf.assertUsdFigure(json.get("won"), 1, "500.00");
    JsonOf.assertUsdFigure(json.get("lost"), 1, "300.00");
    JsonOf.assertUsdFigure(json.get("increased"), 1, "400.00");
    JsonOf.assertUsdFigure(json.get("decreased"), 0, "0.00");
    JsonOf.assertUsdFigure(json.get("end"), 3, "3600.00");
  }

  @Test
  void movement_ofTheJulyPipeline_perOwner() {
    // ana: start E1, E5 = 2, 1300; movedIn E2; movedOut E1; lost E5; end E2 = 1, 2000.
    // bo: start E4 800; created E3; movedIn and movedOut E7; won E3; increased 400; end E4 = 1, 1200.
    // (none): E6 throughout, 1, 400.
    Map<String, Object> groups = JsonOf.map(JsonOf.object(run("movement", "--from", "2026-07-01", "--to", "2026-08-01",
        "--period", "2026-07", "--group-by", "owner", "--format", "json")).get("groups"));

    JsonOf.assertUsdFigure(JsonOf.map(groups.get("ana")).get("start"), 2, "1300.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("ana")).get("end"), 1, "2000.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("bo")).get("movedIn"), 1, "600.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("bo")).get("pushedOut"), 0, "0.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("bo")).get("end"), 1, "1200.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("(none)")).get("end"), 1, "400.00");
  }

  @Test
  void movement_ofAQuarter_hasNoMoveBetweenItsMonths() {
    // Q3 pipeline before 07-01: E1, E2 (09-30), E4, E5, E6 = 5, 4500; E7 moves in (06-25 -> 07-28) and out
    // (-> 06-30); E1 and E2 move within Q3. end: E1, E2, E4, E6 = 4, 4600.
    // 5 + 1 (E3) + 1 (E7 in) - 1 (won) - 1 (lost) - 1 (E7 out) = 4; 4500 + 500 + 600 - 500 - 300 - 600 + 400 = 4600
    Map<String, Object> json = JsonOf.object(run("movement", "--from", "2026-07-01", "--to", "2026-08-01",
        "--period", "2026-Q3", "--format", "json"));

    JsonOf.assertUsdFigure(json.get("start"), 5, "4500.00");
    JsonOf.assertUsdFigure(json.get("movedIn"), 1, "600.00");
    JsonOf.assertUsdFigure(json.get("pulledIn"), 0, "0.00");
    JsonOf.assertUsdFigure(json.get("movedOut"), 1, "600.00");
    JsonOf.assertUsdFigure(json.get("end"), 4, "4600.00");
  }

  @Test
  void forecast_perMonth_withQuotas_isTheHandWorkedRollUp() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"),
        "period,owner,amount,currency\n2026-07,ana,5000,USD\n2026-07,bo,1000,USD\n");

    Map<String, Object> json = JsonOf.object(run("forecast", "--period", "month", "--quotas", quotas.toString(),
        "--format", "json"));

    assertThat(json).containsEntry("asOf", "2026-07-22T00:00:00Z").containsEntry("deals", new BigDecimal(7));
    List<?> periods = (List<?>) json.get("periods");
    assertThat(periods).extracting(p -> JsonOf.map(p).get("period")).containsExactly("2026-06", "2026-07", "2026-08");
    JsonOf.assertUsdFigure(JsonOf.map(JsonOf.map(periods.get(0)).get("team")).get("pipeline"), 1, "600.00");
    JsonOf.assertUsdFigure(JsonOf.map(JsonOf.map(periods.get(2)).get("team")).get("pipeline"), 1, "1000.00");
    Map<String, Object> july = JsonOf.map(periods.get(1));
    Map<String, Object> team = JsonOf.map(july.get("team"));
    JsonOf.assertUsdFigure(team.get("closedWon"), 1, "500.00");
    JsonOf.assertUsdFigure(team.get("commit"), 1, "500.00");
    JsonOf.assertUsdFigure(team.get("bestCase"), 1, "500.00");
    JsonOf.assertUsdFigure(team.get("pipeline"), 3, "3600.00");
    JsonOf.assertUsdFigure(team.get("omitted"), 1, "300.00");
    Map<String, Object> owners = JsonOf.map(july.get("owners"));
    assertThat(owners.keySet()).containsExactly("(none)", "ana", "bo");
    Map<String, Object> ana = JsonOf.map(owners.get("ana"));
    JsonOf.assertUsdFigure(ana.get("pipeline"), 1, "2000.00");
    JsonOf.assertUsdFigure(ana.get("omitted"), 1, "300.00");
    assertThat((BigDecimal) JsonOf.map(ana.get("attainment")).get("USD")).isEqualByComparingTo("0");
    assertThat((BigDecimal) JsonOf.map(ana.get("coverage")).get("USD")).isEqualByComparingTo("0.4");
    Map<String, Object> bo = JsonOf.map(owners.get("bo"));
    JsonOf.assertUsdFigure(bo.get("closedWon"), 1, "500.00");
    JsonOf.assertUsdFigure(bo.get("pipeline"), 1, "1200.00");
    assertThat((BigDecimal) JsonOf.map(bo.get("attainment")).get("USD")).isEqualByComparingTo("0.5");
    assertThat((BigDecimal) JsonOf.map(bo.get("coverage")).get("USD")).isEqualByComparingTo("2.4");
    JsonOf.assertUsdFigure(JsonOf.map(owners.get("(none)")).get("pipeline"), 1, "400.00");
    assertThat(JsonOf.map(json.get("noCloseDate")).get("count")).isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void forecast_perQuarter_table() {
    String out = run("forecast", "--period", "quarter");

    assertThat(out).containsPattern("2026-Q2 +\\(all\\) +deals +0 +0 +0 +1 +0")
        .containsPattern("2026-Q3 +\\(all\\) +deals +1 +1 +1 +4 +1")
        .containsPattern("USD +500\\.00 +500\\.00 +500\\.00 +4600\\.00 +300\\.00");
  }
}
