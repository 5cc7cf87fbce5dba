package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;

/**
 * The pipeline hygiene review (SPEC §4.1) on a table of deals worked by hand: as of day 100
 * (2025-04-11T00:00Z, so {@code T}'s date is 04-11 in UTC), 14 quiet days. Stage b rots after 30
 * days; no stage has 20 completed stays, so b's threshold is the only norm (SPEC §4 stuck deals).
 *
 * <pre>
 * deal owner  opened (day, stage, amount, close)  later       flags
 * H1   ana    0, a, 1000 USD, 05-01              activity 95  none
 * H2   ana    0, a, 2000 USD, 04-10              -            close date passed, no recent activity (100 days)
 * H3   bo     50, b, no amount, 06-01            activity 99  no amount, stuck (50 days in b, 20 over)
 * H4   -      90, a, 400 USD, no close date      -            no close date, no owner (quiet 10 days)
 * H5   bo     10, b, no amount, no close date    -            no close date, no recent activity, no amount,
 *                                                             stuck (90 days in b, 60 over)
 * H6   cy     0, a, 500 USD                       won 20       closed: not reviewed
 * H7   cy     86, a, 700 USD, 04-11 (= T's date) -            no recent activity (exactly 14 days)
 * H8   cy     86.5, a, 800 USD, 05-01            -            none (13.5 days)
 *
 * worst first: H5 (4 flags); then 2 flags by earliest last event: H2 (day 0), H4 (day 90), H3 (day 99);
 * then H7 (1 flag)
 * counts: open 7, flagged 5; close date passed 1, no close date 2, no recent activity 3, no amount 2,
 * no owner 1, stuck 2
 * per owner: (none) 1 open 1 flagged; ana 2 open 1 flagged; bo 2 open 2 flagged; cy 2 open 1 flagged
 * </pre>
 */
class HygieneTest {

  static final Instant T = Script.day(100);

  static List<Deal> deals() {
    return List.of(
        RevenueSample.open("H1", "a", 0, "ana", "1000", "USD", "2025-05-01").activity(95).deal(),
        RevenueSample.open("H2", "a", 0, "ana", "2000", "USD", "2025-04-10").deal(),
        RevenueSample.open("H3", "b", 50, "bo", "", "", "2025-06-01").activity(99).deal(),
        RevenueSample.open("H4", "a", 90, "", "400", "USD", "").deal(),
        RevenueSample.open("H5", "b", 10, "bo", "", "", "").deal(),
        RevenueSample.open("H6", "a", 0, "cy", "500", "USD", "2025-01-31").win(20).deal(),
        RevenueSample.open("H7", "a", 86, "cy", "700", "USD", "2025-04-11").deal(),
        RevenueSample.open("H8", "a", 86.5, "cy", "800", "USD", "2025-05-01").deal());
  }

  private final PipelineHygiene hygiene = PipelineHygiene.of(RevenueSample.REVENUE);

  @Test
  void flaggedDeals_worstFirst_withTheirFlags() {
    List<FlaggedDeal> deals = hygiene.calculate(deals(), HygieneQuery.asOf(T)).deals();

    assertThat(deals).extracting(FlaggedDeal::dealId).containsExactly("H5", "H2", "H4", "H3", "H7");
    assertThat(deals.get(0).flags()).containsExactly(HygieneFlag.NO_CLOSE_DATE, HygieneFlag.NO_RECENT_ACTIVITY,
        HygieneFlag.NO_AMOUNT, HygieneFlag.STUCK);
    assertThat(deals.get(0).stuck().get().overDays()).isEqualTo(60.0);
    assertThat(deals.get(0).quietDays()).isEqualTo(90.0);
    assertThat(deals.get(1).flags()).containsExactly(HygieneFlag.CLOSE_DATE_PASSED, HygieneFlag.NO_RECENT_ACTIVITY);
    assertThat(deals.get(2).flags()).containsExactly(HygieneFlag.NO_CLOSE_DATE, HygieneFlag.NO_OWNER);
    assertThat(deals.get(3).flags()).containsExactly(HygieneFlag.NO_AMOUNT, HygieneFlag.STUCK);
    assertThat(deals.get(3).stuck().get().overDays()).isEqualTo(20.0);
    assertThat(deals.get(3).quietDays()).isEqualTo(1.0);
    assertThat(deals.get(4).flags()).containsExactly(HygieneFlag.NO_RECENT_ACTIVITY);
    assertThat(deals.get(4).stuck()).isEmpty();
  }

