package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.accepted;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.internal.DealCursor;

/**
 * Examples of reading a deal's compact history: deals whose fields are equal but whose histories
 * are not (an event at another instant, an attribute that had another value before its change) are
 * different values, and the in-place cursor walks a deal opened on a whole second event by event.
 */
class HistoryReadsTest {

  private static final Instant OPENING = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void dealsWithEqualFields_butAnEventAtAnotherInstant_areNotEqual() {
    Pipeline standard = Pipeline.standard();
    Deal deal = accepted(standard.open(NewDeal.of("D-1").withOwner("ana"), OPENING)).deal();

    Deal early = accepted(standard.move(deal, "qualification", OPENING.plusSeconds(60))).deal();
    Deal late = accepted(standard.move(deal, "qualification", OPENING.plusSeconds(120))).deal();
    Deal againEarly = accepted(standard.move(
        accepted(standard.open(NewDeal.of("D-1").withOwner("ana"), OPENING)).deal(), "qualification",
        OPENING.plusSeconds(60))).deal();

    assertThat(early.stageId()).isEqualTo(late.stageId());
    assertThat(early).isNotEqualTo(late).isEqualTo(againEarly).hasSameHashCodeAs(againEarly);
    assertThat(early.hashCode()).isNotEqualTo(late.hashCode());
  }

  @Test
  void dealsWhoseAttributeHadAnotherValueBeforeItsChange_areNotEqual() {
    Pipeline standard = Pipeline.standard();
    Instant changed = OPENING.plusSeconds(60);
    Deal fromWeb = accepted(standard.open(NewDeal.of("D-1").withAttribute("source", "web"), OPENING)).deal();
    Deal fromEvent = accepted(standard.open(NewDeal.of("D-1").withAttribute("source", "event"), OPENING)).deal();

    Deal first = accepted(standard.setAttribute(fromWeb, "source", "referral", changed)).deal();
    Deal second = accepted(standard.setAttribute(fromEvent, "source", "referral", changed)).deal();

    assertThat(first.attributes()).isEqualTo(second.attributes()).containsExactly(Map.entry("source", "referral"));
    assertThat(((DealEvent.Opened) first.history().get(0)).attributes()).containsExactly(Map.entry("source", "web"));
    assertThat(((DealEvent.Opened) second.history().get(0)).attributes()).containsExactly(Map.entry("source", "event"));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void theCursor_walksADealOpenedOnAWholeSecond_eventByEvent_andMovesToAnother() {
    Pipeline standard = Pipeline.standard();
    Deal opened = accepted(standard.open(NewDeal.of("D-1"), OPENING)).deal();
    Deal moved = accepted(standard.move(opened, "qualification", OPENING.plusSeconds(90))).deal();
    Deal deal = accepted(standard.recordActivity(moved, OPENING.plusSeconds(150))).deal();
    long openingMilli = 1_772_442_000_000L; // 2026-03-02T09:00:00Z: 20,514 days and 9 hours after the epoch

    DealCursor cursor = DealCursor.of(deal);
    List<Object> walked = new java.util.ArrayList<>();
    do {
      walked.add(List.of(cursor.index(), cursor.epochMilli(), String.valueOf(cursor.enteredStage())));
    } while (cursor.next());

    assertThat(cursor.size()).isEqualTo(3);
    assertThat(walked).containsExactly(
        List.of(0, openingMilli, "prospecting"),
        List.of(1, openingMilli + 90_000, "qualification"),
        List.of(2, openingMilli + 150_000, "null"));
    assertThat(cursor.index()).as("next() at the last event stays there").isEqualTo(2);
    assertThat(cursor.on(opened).index()).isZero();
    assertThat(cursor.size()).isEqualTo(1);
    assertThat(cursor.next()).isFalse();
    assertThat(cursor.epochMilli()).isEqualTo(openingMilli);
  }
}
