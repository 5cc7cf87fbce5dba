package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.hour;
import static org.salespipeline.core.Fixtures.qualifiedProspect;

import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Time in stage as HubSpot reports it: the latest stay in a stage, and the cumulative time across
 * every re-entry ("Cumulative time in stage", HubSpot knowledge base, "Deal stage calculated
 * properties").
 */
class TimeInStageTest {

  /** Qualification 2 days, Negotiation 3 days, Qualification again 4 days, Negotiation again from day 9. */
  private static Deal revisiting() {
    Deal deal = accepted(STANDARD.move(qualifiedProspect(), "qualification", T0)).deal();
    deal = accepted(STANDARD.move(deal, "negotiation", day(2))).deal();
    deal = accepted(STANDARD.move(deal, "qualification", day(5))).deal();
    return accepted(STANDARD.move(deal, "negotiation", day(9))).deal();
  }

  @Test
  void stays_listEveryStayInOrder_theLastOneCurrent() {
    List<StageStay> stays = revisiting().stays();

    assertThat(stays).containsExactly(
        new StageStay("prospecting", T0, Option.some(T0)),
        new StageStay("qualification", T0, Option.some(day(2))),
        new StageStay("negotiation", day(2), Option.some(day(5))),
        new StageStay("qualification", day(5), Option.some(day(9))),
        new StageStay("negotiation", day(9), Option.none()));
    assertThat(stays.get(4).isCurrent()).isTrue();
    assertThat(stays.get(3).isCurrent()).isFalse();
  }

  @Test
  void timeInCurrentStage_isTheLatestStayOnly() {
    Deal deal = revisiting();

    assertThat(deal.enteredCurrentStageAt()).isEqualTo(day(9));
    assertThat(deal.timeInCurrentStage(day(10))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void cumulativeTimeIn_addsEveryStayIncludingTheCurrentOneUpToAsOf() {
    Deal deal = revisiting();

    assertThat(deal.cumulativeTimeIn("qualification", day(20))).isEqualTo(Duration.ofDays(2 + 4));
    assertThat(deal.cumulativeTimeIn("negotiation", day(10))).isEqualTo(Duration.ofDays(3 + 1));
  }

  @Test
  void cumulativeTimeIn_asOfInsideAnEarlierStay_countsOnlyUpToAsOf() {
    Deal deal = revisiting();

    assertThat(deal.cumulativeTimeIn("negotiation", day(3))).isEqualTo(Duration.ofDays(1));
    assertThat(deal.cumulativeTimeIn("qualification", day(6))).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void cumulativeTimeIn_aStageNeverEnteredOrBeforeCreation_isZero() {
    Deal deal = revisiting();

    assertThat(deal.cumulativeTimeIn("closing", day(20))).isZero();
    assertThat(deal.cumulativeTimeIn("qualification", T0.minusSeconds(60))).isZero();
    assertThat(deal.cumulativeTimeIn("prospecting", day(20))).isZero();
  }

  @Test
  void latestStay_ofARevisitedStage_isItsLastStayNotTheSum() {
    Deal deal = revisiting();

    StageStay latest = deal.stays().stream().filter(s -> s.stageId().equals("qualification"))
        .reduce((first, second) -> second).orElseThrow();

    assertThat(latest.duration(day(20))).isEqualTo(Duration.ofDays(4));
    assertThat(deal.stays().get(4).duration(hour(9 * 24 + 6))).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void closedDeal_hasAStayInTheWonStage() {
    Deal won = accepted(STANDARD.win(revisiting(), day(12))).deal();

    assertThat(won.stays()).last().isEqualTo(new StageStay("won", day(12), Option.none()));
    assertThat(won.cumulativeTimeIn("negotiation", day(30))).isEqualTo(Duration.ofDays(3 + 3));
    assertThat(won.timeInCurrentStage(day(13))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void nonStageEvents_doNotStartANewStay() {
    Deal deal = accepted(STANDARD.recordActivity(qualifiedProspect(), day(1))).deal();
    deal = accepted(STANDARD.setAttribute(deal, "k", "v", day(2))).deal();

    assertThat(deal.stays()).containsExactly(new StageStay("prospecting", T0, Option.none()));
  }
}
