package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.analyst.RevenueHistory;

/**
 * The {@code movement}, {@code forecast} and {@code hygiene} commands (SPEC §4.1) on a history
 * worked by hand.
 *
 * <p>The history (stages Prospect, Proposal; Won, Lost; every amount in USD):
 * <pre>
 * D1 ana  Prospect 06-01 (1000) -> Proposal 06-20 -> Won 07-10
 * D2 ana  Prospect 06-15 (2000) -> Proposal 07-05                  open
 * D3 bo   Prospect 07-03 (700.125) -> Lost 07-20
 * D4 bo   Prospect 05-01 (400) -> Lost 06-01 -> Prospect 07-15     reopened, open
 * D5 bo   Prospect 07-25 (300) -> Proposal 08-05                   open
 * D6 ana  Prospect 06-10 (900) -> Proposal 07-12                   open
 * D7 -    Prospect 06-05 (no amount, no owner)                     open
 * </pre>
 *
 * <p>Movement over [2026-07-01, 2026-08-01), whole pipeline: start = the deals open just before
 * 07-01: D1, D2, D6, D7 = 4, 1000 + 2000 + 900 = 3900.00 (D7 counts without an amount; D4 was
 * lost on 06-01); created = D3, D5 = 2, 700.125 + 300 = 1000.125, rounded half-even once to
 * 1000.12; reopened = D4 = 1, 400.00; won = D1 = 1, 1000.00; lost = D3 = 1, 700.125 = 700.12
 * (half-even: half-up would give 700.13); no amount changed; end = D2, D4, D5, D6, D7 = 5,
 * 2000 + 400 + 300 + 900 = 3600.00. Identity: 4 + 2 + 1 − 1 − 1 = 5 and 3900 + 1000.125 + 400 −
 * 1000 − 700.125 = 3600.
 */
class RevenueCommandsTest extends HistoryFileCli {

  RevenueCommandsTest() {
    super(RevenueHistory.CSV, RevenueHistory.STAGES);
  }



  // ------------------------------------------------------------------------------------ movement

  @Test
  void movement_json_isTheHandWorkedWaterfallWithTheContractKeys() {
    String text = run("movement", "--from", "2026-07-01", "--to", "2026-08-01", "--format", "json");
    Map<String, Object> json = JsonOf.object(text);

    // money is written in the currency's minor unit, exactly as rounded once
    assertThat(text).contains("\"start\":{\"count\":4,\"amount\":{\"USD\":3900.00}}",
        "\"lost\":{\"count\":1,\"amount\":{\"USD\":700.12}}");
    assertThat(json.keySet()).containsExactly("start", "created", "movedIn", "movedOut", "pulledIn", "pushedOut",
        "reopened", "won", "lost", "increased", "decreased", "end");
    JsonOf.assertUsdFigure(json.get("start"), 4, "3900.00");
    JsonOf.assertUsdFigure(json.get("created"), 2, "1000.12");
    JsonOf.assertUsdFigure(json.get("reopened"), 1, "400.00");
    JsonOf.assertUsdFigure(json.get("won"), 1, "1000.00");
    JsonOf.assertUsdFigure(json.get("lost"), 1, "700.12");
    JsonOf.assertUsdFigure(json.get("end"), 5, "3600.00");
    for (String zero : List.of("movedIn", "movedOut", "pulledIn", "pushedOut", "increased", "decreased")) {
      JsonOf.assertUsdFigure(json.get(zero), 0, "0.00");
    }
  }

  @Test
  void movement_table_showsTheWaterfall() {
    String out = run("movement", "--from", "2026-07-01", "--to", "2026-08-01");

    assertThat(out).containsPattern("start +4 +3900\\.00 USD")
        .containsPattern("\\+ created +2 +1000\\.12 USD")
        .containsPattern("\\+ reopened +1 +400\\.00 USD")
        .containsPattern("- won +1 +1000\\.00 USD")
        .containsPattern("- lost +1 +700\\.12 USD")
        .containsPattern("= end +5 +3600\\.00 USD");
  }

