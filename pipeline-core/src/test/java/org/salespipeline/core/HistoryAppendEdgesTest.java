package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.accepted;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Examples of appending events to a deal's compact history at the edges of its fast path (a free
 * slot in the shared arrays) and its copying path: an event with nanoseconds after an opening on a
 * whole second, events at the last second and the first second past the reach of a compact mark
 * (2^28 seconds, about 8.5 years, with the 13 kinds of events) and of a wide one (about 18.3
 * years), a deal opened early in 1970, a deal opened with nanoseconds given more events than its
 * first arrays hold, and deals given two commands (they branched). Each
 * expected instant is the command's own instant: a deal never moves an event in time.
 */
class HistoryAppendEdgesTest {

  private static final Pipeline STANDARD = Pipeline.standard();
  /** The first number of seconds after the opening that a compact mark cannot hold: 2^(32 - 4 kind bits). */
  private static final long PAST_COMPACT = 268_435_456L;

  private static Deal opened(Instant at) {
    return accepted(STANDARD.open(NewDeal.of("D-1").withOwner("ana"), at)).deal();
  }

  @Test
  void aMoveWithNanoseconds_afterAnOpeningOnAWholeSecond_keepsItsNanoseconds() {
    Instant opening = Instant.parse("2026-03-02T09:00:00Z");
    Instant moved = Instant.parse("2026-03-02T09:00:01.500000001Z");

    Deal deal = accepted(STANDARD.move(opened(opening), "qualification", moved)).deal();

    assertThat(deal.enteredCurrentStageAt()).isEqualTo(moved);
    assertThat(deal.lastEventAt()).isEqualTo(moved);
    assertThat(deal.history().get(1)).isEqualTo(new DealEvent.StageChanged("D-1", "prospecting", "qualification", moved));
  }

  @Test
  void eventsAtTheLastCompactSecond_andTheFirstPastIt_keepTheirInstants_inAFreeSlotAndInACopy() {
    Instant opening = Instant.parse("2026-03-02T09:00:00Z");
    Instant lastCompact = opening.plusSeconds(PAST_COMPACT - 1);
    Instant pastCompact = opening.plusSeconds(PAST_COMPACT);
    Instant later = opening.plusSeconds(PAST_COMPACT + 1);

    // a free slot: the deal opened with room for four events
    Deal inSlot = accepted(STANDARD.recordActivity(opened(opening), pastCompact)).deal();
    // the opening's four slots full (opening and three activities), the fifth event is copied
    Deal full = opened(opening);
    full = accepted(STANDARD.recordActivity(full, opening.plusSeconds(1))).deal();
    full = accepted(STANDARD.recordActivity(full, opening.plusSeconds(2))).deal();
    full = accepted(STANDARD.recordActivity(full, lastCompact)).deal();
    Deal copied = accepted(STANDARD.recordActivity(full, pastCompact)).deal();
    Deal afterwards = accepted(STANDARD.move(copied, "qualification", later)).deal();

    assertThat(inSlot.lastActivityAt()).isEqualTo(pastCompact);
    assertThat(inSlot.history()).extracting(DealEvent::at).containsExactly(opening, pastCompact);
    assertThat(afterwards.history()).extracting(DealEvent::at)
        .containsExactly(opening, opening.plusSeconds(1), opening.plusSeconds(2), lastCompact, pastCompact, later);
    assertThat(afterwards.lastActivityAt()).isEqualTo(pastCompact);
    assertThat(afterwards.enteredCurrentStageAt()).isEqualTo(later);
    assertThat(full.lastActivityAt()).isEqualTo(lastCompact);
  }

  @Test
  void aDealOpenedWithNanoseconds_givenMoreEventsThanItsFirstArraysHold_keepsEveryInstant() {
    Instant opening = Instant.parse("2026-03-02T09:00:00.250Z");
    Deal deal = opened(opening);
    Instant[] at = new Instant[6];
    for (int i = 0; i < at.length; i++) {
      at[i] = opening.plusSeconds(60L * (i + 1)).plusNanos(i);
      deal = accepted(STANDARD.recordActivity(deal, at[i])).deal();
    }

    assertThat(deal.history()).extracting(DealEvent::at)
        .containsExactly(opening, at[0], at[1], at[2], at[3], at[4], at[5]);
    assertThat(deal.lastActivityAt()).isEqualTo(Instant.parse("2026-03-02T09:06:00.250000005Z"));
  }

