package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.salespipeline.metrics.MovementTest.figure;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;

/**
 * The forecast roll-up (SPEC §4.1) on a table of deals worked by hand: as of day 90
 * (2025-04-01T00:00Z), per month in Europe/Paris, with quotas for March: ana 10000 USD, bo 4000 USD.
 * Stages (see {@link RevenueSample}): a PIPELINE, b BEST_CASE, c COMMIT, h OMITTED.
 *
 * <pre>
 * deal owner  state at T                                 period    bucket
 * F1   ana    won day 20 (01-21), 1000 USD               2025-01   closed won
 * F2   ana    won 2025-02-28T23:30Z, 2000 USD            2025-03   closed won (00:30 on 03-01 in Paris)
 * F3   ana    open in c, 3000 USD, close 03-20           2025-03   commit
 * F4   ana    open in b, 4000 USD, close 03-25           2025-03   best case
 * F5   bo     open in a, 5000 USD, close 03-05           2025-03   pipeline
 * F6   bo     open in h, 600 USD, close 03-10            2025-03   omitted
 * F7   bo     lost day 70 (03-12), 700 USD               2025-03   omitted
 * F8   bo     open in c, no amount, close 03-30          2025-03   commit (count only)
 * F9   cy     open in a, 900 USD, no close date          -         no close date
 * F10  bo     won day 75 (03-17), 1500 EUR               2025-03   closed won
 * F11  cy     opened day 95, after T                     -         not counted
 *
 * March, ana: closedWon 1 2000; commit 2 5000; bestCase 3 9000; pipeline (F3, F4) 2 7000; omitted 0
 *             attainment 2000 / 10000 = 0.2; coverage 7000 / (10000 − 2000) = 0.875
 * March, bo:  closedWon 1 1500 EUR; commit (F10, F8) 2 1500 EUR; bestCase 2 1500 EUR;
 *             pipeline (F5, F8) 2 5000 USD; omitted (F6, F7) 2 1300 USD
 *             attainment 0 / 4000 = 0; coverage 5000 / (4000 − 0) = 1.25
 * March, team: closedWon 2 2000 USD 1500 EUR; commit 4 5000 USD 1500 EUR; bestCase 5 9000 USD 1500 EUR;
 *             pipeline 4 12000 USD; omitted 2 1300 USD; quota 14000 USD;
 *             attainment 2000 / 14000 = 1/7; coverage 12000 / 12000 = 1
 * January, ana and team: closedWon, commit, bestCase 1 1000 USD; pipeline, omitted 0
 * no close date: 1 900 USD (cy); deals at T: 10
 * </pre>
 */
class ForecastRollupTest {

  static final Instant T = Script.day(90);
  private static final Currency USD = Currency.getInstance("USD");

  static List<Deal> deals() {
    return List.of(
        RevenueSample.open("F1", "a", 0, "ana", "1000", "USD", "2025-01-31").win(20).deal(),
        RevenueSample.open("F2", "a", 0, "ana", "2000", "USD", "2025-03-31").win(58 + 23.5 / 24).deal(),
        RevenueSample.open("F3", "c", 0, "ana", "3000", "USD", "2025-03-20").deal(),
        RevenueSample.open("F4", "b", 0, "ana", "4000", "USD", "2025-03-25").deal(),
        RevenueSample.open("F5", "a", 0, "bo", "5000", "USD", "2025-03-05").deal(),
        RevenueSample.open("F6", "h", 0, "bo", "600", "USD", "2025-03-10").deal(),
        RevenueSample.open("F7", "a", 0, "bo", "700", "USD", "2025-06-30").lose(70).deal(),
        RevenueSample.open("F8", "c", 0, "bo", "", "", "2025-03-30").deal(),
        RevenueSample.open("F9", "a", 0, "cy", "900", "USD", "").deal(),
        RevenueSample.open("F10", "a", 0, "bo", "1500", "EUR", "2025-05-01").win(75).deal(),
        RevenueSample.open("F11", "a", 95, "cy", "1100", "USD", "2025-03-10").deal());
  }