  @Test
  void movement_groupedByOwner_splitsTheWaterfall() {
    // ana: start D1, D2, D6 = 3, 3900; won D1; end D2, D6 = 2, 2900.
    // bo: created D3, D5 = 2, 1000.125; reopened D4; lost D3; end D4, D5 = 2, 700.
    Map<String, Object> groups = JsonOf.map(JsonOf.object(run("movement", "--from", "2026-07-01", "--to", "2026-08-01",
        "--group-by", "owner", "--format", "json")).get("groups"));

    JsonOf.assertUsdFigure(JsonOf.map(groups.get("ana")).get("start"), 3, "3900.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("ana")).get("won"), 1, "1000.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("ana")).get("end"), 2, "2900.00");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("bo")).get("created"), 2, "1000.12");
    JsonOf.assertUsdFigure(JsonOf.map(groups.get("bo")).get("end"), 2, "700.00");
  }

  @Test
  void movement_csv_hasOneRowPerFigureAndAColumnPerCurrency() {
    List<String> lines = List.of(run("movement", "--from", "2026-07-01", "--to", "2026-08-01", "--format", "csv")
        .split("\r\n"));

    assertThat(lines).hasSize(13);
    assertThat(lines.get(0)).isEqualTo("group,figure,count,USD");
    assertThat(lines).contains(",start,4,3900.00", ",created,2,1000.12", ",lost,1,700.12", ",end,5,3600.00");
  }

  @Test
  void movement_withATargetPeriod_withoutExpectedCloseDates_isAnEmptyPipeline() {
    // No deal of this file has an expected close date, so none is in the pipeline of 2026-Q3.
    Map<String, Object> json = JsonOf.object(run("movement", "--from", "2026-07-01", "--to", "2026-08-01",
        "--period", "2026-Q3", "--format", "json"));

    JsonOf.assertUsdFigure(json.get("start"), 0, "0.00");
    JsonOf.assertUsdFigure(json.get("end"), 0, "0.00");
  }

  @Test
  void movement_badInput_isOneLineAndExit2() {
    assertThat(fails("movement", "--from", "2026-08-01", "--to", "2026-07-01"))
        .isEqualTo("pipeline movement: bad --from and --to: --to 2026-07-01T00:00:00Z must be after --from"
            + " 2026-08-01T00:00:00Z");
    cli.reset();
    assertThat(fails("movement", "--from", "2026-07-01", "--to", "2026-08-01", "--period", "2026-Q5"))
        .contains("bad --period: '2026-Q5'");
    cli.reset();
    assertThat(fails("movement", "--from", "2026-07-01", "--to", "2026-08-01", "--zone", "Mars/Olympus"))
        .contains("bad --zone: no time zone 'Mars/Olympus'");
    cli.reset();
    assertThat(fails("movement", "--from", "2026-07-01", "--to", "2026-08-01", "--group-by", "colour"))
        .contains("bad --group-by");
    cli.reset();
    assertThat(fails("movement", "--from", "July", "--to", "2026-08-01")).contains("bad --from");
  }

  @Test
  void movement_dateInAZone_startsAtThatZonesMidnight() {
    // 2026-07-01 in Tokyo is 2026-06-30T15:00Z: the same deals as at midnight UTC (no event falls between).
    Map<String, Object> json = JsonOf.object(run("movement", "--from", "2026-07-01", "--to", "2026-08-01",
        "--zone", "Asia/Tokyo", "--format", "json"));

    JsonOf.assertUsdFigure(json.get("start"), 4, "3900.00");
    JsonOf.assertUsdFigure(json.get("end"), 5, "3600.00");
  }

  // ------------------------------------------------------------------------------------ forecast

  /**
   * As of the latest entry (2026-08-05), per quarter in UTC, with the quota 2026-Q3 ana 4000 USD:
   * 2026-Q3 closedWon = D1 (won 07-10) = 1, 1000; commit and best case include it and no open
   * deal has an expected close date, so they are 1, 1000 too; pipeline 0; omitted = D3 lost on
   * 07-20 = 1, 700.12. Ana: attainment 1000 / 4000 = 0.25, coverage 0 / (4000 − 1000) = 0. The
   * five open deals have no expected close date: 5, 2000 + 400 + 300 + 900 = 3600.
   */
  @Test
  void forecast_json_isTheHandWorkedRollUpAgainstTheQuota() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,ana,4000,USD\n");

    Map<String, Object> json = JsonOf.object(run("forecast", "--period", "quarter", "--quotas", quotas.toString(),
        "--format", "json"));

    assertThat(json).containsEntry("unit", "quarter").containsEntry("zone", "UTC")
        .containsEntry("asOf", "2026-08-05T00:00:00Z").containsEntry("deals", new BigDecimal(7));
    List<?> periods = (List<?>) json.get("periods");
    assertThat(periods).hasSize(1);
    Map<String, Object> q3 = JsonOf.map(periods.get(0));
    assertThat(q3).containsEntry("period", "2026-Q3");
    Map<String, Object> team = JsonOf.map(q3.get("team"));
    JsonOf.assertUsdFigure(team.get("closedWon"), 1, "1000.00");
    JsonOf.assertUsdFigure(team.get("commit"), 1, "1000.00");
    JsonOf.assertUsdFigure(team.get("bestCase"), 1, "1000.00");
    JsonOf.assertUsdFigure(team.get("pipeline"), 0, "0.00");
    JsonOf.assertUsdFigure(team.get("omitted"), 1, "700.12");
    Map<String, Object> ana = JsonOf.map(JsonOf.map(q3.get("owners")).get("ana"));
    assertThat((BigDecimal) JsonOf.map(ana.get("quota")).get("USD")).isEqualByComparingTo("4000.00");
    assertThat((BigDecimal) JsonOf.map(ana.get("attainment")).get("USD")).isEqualByComparingTo("0.25");
    assertThat((BigDecimal) JsonOf.map(ana.get("coverage")).get("USD")).isEqualByComparingTo("0");
    assertThat(JsonOf.map(JsonOf.map(JsonOf.map(q3.get("owners")).get("bo")).get("quota"))).isEmpty();
    JsonOf.assertUsdFigure(json.get("noCloseDate"), 5, "3600.00");
  }

  @Test
  void forecast_table_showsTheRollUpAndTheDealsWithoutACloseDate() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,ana,4000,USD\n");

    String out = run("forecast", "--period", "quarter", "--quotas", quotas.toString());

    assertThat(out).containsPattern("2026-Q3 +\\(all\\) +deals +1 +1 +1 +0 +1")
        .containsPattern("USD +1000\\.00 +1000\\.00 +1000\\.00 +0\\.00 +0\\.00 +4000\\.00 USD +25\\.0% +0\\.0%")
        .contains("No expected close date (open, in no period): 5 (3600.00 USD)");
  }

  /**
   * With a quota for bo only (2026-Q3 2500 USD): ana won D1 (1000 USD) in 2026-Q3 and has no
   * quota, so the team has no attainment or coverage and the output names ana; bo's only deal in
   * the quarter is lost, so with ana's quota alone (above) nobody is missing.
   */
  @Test
  void forecast_quotaOfOnlySomeOwners_namesThoseWithoutOneInTableAndJson() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,bo,2500,USD\n");

    String table = run("forecast", "--period", "quarter", "--quotas", quotas.toString());
    cli.reset();
    Map<String, Object> q3 = JsonOf.map(((List<?>) JsonOf.object(run("forecast", "--period", "quarter", "--quotas",
        quotas.toString(), "--format", "json")).get("periods")).get(0));

    assertThat(table).containsPattern("USD +1000\\.00 +1000\\.00 +1000\\.00 +0\\.00 +700\\.12 +2500\\.00 USD +- +-")
        .contains("2026-Q3 USD: team attainment and coverage need a quota for every owner who won or has pipeline"
            + " in the period; none for: ana");
    assertThat(JsonOf.map(q3.get("ownersWithoutQuota"))).containsOnlyKeys("USD");
    assertThat(JsonOf.map(q3.get("ownersWithoutQuota")).get("USD")).isEqualTo(List.of("ana"));
    assertThat(JsonOf.map(JsonOf.map(q3.get("team")).get("attainment"))).isEmpty();
  }

  @Test
  void forecast_quotaOfEveryOwnerWhoSold_namesNobody() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,ana,4000,USD\n");

    Map<String, Object> q3 = JsonOf.map(((List<?>) JsonOf.object(run("forecast", "--period", "quarter", "--quotas",
        quotas.toString(), "--format", "json")).get("periods")).get(0));

    assertThat(JsonOf.map(q3.get("ownersWithoutQuota"))).isEmpty();
    cli.reset();
    assertThat(run("forecast", "--period", "quarter", "--quotas", quotas.toString())).doesNotContain("none for");
  }

  @Test
  void forecast_csv_hasOneRowPerFigureAndCurrency() {
    List<String> lines = List.of(run("forecast", "--period", "quarter", "--format", "csv").split("\r\n"));

    assertThat(lines.get(0)).isEqualTo("period,owner,figure,count,currency,value");
    assertThat(lines).contains("2026-Q3,,closedWon,1,USD,1000.00", "2026-Q3,,omitted,1,USD,700.12",
        "2026-Q3,bo,omitted,1,USD,700.12", ",,noCloseDate,5,USD,3600.00");
  }

  /**
   * The quota for bo only, as above: the team's rows have its figures and its quota but no
   * attainment or coverage; ana, who won D1 and has no quota, has a {@code withoutQuota} row after
   * her figures where her quota row would be; bo has attainment 0 / 2500 = 0 and coverage
   * 0 / (2500 − 0) = 0. Without a close date: the team's 5 deals, 3600.00; (none) D7 without
   * amount; ana D2 + D6 = 2900.00; bo D4 + D5 = 700.00.
   */
  @Test
  void forecast_csv_quotaOfOnlySomeOwners_hasAWithoutQuotaRowForThoseWithoutOne() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,bo,2500,USD\n");

    String csv = run("forecast", "--period", "quarter", "--quotas", quotas.toString(), "--format", "csv");

    assertThat(csv.split("\r\n")).containsExactly(
        "period,owner,figure,count,currency,value",
        "2026-Q3,,closedWon,1,USD,1000.00",
        "2026-Q3,,commit,1,USD,1000.00",
        "2026-Q3,,bestCase,1,USD,1000.00",
        "2026-Q3,,pipeline,0,USD,0.00",
        "2026-Q3,,omitted,1,USD,700.12",
        "2026-Q3,,quota,,USD,2500.00",
        "2026-Q3,ana,closedWon,1,USD,1000.00",
        "2026-Q3,ana,commit,1,USD,1000.00",
        "2026-Q3,ana,bestCase,1,USD,1000.00",
        "2026-Q3,ana,pipeline,0,USD,0.00",
        "2026-Q3,ana,omitted,0,USD,0.00",
        "2026-Q3,ana,withoutQuota,,USD,",
        "2026-Q3,bo,closedWon,0,USD,0.00",
        "2026-Q3,bo,commit,0,USD,0.00",
        "2026-Q3,bo,bestCase,0,USD,0.00",
        "2026-Q3,bo,pipeline,0,USD,0.00",
        "2026-Q3,bo,omitted,1,USD,700.12",
        "2026-Q3,bo,quota,,USD,2500.00",
        "2026-Q3,bo,attainment,,USD,0.0",
        "2026-Q3,bo,coverage,,USD,0.0",
        ",,noCloseDate,5,USD,3600.00",
        ",(none),noCloseDate,1,USD,0.00",
        ",ana,noCloseDate,2,USD,2900.00",
        ",bo,noCloseDate,2,USD,700.00");
  }

  @Test
  void forecast_csv_quotaOfEveryOwnerWhoSold_hasNoWithoutQuotaRow() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,ana,4000,USD\n");

    String csv = run("forecast", "--period", "quarter", "--quotas", quotas.toString(), "--format", "csv");

    assertThat(csv).contains("2026-Q3,,attainment,,USD,0.25").doesNotContain("withoutQuota");
  }

  /**
   * Quotas in two currencies, 2026-Q3 ana 1000 EUR and bo 500 USD, over four deals won in July:
   * G1 ana 100 USD, G2 bo 200 EUR, G3 cy 300 EUR, G4 cy 50 USD. The team's quota is 1000 EUR and
   * 500 USD; in USD ana (G1) and cy (G4) won without a USD quota, in EUR bo (G2) and cy (G3)
   * without an EUR quota. So the rows, by owner and then currency: ana USD, bo EUR, cy EUR, cy USD,
   * each right after its owner's figures; ana's EUR and bo's USD ratios are there (0 won against
   * their quotas: 0.0 each), the team has none. A figure's count is its deals in every currency:
   * cy's closed won is 2 deals, 300.00 EUR and 50.00 USD.
   */
  @Test
  void forecast_csv_ownersWithoutQuotaInTwoCurrencies_haveARowPerOwnerAndCurrency() throws IOException {
    Path twoCurrencies = Files.writeString(dir.resolve("two.csv"), """
        deal_id,stage,entered_at,amount,currency,owner
        G1,Prospect,2026-07-01,100,USD,ana
        G1,Won,2026-07-10,,,
        G2,Prospect,2026-07-01,200,EUR,bo
        G2,Won,2026-07-11,,,
        G3,Prospect,2026-07-02,300,EUR,cy
        G3,Won,2026-07-12,,,
        G4,Prospect,2026-07-02,50,USD,cy
        G4,Won,2026-07-13,,,
        """);
    Path quotas = Files.writeString(dir.resolve("quotas.csv"),
        "period,owner,amount,currency\n2026-Q3,ana,1000,EUR\n2026-Q3,bo,500,USD\n");

    List<String> lines = List.of(cli.runOk("forecast", "--history", twoCurrencies.toString(), "--stages",
        "Prospect,Proposal", "--period", "quarter", "--quotas", quotas.toString(), "--format", "csv").split("\r\n"));

    assertThat(lines.stream().filter(line -> line.contains(",withoutQuota,"))).containsExactly(
        "2026-Q3,ana,withoutQuota,,USD,", "2026-Q3,bo,withoutQuota,,EUR,", "2026-Q3,cy,withoutQuota,,EUR,",
        "2026-Q3,cy,withoutQuota,,USD,");
    assertThat(lines).containsSequence("2026-Q3,ana,coverage,,EUR,0.0", "2026-Q3,ana,withoutQuota,,USD,",
        "2026-Q3,bo,closedWon,1,EUR,200.00");
    assertThat(lines).containsSequence("2026-Q3,bo,coverage,,USD,0.0", "2026-Q3,bo,withoutQuota,,EUR,",
        "2026-Q3,cy,closedWon,2,EUR,300.00");
    assertThat(lines).containsSequence("2026-Q3,cy,omitted,0,USD,0.00", "2026-Q3,cy,withoutQuota,,EUR,",
        "2026-Q3,cy,withoutQuota,,USD,", ",,noCloseDate,0,EUR,0.00");
    assertThat(lines).contains("2026-Q3,,quota,,EUR,1000.00", "2026-Q3,,quota,,USD,500.00")
        .noneMatch(line -> line.startsWith("2026-Q3,,attainment") || line.startsWith("2026-Q3,,coverage"));
  }

  @Test
  void forecast_perMonthInAZone_movesACloseAcrossTheMonthEnd() throws IOException {
    // D1 won at 2026-07-10T00:00Z is still 2026-07-09 in Los Angeles: July either way; a close
    // at 2026-07-01T00:00Z would be June there. Here: July has D1 won and D3 lost.
    Map<String, Object> json = JsonOf.object(run("forecast", "--period", "month", "--zone", "America/Los_Angeles",
        "--format", "json"));

    Map<String, Object> july = JsonOf.map(((List<?>) json.get("periods")).get(0));
    assertThat(july).containsEntry("period", "2026-07");
    JsonOf.assertUsdFigure(JsonOf.map(july.get("team")).get("closedWon"), 1, "1000.00");
  }

  @Test
  void forecast_badInput_isOneLineAndExit2() throws IOException {
    assertThat(fails("forecast", "--period", "week")).contains("expected month or quarter but was 'week'");
    cli.reset();
    assertThat(fails("forecast", "--period", "quarter", "--zone", "Nowhere/Town")).contains("bad --zone");
    cli.reset();
    Path unknownOwner = Files.writeString(dir.resolve("q1.csv"),
        "period,owner,amount,currency\n2026-Q3,ana,4000,USD\n2026-Q3,zed,10,USD\n");
    assertThat(fails("forecast", "--period", "quarter", "--quotas", unknownOwner.toString()))
        .isEqualTo("pipeline forecast: " + unknownOwner + ":3: owner 'zed' owns no deal in the history"
            + " (owners: ana, bo)");
    cli.reset();
    Path badAmount = Files.writeString(dir.resolve("q2.csv"), "period,owner,amount,currency\n2026-Q3,ana,lots,USD\n");
    assertThat(fails("forecast", "--period", "quarter", "--quotas", badAmount.toString()))
        .contains(badAmount + ":2: bad amount 'lots'");
    cli.reset();
    Path wrongUnit = Files.writeString(dir.resolve("q3.csv"), "period,owner,amount,currency\n2026-Q3,ana,1,USD\n");
    assertThat(fails("forecast", "--period", "month", "--quotas", wrongUnit.toString()))
        .contains(wrongUnit + ":2: period 2026-Q3 is a quarter but --period is month");
    cli.reset();
    Path twice = Files.writeString(dir.resolve("q4.csv"),
        "period,owner,amount,currency\n2026-Q3,ana,1,USD\n2026-Q3,ana,2,\n");
    assertThat(fails("forecast", "--period", "quarter", "--quotas", twice.toString()))
        .contains(twice + ":3: a second USD quota for 'ana' in 2026-Q3");
    cli.reset();
    Path badHeader = Files.writeString(dir.resolve("q5.csv"), "who,what\n");
    assertThat(fails("forecast", "--period", "quarter", "--quotas", badHeader.toString()))
        .contains(badHeader + ":1: bad quotas header");
    cli.reset();
    assertThat(fails("forecast", "--period", "quarter", "--quotas", dir.resolve("missing.csv").toString()))
        .contains("bad --quotas: cannot read");
  }

  // ------------------------------------------------------------------------------------- hygiene

  /**
   * As of 2026-08-05, quiet after 14 days, no file column gives an expected close date so every
   * open deal has no close date: D7 (last event 06-05: 61 days quiet; no amount, no owner), D2
   * (07-05: 31 days), D6 (07-12: 24), D4 (07-15: 21) are also quiet; D5 moved on 08-05 (0 days).
   * Worst first: D7 (four flags), then D2, D6, D4 (two flags, longest quiet first), then D5.
   */
  @Test
  void hygiene_json_flagsTheOpenDealsWorstFirst() {
    Map<String, Object> json = JsonOf.object(run("hygiene", "--format", "json"));

    assertThat(json).containsEntry("asOf", "2026-08-05T00:00:00Z").containsEntry("quietDays", new BigDecimal(14));
    assertThat(JsonOf.map(json.get("total"))).containsEntry("open", new BigDecimal(5)).containsEntry("flagged",
        new BigDecimal(5)).containsEntry("noCloseDate", new BigDecimal(5))
        .containsEntry("noRecentActivity", new BigDecimal(4)).containsEntry("noAmount", BigDecimal.ONE)
        .containsEntry("noOwner", BigDecimal.ONE).containsEntry("stuck", BigDecimal.ZERO)
        .containsEntry("closeDatePassed", BigDecimal.ZERO);
    assertThat(JsonOf.map(JsonOf.map(json.get("owners")).get("ana"))).containsEntry("noRecentActivity", new BigDecimal(2));
    List<?> deals = (List<?>) json.get("deals");
    assertThat(deals).extracting(d -> JsonOf.map(d).get("deal")).containsExactly("D7", "D2", "D6", "D4", "D5");
    assertThat(JsonOf.map(deals.get(0)).get("flags")).isEqualTo(List.of("noCloseDate", "noRecentActivity", "noAmount",
        "noOwner"));
    assertThat((BigDecimal) JsonOf.map(deals.get(1)).get("quietDays")).isEqualByComparingTo("31");
    assertThat((BigDecimal) JsonOf.map(JsonOf.map(deals.get(1)).get("amount")).get("USD")).isEqualByComparingTo("2000.00");
  }

  @Test
  void hygiene_quietDays_changeWhoIsQuiet() {
    // 25 days: only D7 (61) and D2 (31) are quiet.
    Map<String, Object> json = JsonOf.object(run("hygiene", "--quiet-days", "25", "--format", "json"));

    assertThat(JsonOf.map(json.get("total"))).containsEntry("noRecentActivity", new BigDecimal(2));
  }

  @Test
  void hygiene_tableAndCsv_listTheDeals() {
    String table = run("hygiene");
    cli.reset();
    List<String> csv = List.of(run("hygiene", "--format", "csv").split("\r\n"));

    assertThat(table).containsPattern("\\(all\\) +5 +5 +0 +5 +4 +1 +1 +0")
        .containsPattern("D2 +ana +Proposal +2000\\.00 USD +- +31\\.0 +no close date, no recent activity");
    assertThat(csv).containsExactly("deal,owner,stage,amount,currency,expectedClose,quietDays,flags",
        "D7,(none),Prospect,,,,61.0,noCloseDate noRecentActivity noAmount noOwner",
        "D2,ana,Proposal,2000.00,USD,,31.0,noCloseDate noRecentActivity",
        "D6,ana,Proposal,900.00,USD,,24.0,noCloseDate noRecentActivity",
        "D4,bo,Prospect,400.00,USD,,21.0,noCloseDate noRecentActivity",
        "D5,bo,Proposal,300.00,USD,,0.0,noCloseDate");
  }

  /**
   * D7 has no owner: one documented way in every output of movement, forecast, hygiene and
   * metrics (the JSON field of a deal is null; tables, CSV cells and the keys of per-owner or
   * per-group figures say {@code (none)}).
   */
  @Test
  void dealWithoutOwner_isNullInJsonFields_andNoneInTablesCsvAndGroupKeys() {
    Map<String, Object> hygiene = JsonOf.object(run("hygiene", "--format", "json"));
    assertThat(JsonOf.map(((List<?>) hygiene.get("deals")).get(0))).containsEntry("deal", "D7").containsEntry("owner", null);
    assertThat(JsonOf.map(hygiene.get("owners"))).containsKey("(none)");
    cli.reset();
    assertThat(run("hygiene")).containsPattern("D7 +\\(none\\) +Prospect");
    cli.reset();
    // D7: open all July, no amount: start 1, end 1 in group (none)
    Map<String, Object> groups = JsonOf.map(JsonOf.object(run("movement", "--from", "2026-07-01", "--to", "2026-08-01",
        "--group-by", "owner", "--format", "json")).get("groups"));
    assertThat(groups.keySet()).containsExactly("(none)", "ana", "bo");
    assertThat(JsonOf.map(JsonOf.map(groups.get("(none)")).get("start"))).containsEntry("count", BigDecimal.ONE);
    cli.reset();
    assertThat(run("movement", "--from", "2026-07-01", "--to", "2026-08-01", "--group-by", "owner", "--format", "csv")
        .split("\r\n")).contains("(none),start,1,0.00", "(none),end,1,0.00");
    cli.reset();
    assertThat(JsonOf.map(JsonOf.object(run("metrics", "--group-by", "owner", "--format", "json")).get("groups")))
        .containsKey("(none)");
    cli.reset();
    // forecast: D7 has no expected close date, so it is only among the deals without one, count 1, no amount
    Map<String, Object> byOwner = JsonOf.map(JsonOf.object(run("forecast", "--period", "quarter", "--format", "json"))
        .get("noCloseDateByOwner"));
    assertThat(byOwner.keySet()).containsExactly("(none)", "ana", "bo");
    JsonOf.assertUsdFigure(byOwner.get("(none)"), 1, "0.00");
    cli.reset();
    assertThat(run("forecast", "--period", "quarter")).contains("\n  (none): 1\n");
    cli.reset();
    assertThat(run("forecast", "--period", "quarter", "--format", "csv").split("\r\n"))
        .contains(",(none),noCloseDate,1,USD,0.00", ",ana,noCloseDate,2,USD,2900.00", ",bo,noCloseDate,2,USD,700.00");
  }

  @Test
  void hygiene_badInput_isOneLineAndExit2() {
    assertThat(fails("hygiene", "--quiet-days", "0")).contains("bad --quiet-days: 0 must be at least 1");
    cli.reset();
    assertThat(fails("hygiene", "--zone", "Atlantis")).contains("bad --zone");
  }

  // -------------------------------------------------------------------------------------- report

  @Test
  void report_hasTheMovementOfTheWindow_theForecastAndTheHygiene() throws IOException {
    Path out = dir.resolve("report.html");

    run("report", "--out", out.toString(), "--from", "2026-07-01", "--to", "2026-08-01");
    String html = Files.readString(out);

    assertThat(html).contains("<section id=\"movement\"", "<section id=\"forecast\"", "<section id=\"hygiene\"")
        .contains("<title>End: 5 (3,600.00\u00a0USD)</title>")
        .contains("5 open deals have no expected close date");
  }

  @Test
  void report_withQuotas_showsAttainmentAndCoverageInTheForecast() throws IOException {
    // as forecast --quotas: 2026-Q3 ana 4000 USD; closed won D1 1000: attainment 25.0 %, coverage 0 / 3000 = 0.0 %
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,ana,4000,USD\n");
    Path out = dir.resolve("report.html");

    run("report", "--out", out.toString(), "--quotas", quotas.toString());

    assertThat(Files.readString(out)).contains("<caption>Forecast roll-up, 2026-Q3</caption>")
        .containsPattern(">ana</th>(<td[^>]*>[^<]*</td>){5}"
            + "<td[^>]*>4,000\\.00.USD</td><td[^>]*>25\\.0%</td><td[^>]*>0\\.0%</td>");
  }

  @Test
  void report_quotaOfOnlySomeOwners_saysWhoLacksOneUnderThePeriodsTable() throws IOException {
    Path quotas = Files.writeString(dir.resolve("quotas.csv"), "period,owner,amount,currency\n2026-Q3,bo,2500,USD\n");
    Path out = dir.resolve("report.html");

    run("report", "--out", out.toString(), "--quotas", quotas.toString());

    assertThat(Files.readString(out)).contains("</table></div>\n<p class=\"note\">Team attainment and coverage in USD need a"
        + " quota for every owner who won or has pipeline in 2026-Q3; none for: ana.</p>");
  }

  @Test
  void report_badQuotas_areRefusedAsForecastRefusesThem() throws IOException {
    Path months = Files.writeString(dir.resolve("q.csv"), "period,owner,amount,currency\n2026-07,ana,4000,USD\n");
    Path out = dir.resolve("report.html");

    assertThat(fails("report", "--out", out.toString(), "--quotas", months.toString()))
        .endsWith(months + ":2: period 2026-07 is a month but the report's forecast is per quarter");
    assertThat(out).doesNotExist();
  }

  @Test
  void report_withoutAWindow_showsTheMovementOfThe28DaysUpToAsOf() throws IOException {
    // [2026-07-08, 2026-08-05 + 1 ms): start D1, D2, D6, D7 and D3 (opened 07-03) = 5, 4600.125 -> 4600.12.
    Path out = dir.resolve("report.html");

    run("report", "--out", out.toString());

    assertThat(Files.readString(out)).contains("from 2026-07-08 00:00 UTC to 2026-08-05 00:00 UTC")
        .contains("<title>Start: 5 (4,600.12\u00a0USD)</title>");
  }
}
