package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.QUALIFIED;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.simple;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.testing.DealGenerator;

class ReplayTest {

  /** A deal that went through every kind of event. */
  private static Deal busy() {
    Deal deal = prospect();
    deal = accepted(STANDARD.setAttribute(deal, "source", "web", day(1))).deal();
    deal = accepted(STANDARD.qualify(deal, QUALIFIED, day(2))).deal();
    deal = accepted(STANDARD.move(deal, "negotiation", day(3))).deal();
    deal = accepted(STANDARD.overrideProbability(deal, 0.7, day(4))).deal();
    deal = accepted(STANDARD.setExpectedClose(deal, LocalDate.of(2026, 5, 1), day(4))).deal();
    deal = accepted(STANDARD.recordActivity(deal, day(5))).deal();
    deal = accepted(STANDARD.move(deal, "qualification", day(6))).deal();
    deal = accepted(STANDARD.changeAmount(deal, Money.parse("39000", "EUR"), day(7))).deal();
    deal = accepted(STANDARD.lose(deal, "Price", day(8))).deal();
    deal = accepted(STANDARD.reopen(deal, day(9))).deal();
    deal = accepted(STANDARD.reassign(deal, "bo", day(9))).deal();
    deal = accepted(STANDARD.clearAttribute(deal, "source", day(10))).deal();
    deal = accepted(STANDARD.clearProbabilityOverride(deal, day(10))).deal();
    deal = accepted(STANDARD.clearExpectedClose(deal, day(10))).deal();
    deal = accepted(STANDARD.clearAmount(deal, day(11))).deal();
    return accepted(STANDARD.win(deal, day(12))).deal();
  }

  private static List<DealEvent> with(List<DealEvent> events, int index, DealEvent replacement) {
    List<DealEvent> copy = new ArrayList<>(events);
    copy.set(index, replacement);
    return copy;
  }

  @Test
  void replay_ofEveryKindOfEvent_rebuildsAnEqualDeal() {
    Deal deal = busy();

    Deal replayed = Deal.replay(STANDARD, deal.history());

    assertThat(deal.history()).hasSize(17);
    assertThat(replayed).isEqualTo(deal).hasSameHashCodeAs(deal);
  }

  @Test
  void replay_ofGeneratedDeals_rebuildsEachOne() {
    List<Deal> deals = DealGenerator.standard(42).deals(200);

    assertThat(deals).allSatisfy(deal -> assertThat(Deal.replay(STANDARD, deal.history())).isEqualTo(deal));
    assertThat(deals).anySatisfy(deal -> assertThat(deal.history()).hasAtLeastOneElementOfType(DealEvent.Reopened.class));
  }

  @Test
  void replay_emptyHistory_failsAtIndexZero() {
    assertThatThrownBy(() -> Deal.replay(STANDARD, List.of()))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 0 cannot be replayed: there are no events; a history starts with Opened")
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(0);
  }

  @Test
  void replay_notStartingWithOpened_failsAtIndexZero() {
    List<DealEvent> events = List.of(new DealEvent.ActivityRecorded("D-1", T0));

    assertThatThrownBy(() -> Deal.replay(STANDARD, events)).isInstanceOf(InvalidHistoryException.class)
        .hasMessageStartingWith("event 0 cannot be replayed: a history starts with Opened");
  }