  /** Opened on a whole second (compact marks) and with nanoseconds (wide marks). */
  @ParameterizedTest
  @ValueSource(strings = {"2026-03-02T09:00:00Z", "2026-03-02T09:00:00.250Z"})
  void aDealGivenTwoCommands_givesEachResultItsOwnEvent_andKeepsItsOwnHistory(String openedAt) {
    Instant opening = Instant.parse(openedAt);
    Deal deal = opened(opening);
    Instant movedAt = opening.plusSeconds(60);
    Instant activityAt = opening.plusSeconds(120);

    Deal moved = accepted(STANDARD.move(deal, "qualification", movedAt)).deal();
    Deal active = accepted(STANDARD.recordActivity(deal, activityAt)).deal();
    Deal movedThenActive = accepted(STANDARD.recordActivity(moved, activityAt)).deal();
    Deal activeAgain = accepted(STANDARD.recordActivity(active, opening.plusSeconds(180))).deal();

    assertThat(deal.history()).hasSize(1);
    assertThat(moved.history()).containsExactly(deal.history().get(0),
        new DealEvent.StageChanged("D-1", "prospecting", "qualification", movedAt));
    assertThat(active.history()).containsExactly(deal.history().get(0),
        new DealEvent.ActivityRecorded("D-1", activityAt));
    assertThat(active.stageId()).isEqualTo("prospecting");
    assertThat(active.lastActivityAt()).isEqualTo(activityAt);
    assertThat(movedThenActive.history()).extracting(DealEvent::at).containsExactly(opening, movedAt, activityAt);
    assertThat(movedThenActive.stageId()).isEqualTo("qualification");
    assertThat(movedThenActive.enteredCurrentStageAt()).isEqualTo(movedAt);
    assertThat(activeAgain.history()).extracting(DealEvent::at)
        .containsExactly(opening, activityAt, opening.plusSeconds(180));
    assertThat(List.of(moved.stageId(), active.stageId(), activeAgain.stageId()))
        .containsExactly("qualification", "prospecting", "prospecting");
  }

  @Test
  void aDealOpenedEarlyIn1970_keepsItsEventsSecondsAfterTheOpening() {
    // the opening's epoch second is 10: an event's seconds since it (10) fit a compact mark, and so
    // would the sum of both (30), so only the subtraction gives the event back at 00:00:20
    Instant opening = Instant.parse("1970-01-01T00:00:10Z");
    Instant activity = Instant.parse("1970-01-01T00:00:20Z");

    Deal deal = accepted(STANDARD.recordActivity(opened(opening), activity)).deal();

    assertThat(deal.history()).extracting(DealEvent::at).containsExactly(opening, activity);
    assertThat(deal.lastActivityAt()).isEqualTo(activity);
  }

  @Test
  void anEventHalfASecondPastTheLastSecondOfAWideMark_keepsItsInstant() {
    // a wide mark holds (2^59 - 1) ns after the opening's second, 576,460,752.303423487 s: an event
    // 576,460,752.5 s after it is beyond, though its whole second is not
    Instant opening = Instant.parse("2026-03-02T09:00:00.250Z");
    Instant beyond = Instant.ofEpochSecond(opening.getEpochSecond() + 576_460_752L, 500_000_000);
    Instant justWithin = Instant.ofEpochSecond(opening.getEpochSecond() + 576_460_752L, 303_423_487);

    Deal farDeal = accepted(STANDARD.recordActivity(opened(opening), beyond)).deal();
    Deal nearDeal = accepted(STANDARD.recordActivity(opened(opening), justWithin)).deal();

    assertThat(farDeal.history()).extracting(DealEvent::at).containsExactly(opening, beyond);
    assertThat(farDeal.lastActivityAt()).isEqualTo(beyond);
    assertThat(nearDeal.history()).extracting(DealEvent::at).containsExactly(opening, justWithin);
  }
}
