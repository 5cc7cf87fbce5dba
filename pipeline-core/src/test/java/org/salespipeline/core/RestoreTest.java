package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.testing.DealGenerator;

class RestoreTest {

  private static List<DealEvent> with(List<DealEvent> events, int index, DealEvent replacement) {
    List<DealEvent> copy = new ArrayList<>(events);
    copy.set(index, replacement);
    return copy;
  }

  /** Opened, moved to qualification on day 1, lost on day 2. */
  private static Deal lostInQualification() {
    Deal deal = accepted(STANDARD.move(prospect(), "qualification", day(1))).deal();
    return accepted(STANDARD.lose(deal, "Price", day(2))).deal();
  }

  @Test
  void restore_ofGeneratedDeals_rebuildsEachOne() {
    for (Deal deal : DealGenerator.standard(7).deals(300)) {
      assertThat(Deal.restore(deal.history())).isEqualTo(deal);
    }
  }

  @Test
  void restore_ofHistoryRecordedUnderLooserRules_succeedsWhereReplayFails() {
    Deal skipped = accepted(STANDARD.move(Fixtures.qualifiedProspect(), "negotiation", day(1))).deal(); // a skip
    Deal deal = accepted(STANDARD.reopen(accepted(STANDARD.lose(skipped, "Price", day(2))).deal(), day(3))).deal();
    Pipeline stricter = Pipeline.builder("standard", "Standard")
        .openStage(Stage.open("prospecting", "Prospecting"))
        .openStage(Stage.open("qualification", "Qualification"))
        .openStage(Stage.open("proposal", "Proposal"))
        .openStage(Stage.open("negotiation", "Negotiation"))
        .openStage(Stage.open("closing", "Closing"))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .policy(TransitionPolicy.defaults().withSkipForward(false))
        .build();

    assertThatThrownBy(() -> Deal.replay(stricter, deal.history()))
        .isInstanceOf(InvalidHistoryException.class)
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(1);
    assertThat(Deal.restore(deal.history())).isEqualTo(deal);
  }

  @Test
  void restore_timeRunningBackwards_failsAtThatEvent() {
    Deal deal = lostInQualification();
    List<DealEvent> events = with(deal.history(), 2, new DealEvent.Lost("D-1", "qualification", "lost", "Price", day(0)
        .minusSeconds(1)));

    assertThatThrownBy(() -> Deal.restore(events))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("event 2 cannot be replayed")
        .hasMessageContaining("before the previous event");
  }

  @Test
  void restore_leavingAStageTheDealIsNotIn_failsAtThatEvent() {
    Deal deal = lostInQualification();
    List<DealEvent> events = with(deal.history(), 2, new DealEvent.Lost("D-1", "proposal", "lost", "Price", day(2)));

    assertThatThrownBy(() -> Deal.restore(events))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 2 cannot be replayed: it leaves stage 'proposal' but deal D-1 is in 'qualification'");
  }

  @Test
  void restore_movingAClosedDeal_failsAtThatEvent() {
    List<DealEvent> events = new ArrayList<>(lostInQualification().history());
    events.add(new DealEvent.StageChanged("D-1", "lost", "proposal", day(3)));

    assertThatThrownBy(() -> Deal.restore(events))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 3 cannot be replayed: deal D-1 is LOST, so it cannot leave a stage");
  }

  @Test
  void restore_reopeningAnOpenDeal_failsAtThatEvent() {
    List<DealEvent> events = new ArrayList<>(prospect().history());
    events.add(new DealEvent.Reopened("D-1", "prospecting", day(1)));

    assertThatThrownBy(() -> Deal.restore(events))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: deal D-1 is open, so it cannot be reopened");
  }

  @Test
  void restore_negativeAmountOrBadProbability_failsAtThatEvent() {
    List<DealEvent> negative = new ArrayList<>(prospect().history());
    negative.add(new DealEvent.AmountChanged("D-1", Option.some(Money.parse("-1", "EUR")), day(1)));
    List<DealEvent> probability = new ArrayList<>(prospect().history());
    probability.add(new DealEvent.ProbabilityOverridden("D-1", Option.some(1.5), day(1)));

    assertThatThrownBy(() -> Deal.restore(negative))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: amount must not be negative but was -1.00 EUR");
    assertThatThrownBy(() -> Deal.restore(probability))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: probability must be within [0, 1] but was 1.5");
  }

  @Test
  void restore_eventOfAnotherDealOrSecondOpened_failsAtThatEvent() {
    List<DealEvent> other = new ArrayList<>(prospect().history());
    other.add(new DealEvent.ActivityRecorded("D-2", day(1)));
    List<DealEvent> twice = new ArrayList<>(prospect().history());
    twice.add(prospect().history().get(0));

    assertThatThrownBy(() -> Deal.restore(other))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: it belongs to deal D-2, not D-1");
    assertThatThrownBy(() -> Deal.restore(twice))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: a deal is opened only once");
  }

  @Test
  void restore_emptyOrNotStartingWithOpened_failsAtIndexZero() {
    assertThatThrownBy(() -> Deal.restore(List.of()))
        .isInstanceOf(InvalidHistoryException.class)
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(0);
    assertThatThrownBy(() -> Deal.restore(List.of(new DealEvent.ActivityRecorded("D-1", day(1)))))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("a history starts with Opened");
    assertThatThrownBy(() -> Deal.restore(null)).isInstanceOf(NullPointerException.class).hasMessage("events");
  }
}