  @Test
  void replay_moveThatBreaksTheCriteria_failsAtItsIndexWithTheRejection() {
    List<DealEvent> events = new ArrayList<>(prospect().history());
    events.add(new DealEvent.ActivityRecorded("D-1", day(1)));
    events.add(new DealEvent.StageChanged("D-1", "prospecting", "proposal", day(2)));

    assertThatThrownBy(() -> Deal.replay(STANDARD, events))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 2 cannot be replayed: Deal D-1 cannot enter Proposal: budget not confirmed; "
            + "decision maker not identified; need not confirmed; timeline not known.")
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(2);
  }

  @Test
  void replay_eventThatDoesNotFollowFromTheState_failsAtItsIndex() {
    Deal deal = busy();
    DealEvent.StageChanged moved = (DealEvent.StageChanged) deal.history().get(3);
    List<DealEvent> tampered = with(deal.history(), 3,
        new DealEvent.StageChanged("D-1", "closing", moved.toStageId(), moved.at()));

    assertThatThrownBy(() -> Deal.replay(STANDARD, tampered)).isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("event 3 cannot be replayed: it does not follow from the deal's state");
  }

  @Test
  void replay_timeRunningBackwards_failsAtTheEarlierEvent() {
    Deal deal = busy();
    List<DealEvent> tampered = with(deal.history(), 7, new DealEvent.StageChanged("D-1", "negotiation", "qualification",
        day(4).minusSeconds(1)));

    assertThatThrownBy(() -> Deal.replay(STANDARD, tampered)).isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("its history already goes up to " + day(5))
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(7);
  }

  @Test
  void replay_eventOfAnotherDeal_failsAtItsIndexNamingBothDeals() {
    List<DealEvent> events = new ArrayList<>(busy().history());
    events.add(new DealEvent.ActivityRecorded("D-2", day(20)));

    assertThatThrownBy(() -> Deal.replay(STANDARD, events)).isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 17 cannot be replayed: it belongs to deal D-2, not D-1");
  }

  @Test
  void replay_secondOpened_failsAtItsIndex() {
    List<DealEvent> events = new ArrayList<>(prospect().history());
    events.add(prospect().history().get(0));

    assertThatThrownBy(() -> Deal.replay(STANDARD, events)).isInstanceOf(InvalidHistoryException.class)
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(1);
  }

  @Test
  void replay_nullEvent_failsAtItsIndex() {
    List<DealEvent> events = new ArrayList<>(prospect().history());
    events.add(null);

    assertThatThrownBy(() -> Deal.replay(STANDARD, events)).isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: the event is null");
  }

  @Test
  void replay_openedInAnotherPipeline_failsAtIndexZero() {
    List<DealEvent> events = prospect().history();

    assertThatThrownBy(() -> Deal.replay(simple(TransitionPolicy.defaults()), events))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("event 0 cannot be replayed")
        .hasMessageContaining("'standard'");
  }

  @Test
  void replay_negativeAmountInAStoredEvent_failsAtItsIndex() {
    List<DealEvent> events = new ArrayList<>(prospect().history());
    events.add(new DealEvent.AmountChanged("D-1", Option.some(Money.parse("-5", "EUR")), day(1)));

    assertThatThrownBy(() -> Deal.replay(STANDARD, events)).isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: amount must not be negative but was -5.00 EUR");
  }

  @Test
  void replay_amountInAnotherCurrency_failsAtItsIndex() {
    List<DealEvent> events = new ArrayList<>(prospect().history());
    events.add(new DealEvent.ActivityRecorded("D-1", day(1)));
    events.add(new DealEvent.AmountChanged("D-1", Option.some(Money.parse("5", "USD")), day(2)));

    assertThatThrownBy(() -> Deal.replay(STANDARD, events)).isInstanceOf(InvalidHistoryException.class)
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(2);
  }

  @Test
  void replay_probabilityOutOfRangeInAStoredEvent_failsAtItsIndex() {
    List<DealEvent> events = new ArrayList<>(prospect().history());
    events.add(new DealEvent.ProbabilityOverridden("D-1", Option.some(1.5), day(1)));

    assertThatThrownBy(() -> Deal.replay(STANDARD, events)).isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: probability must be within [0, 1] but was 1.5");
  }

  @Test
  void replay_openedWithNegativeAmount_failsAtIndexZero() {
    DealEvent.Opened opened = (DealEvent.Opened) prospect().history().get(0);
    DealEvent.Opened negative = new DealEvent.Opened(opened.dealId(), opened.pipelineId(), opened.stageId(),
        opened.title(), opened.account(), opened.owner(), Option.some(Money.parse("-1", "EUR")), opened.expectedClose(),
        opened.qualification(), opened.attributes(), opened.at());

    assertThatThrownBy(() -> Deal.replay(STANDARD, List.of(negative))).isInstanceOf(InvalidHistoryException.class)
        .extracting(e -> ((InvalidHistoryException) e).index()).isEqualTo(0);
  }

  @Test
  void replay_theEventsOfAChange_appendedToTheStore_rebuildTheDeal() {
    List<DealEvent> store = new ArrayList<>();
    Change opened = accepted(STANDARD.open(NewDeal.of("D-7").withQualification(QUALIFIED), T0));
    store.addAll(opened.events());
    Change moved = accepted(STANDARD.move(opened.deal(), "proposal", day(1))
        .flatMap(c -> c.then(d -> STANDARD.win(d, day(2)))));
    store.addAll(moved.events());

    assertThat(Deal.replay(STANDARD, store)).isEqualTo(moved.deal());
  }
}