  @Test
  void counts_perFlagAndPerOwner_asWorkedByHand() {
    HygieneReport report = hygiene.calculate(deals(), HygieneQuery.asOf(T));

    HygieneCounts total = report.total();
    assertThat(total.openDeals()).isEqualTo(7);
    assertThat(total.flaggedDeals()).isEqualTo(5);
    assertThat(total.byFlag()).containsExactly(Map.entry(HygieneFlag.CLOSE_DATE_PASSED, 1L),
        Map.entry(HygieneFlag.NO_CLOSE_DATE, 2L), Map.entry(HygieneFlag.NO_RECENT_ACTIVITY, 3L),
        Map.entry(HygieneFlag.NO_AMOUNT, 2L), Map.entry(HygieneFlag.NO_OWNER, 1L), Map.entry(HygieneFlag.STUCK, 2L));
    assertThat(report.owners()).containsOnlyKeys(Grouping.NONE, "ana", "bo", "cy");
    assertThat(report.owners().get("bo").openDeals()).isEqualTo(2);
    assertThat(report.owners().get("bo").flaggedDeals()).isEqualTo(2);
    assertThat(report.owners().get("bo").count(HygieneFlag.STUCK)).isEqualTo(2);
    assertThat(report.owners().get("ana").count(HygieneFlag.CLOSE_DATE_PASSED)).isEqualTo(1);
    assertThat(report.owners().get(Grouping.NONE).count(HygieneFlag.NO_OWNER)).isEqualTo(1);
    assertThat(report.owners().get("cy").flaggedDeals()).isEqualTo(1);
  }

  @Test
  void stuck_isExactlyTheMetricsStuckList() {
    List<String> metricsStuck = PipelineMetrics.of(RevenueSample.REVENUE)
        .calculate(deals(), MetricsQuery.asOf(T)).stuck().stream().map(StuckDeal::dealId).toList();

    List<String> hygieneStuck = hygiene.calculate(deals(), HygieneQuery.asOf(T)).deals().stream()
        .filter(d -> d.has(HygieneFlag.STUCK)).map(FlaggedDeal::dealId).sorted().toList();

    assertThat(hygieneStuck).isEqualTo(metricsStuck.stream().sorted().toList()).containsExactly("H3", "H5");
  }

  @Test
  void quietDays_andZone_moveTheirFlags() {
    // 7 quiet days: H4 (10 days) and H8 (13.5 days) are quiet too
    HygieneReport week = hygiene.calculate(deals(), HygieneQuery.asOf(T).withQuietDays(7));
    assertThat(week.total().count(HygieneFlag.NO_RECENT_ACTIVITY)).isEqualTo(5);

    // in Honolulu, T (00:00 UTC on 04-11) is still 04-10: H2's close date 04-10 has not passed
    HygieneReport honolulu = hygiene.calculate(deals(),
        HygieneQuery.asOf(T).withZone(java.time.ZoneId.of("Pacific/Honolulu")));
    assertThat(honolulu.total().count(HygieneFlag.CLOSE_DATE_PASSED)).isZero();
  }

  @Test
  void dealWithoutFlags_isNotListedButCounted() {
    HygieneReport report = hygiene.calculate(deals(), HygieneQuery.asOf(T));

    assertThat(report.deals()).extracting(FlaggedDeal::dealId).doesNotContain("H1", "H6", "H8");
    assertThat(report.owners().get("ana").openDeals()).isEqualTo(2);
    assertThat(EnumSet.copyOf(report.deals().get(0).flags())).contains(HygieneFlag.STUCK);
  }

  @Test
  void partialResults_mergedInAnyOrder_equalOnePass() {
    List<Deal> deals = deals();
    HygieneQuery query = HygieneQuery.asOf(T);
    HygieneReport whole = hygiene.calculate(deals, query);

    PartialResult<HygieneReport> first = hygiene.accumulator(query).addAll(deals.subList(0, 3));
    PartialResult<HygieneReport> second = hygiene.accumulator(query).addAll(deals.subList(3, deals.size()));

    assertThat(second.merge(first).result()).isEqualTo(whole);
    assertThat(hygiene.calculate(deals.parallelStream(), query)).isEqualTo(whole);
  }

  @Test
  void quietDays_keepTheFractionOfASecond() {
    // last event 15 days and half a second before T
    Deal deal = RevenueSample.open("Q", "a", 85 - 0.5 / 86_400, "ana", "1", "USD", "").deal();

    FlaggedDeal flagged = hygiene.calculate(List.of(deal), HygieneQuery.asOf(T)).deals().get(0);

    assertThat(flagged.quietDays()).isCloseTo(15 + 0.5 / 86_400, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void toString_printsCountsAndTheWorstDeals() {
    String text = hygiene.calculate(deals(), HygieneQuery.asOf(T)).toString();

    assertThat(text).contains("quiet after 14 days")
        .containsPattern("\\(all\\)\\s+7\\s+5\\s+1\\s+2\\s+3\\s+2\\s+1\\s+2")
        .containsPattern("H5\\s+bo\\s+Proposal\\s+-\\s+-\\s+90\\.0\\s+no close date, no recent activity, no amount,"
            + " stuck \\(\\+60\\.0 days\\)");
  }
}