  private final ForecastRollup rollup = ForecastRollup.of(RevenueSample.REVENUE);
  private final ForecastQuery query = ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
      .withQuota(TrendPeriod.parse("2025-03"), "ana", Money.parse("10000", "USD"))
      .withQuota(TrendPeriod.parse("2025-03"), "bo", Money.parse("4000", "USD"));

  @Test
  void march_eachOwnerAndTheTeam_asWorkedByHand() {
    PeriodForecast march = rollup.calculate(deals(), query).period(TrendPeriod.parse("2025-03")).get();

    ForecastFigures ana = march.owners().get("ana");
    assertThat(List.of(ana.closedWon(), ana.commit(), ana.bestCase(), ana.pipeline(), ana.omitted()))
        .containsExactly(figure(1, "2000 USD"), figure(2, "5000 USD"), figure(3, "9000 USD"), figure(2, "7000 USD"),
            Figure.ZERO);
    assertThat(ana.attainment().get(USD)).isEqualTo(0.2);
    assertThat(ana.coverage().get(USD)).isEqualTo(0.875);

    ForecastFigures bo = march.owners().get("bo");
    assertThat(List.of(bo.closedWon(), bo.commit(), bo.bestCase(), bo.pipeline(), bo.omitted()))
        .containsExactly(figure(1, "1500 EUR"), figure(2, "1500 EUR"), figure(2, "1500 EUR"), figure(2, "5000 USD"),
            figure(2, "1300 USD"));
    assertThat(bo.attainment().get(USD)).isEqualTo(0.0);
    assertThat(bo.coverage().get(USD)).isEqualTo(1.25);

    ForecastFigures team = march.team();
    assertThat(List.of(team.closedWon(), team.commit(), team.bestCase(), team.pipeline(), team.omitted()))
        .containsExactly(figure(2, "2000 USD", "1500 EUR"), figure(4, "5000 USD", "1500 EUR"),
            figure(5, "9000 USD", "1500 EUR"), figure(4, "12000 USD"), figure(2, "1300 USD"));
    assertThat(team.quota()).containsExactly(java.util.Map.entry(USD, Money.parse("14000", "USD")));
    assertThat(team.attainment().get(USD)).isCloseTo(1.0 / 7, within(1e-15));
    assertThat(team.coverage().get(USD)).isEqualTo(1.0);
  }

  @Test
  void periodsAndDealsWithoutCloseDate_asWorkedByHand() {
    ForecastReport report = rollup.calculate(deals(), query);

    assertThat(report.periods()).extracting(p -> p.period().label()).containsExactly("2025-01", "2025-03");
    ForecastFigures january = report.periods().get(0).team();
    assertThat(List.of(january.closedWon(), january.commit(), january.bestCase(), january.pipeline()))
        .containsExactly(figure(1, "1000 USD"), figure(1, "1000 USD"), figure(1, "1000 USD"), Figure.ZERO);
    assertThat(january.quota()).isEmpty();
    assertThat(january.attainment()).isEmpty();
    assertThat(report.noCloseDate()).isEqualTo(figure(1, "900 USD"));
    assertThat(report.noCloseDateByOwner()).containsOnlyKeys("cy");
    assertThat(report.deals()).isEqualTo(10);
  }

  @Test
  void closeInstant_takesItsDateInTheZone() {
    // F2 was won at 23:30 UTC on February 28: March in Paris, February in UTC
    ForecastReport utc = rollup.calculate(deals(), ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("UTC")));

    assertThat(utc.period(TrendPeriod.parse("2025-02")).get().team().closedWon()).isEqualTo(figure(1, "2000 USD"));
  }

  @Test
  void quarters_addTheMonthsUp() {
    ForecastReport quarters = rollup.calculate(deals(), ForecastQuery.of(T, CalendarUnit.QUARTER, "Europe/Paris"));

    ForecastFigures q1 = quarters.period(TrendPeriod.parse("2025-Q1")).get().team();
    assertThat(q1.closedWon()).isEqualTo(figure(3, "3000 USD", "1500 EUR"));
    assertThat(q1.bestCase()).isEqualTo(figure(6, "10000 USD", "1500 EUR"));
  }

  @Test
  void teamRatios_needAQuotaOfEveryOwnerWhoSoldOrHasPipelineInTheCurrency() {
    // March with ana's quota only: bo has 5000 USD of pipeline and no quota, so the team's 2000 won of
    // ana's 10000 would be a fifth of a quota bo is not in, and its 12000 pipeline would cover 1.5 times
    ForecastQuery anaOnly = ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
        .withQuota(TrendPeriod.parse("2025-03"), "ana", Money.parse("10000", "USD"));

    PeriodForecast march = rollup.calculate(deals(), anaOnly).period(TrendPeriod.parse("2025-03")).get();

    assertThat(march.team().quota()).containsExactly(java.util.Map.entry(USD, Money.parse("10000", "USD")));
    assertThat(march.team().attainment()).isEmpty();
    assertThat(march.team().coverage()).isEmpty();
    assertThat(march.owners().get("ana").attainment().get(USD)).isEqualTo(0.2);
    assertThat(march.owners().get("ana").coverage().get(USD)).isEqualTo(0.875);
    // January: only ana sold, so her quota is the whole team's: 1000 / 500
    ForecastQuery january = ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
        .withQuota(TrendPeriod.parse("2025-01"), "ana", Money.parse("500", "USD"));
    assertThat(rollup.calculate(deals(), january).period(TrendPeriod.parse("2025-01")).get().team().attainment())
        .containsExactly(java.util.Map.entry(USD, 2.0));
  }

  @Test
  void ownersWithoutQuota_namesThoseWhoBlankTheTeamRatios_andNoOneWhenEveryoneHasOne() {
    ForecastQuery anaOnly = ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
        .withQuota(TrendPeriod.parse("2025-01"), "ana", Money.parse("500", "USD"))
        .withQuota(TrendPeriod.parse("2025-03"), "ana", Money.parse("10000", "USD"));
    ForecastReport report = rollup.calculate(deals(), anaOnly);

    // March: bo has 5000 USD of pipeline (F5) and no quota; his EUR win is in no currency of a quota
    assertThat(report.period(TrendPeriod.parse("2025-03")).get().ownersWithoutQuota())
        .containsExactly(java.util.Map.entry(USD, new java.util.TreeSet<>(List.of("bo"))));
    // January: only ana sold
    assertThat(report.period(TrendPeriod.parse("2025-01")).get().ownersWithoutQuota()).isEmpty();
    // both quotas given, as in the worked table: no one is missing
    assertThat(rollup.calculate(deals(), query).period(TrendPeriod.parse("2025-03")).get().ownersWithoutQuota())
        .isEmpty();
  }

  @Test
  void ownersWithoutQuota_leavesOutOwnersWithOnlyOmittedOrLostDeals() {
    // March with bo's quota only: ana has 2000 won and 7000 pipeline; cy has nothing in March
    ForecastQuery boOnly = ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
        .withQuota(TrendPeriod.parse("2025-03"), "bo", Money.parse("4000", "USD"));
    // bo's own F6 (omitted) and F7 (lost) would not make him needed; he has a quota anyway
    List<Deal> omittedOnly = List.of(
        RevenueSample.open("F6", "h", 0, "bo", "600", "USD", "2025-03-10").deal(),
        RevenueSample.open("F7", "a", 0, "bo", "700", "USD", "2025-06-30").lose(70).deal(),
        RevenueSample.open("F12", "h", 0, "cy", "800", "USD", "2025-03-11").deal());

    assertThat(rollup.calculate(deals(), boOnly).period(TrendPeriod.parse("2025-03")).get().ownersWithoutQuota())
        .containsExactly(java.util.Map.entry(USD, new java.util.TreeSet<>(List.of("ana"))));
    PeriodForecast march = rollup.calculate(omittedOnly, boOnly).period(TrendPeriod.parse("2025-03")).get();
    assertThat(march.ownersWithoutQuota()).isEmpty();
    assertThat(march.team().attainment()).containsExactly(java.util.Map.entry(USD, 0.0));
  }

  @Test
  void quotaReached_hasNoCoverage_andZeroQuotaNoAttainment() {
    // ana's February: nothing in it but a quota of 0, and her January quota of 500 is beaten by 1000 won
    ForecastQuery reached = ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
        .withQuota(TrendPeriod.parse("2025-01"), "ana", Money.parse("500", "USD"))
        .withQuota(TrendPeriod.parse("2025-02"), "ana", Money.parse("0", "USD"));

    ForecastReport report = rollup.calculate(deals(), reached);

    ForecastFigures january = report.period(TrendPeriod.parse("2025-01")).get().owners().get("ana");
    assertThat(january.attainment().get(USD)).isEqualTo(2.0);
    assertThat(january.coverage()).isEmpty();
    ForecastFigures february = report.period(TrendPeriod.parse("2025-02")).get().owners().get("ana");
    assertThat(february.closedWon()).isEqualTo(Figure.ZERO);
    assertThat(february.attainment()).isEmpty();
    assertThat(february.coverage()).isEmpty();
  }

  @Test
  void categoryRule_isTheOnePlaceThatDecides() {
    // a rule that reads an override (here: deals of bo are all committed) changes the buckets
    ForecastCategoryRule override = (deal, pipeline) -> deal.owner().equals("bo") ? ForecastCategory.COMMIT
        : ForecastCategoryRule.stage().categoryOf(deal, pipeline);

    ForecastFigures bo = rollup.calculate(deals(), query.withCategoryRule(override))
        .period(TrendPeriod.parse("2025-03")).get().owners().get("bo");

    // F5 (5000 USD), F6 (600 USD) and F8 are committed now; F7 is still lost, so omitted
    assertThat(bo.commit()).isEqualTo(figure(4, "5600 USD", "1500 EUR"));
    assertThat(bo.omitted()).isEqualTo(figure(1, "700 USD"));
  }

  /**
   * The same deals with forecast category overrides (Salesforce's
   * {@code Opportunity.ForecastCategoryName}, set by hand instead of the stage's mapping):
   * <pre>
   * F3  ana  in c (COMMIT), override PIPELINE day 40               -> pipeline
   * F4  ana  in b (BEST_CASE), override OMITTED day 50, moved to c day 60
   *          (the move ends the override)                          -> commit
   * F5  bo   in a (PIPELINE), override COMMIT day 80               -> commit
   * F6  bo   in h (OMITTED), override BEST_CASE day 95, after T    -> omitted (not known at T)
   *
   * March, ana: closedWon (F2) 1 2000; commit (F2, F4) 2 6000; bestCase 2 6000;
   *             pipeline (F3, F4) 2 7000; omitted 0
   * March, bo:  closedWon (F10) 1 1500 EUR; commit (F10, F5, F8) 3 5000 USD 1500 EUR;
   *             bestCase 3 5000 USD 1500 EUR; pipeline (F5, F8) 2 5000 USD; omitted (F6, F7) 2 1300 USD
   * </pre>
   */
  static List<Deal> overridden() {
    List<Deal> deals = new java.util.ArrayList<>(deals());
    deals.set(2, RevenueSample.open("F3", "c", 0, "ana", "3000", "USD", "2025-03-20")
        .category(ForecastCategory.PIPELINE, 40).deal());
    deals.set(3, RevenueSample.open("F4", "b", 0, "ana", "4000", "USD", "2025-03-25")
        .category(ForecastCategory.OMITTED, 50).move("c", 60).deal());
    deals.set(4, RevenueSample.open("F5", "a", 0, "bo", "5000", "USD", "2025-03-05")
        .category(ForecastCategory.COMMIT, 80).deal());
    deals.set(5, RevenueSample.open("F6", "h", 0, "bo", "600", "USD", "2025-03-10")
        .category(ForecastCategory.BEST_CASE, 95).deal());
    return deals;
  }

  @Test
  void overrides_winOverTheStagesCategory_asWorkedByHand() {
    PeriodForecast march = rollup.calculate(overridden(), query).period(TrendPeriod.parse("2025-03")).get();

    ForecastFigures ana = march.owners().get("ana");
    assertThat(List.of(ana.closedWon(), ana.commit(), ana.bestCase(), ana.pipeline(), ana.omitted()))
        .containsExactly(figure(1, "2000 USD"), figure(2, "6000 USD"), figure(2, "6000 USD"), figure(2, "7000 USD"),
            Figure.ZERO);
    ForecastFigures bo = march.owners().get("bo");
    assertThat(List.of(bo.closedWon(), bo.commit(), bo.bestCase(), bo.pipeline(), bo.omitted()))
        .containsExactly(figure(1, "1500 EUR"), figure(3, "5000 USD", "1500 EUR"), figure(3, "5000 USD", "1500 EUR"),
            figure(2, "5000 USD"), figure(2, "1300 USD"));
  }

  @Test
  void stageRule_ignoresOverrides() {
    ForecastQuery byStage = query.withCategoryRule(ForecastCategoryRule.stage());

    // F4 is in c now (COMMIT) either way; the other overrides are ignored
    ForecastFigures ana = rollup.calculate(overridden(), byStage).period(TrendPeriod.parse("2025-03")).get()
        .owners().get("ana");
    assertThat(List.of(ana.commit(), ana.bestCase(), ana.pipeline()))
        .containsExactly(figure(3, "9000 USD"), figure(3, "9000 USD"), figure(2, "7000 USD"));
    assertThat(ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("UTC")).categoryRule())
        .isSameAs(ForecastCategoryRule.overrideOrStage());
  }

  @Test
  void categoryRuleSayingClosedForAnOpenDeal_isRejectedNamingTheDeal() {
    ForecastQuery closed = query.withCategoryRule((deal, pipeline) -> ForecastCategory.CLOSED);

    assertThatThrownBy(() -> rollup.calculate(deals(), closed)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal F3 is open").hasMessageContaining("CLOSED");
  }

  @Test
  void partialResults_mergedInAnyOrder_equalOnePass() {
    List<Deal> deals = deals();
    ForecastReport whole = rollup.calculate(deals, query);

    PartialResult<ForecastReport> first = rollup.accumulator(query).addAll(deals.subList(0, 5));
    PartialResult<ForecastReport> second = rollup.accumulator(query).addAll(deals.subList(5, deals.size()));

    assertThat(second.merge(first).result()).isEqualTo(whole);
    assertThat(rollup.calculate(deals.parallelStream(), query)).isEqualTo(whole);
  }

  @Test
  void toString_printsCountsAmountsAndRatios() {
    String text = rollup.calculate(deals(), query).toString();

    assertThat(text).contains("per month in Europe/Paris")
        .containsPattern("2025-03\\s+\\(all\\)\\s+deals\\s+2\\s+4\\s+5\\s+4\\s+2")
        .containsPattern("USD\\s+2000\\.00\\s+5000\\.00\\s+9000\\.00\\s+7000\\.00\\s+0\\.00\\s+10000\\.00 USD\\s+20\\.0%\\s+87\\.5%")
        .contains("No expected close date (open, in no period): 1 (900.00 USD)")
        .doesNotContain("none for");
  }

  @Test
  void toString_namesTheOwnersWithoutQuotaBelowTheTable() {
    ForecastQuery anaOnly = ForecastQuery.of(T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
        .withQuota(TrendPeriod.parse("2025-03"), "ana", Money.parse("10000", "USD"));

    assertThat(rollup.calculate(deals(), anaOnly).toString()).contains("\n2025-03 USD: team attainment and coverage "
        + "need a quota for every owner who won or has pipeline in the period; none for: bo\n"
        + "No expected close date");
  }
}
