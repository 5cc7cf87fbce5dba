package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.QUALIFIED;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deals as values: equality, {@link Deal#asOf}, {@link Change#then}. */
class DealValueTest {

  private static Deal history() {
    Deal deal = accepted(STANDARD.qualify(prospect(), QUALIFIED, day(1))).deal();
    deal = accepted(STANDARD.move(deal, "proposal", day(2))).deal();
    deal = accepted(STANDARD.changeAmount(deal, Money.parse("50000", "EUR"), day(2))).deal();
    return accepted(STANDARD.win(deal, day(4))).deal();
  }

  @Test
  void equals_sameCommandsSameInstants_areEqualWithTheSameHashCode() {
    assertThat(history()).isEqualTo(history()).hasSameHashCodeAs(history());
  }

  @Test
  void equals_sameStateDifferentHistory_areNotEqual() {
    Deal direct = accepted(STANDARD.move(prospect(), "qualification", day(1))).deal();
    Deal roundabout = accepted(STANDARD.recordActivity(prospect(), T0)).deal();
    roundabout = accepted(STANDARD.move(roundabout, "qualification", day(1))).deal();

    assertThat(direct).isNotEqualTo(roundabout);
    assertThat(direct.stageId()).isEqualTo(roundabout.stageId());
  }

  @Test
  void equals_amountsOfEqualValueButOtherScale_areEqualDeals() {
    Deal a = accepted(STANDARD.changeAmount(prospect(), Money.parse("10.5", "EUR"), day(1))).deal();
    Deal b = accepted(STANDARD.changeAmount(prospect(), Money.parse("10.500", "EUR"), day(1))).deal();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void eventsAndRejections_areValues() {
    assertThat(new DealEvent.Won("D", "a", "won", T0)).isEqualTo(new DealEvent.Won("D", "a", "won", T0))
        .isNotEqualTo(new DealEvent.Won("D", "a", "won", day(1)));
    assertThat(rejected(STANDARD.move(prospect(), "proposal", day(1))))
        .isEqualTo(rejected(STANDARD.move(prospect(), "proposal", day(1))));
    assertThat(EntryCriterion.of("n", "r", d -> true)).isEqualTo(EntryCriterion.of("n", "r", d -> false));
  }

  @Test
  void asOf_afterTheLastEvent_isTheSameDeal() {
    Deal deal = history();

    assertThat(deal.asOf(day(4))).isEqualTo(Option.some(deal));
    assertThat(deal.asOf(day(400)).get()).isSameAs(deal);
  }

  @Test
  void asOf_beforeCreation_isNone() {
    assertThat(history().asOf(T0.minusNanos(1))).isEqualTo(Option.none());
  }

  @Test
  void asOf_inTheMiddle_isTheDealAsItWasIncludingEventsAtThatInstant() {
    Deal deal = history();

    Deal then = deal.asOf(day(2)).get();

    assertThat(then).extracting(Deal::stageId, Deal::status, Deal::version).containsExactly("proposal", DealStatus.OPEN, 4);
    assertThat(then.amount()).isEqualTo(Option.some(Money.parse("50000", "EUR")));
    assertThat(then).isEqualTo(Deal.replay(STANDARD, deal.history().subList(0, 4)));
    assertThat(deal.asOf(day(3)).get()).isEqualTo(then);
  }

  @Test
  void asOf_atCreation_isTheNewDeal() {
    assertThat(history().asOf(T0).get()).isEqualTo(prospect());
  }

  @Test
  void then_accepted_joinsTheEventsInOrderAndKeepsTheLastDeal() {
    Either<Rejection, Change> result = STANDARD.qualify(prospect(), QUALIFIED, day(1))
        .flatMap(c -> c.then(d -> STANDARD.move(d, "proposal", day(1))))
        .flatMap(c -> c.then(d -> STANDARD.win(d, day(2))));

    Change change = accepted(result);

    assertThat(change.events()).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("QualificationUpdated", "StageChanged", "Won");
    assertThat(change.deal().status()).isEqualTo(DealStatus.WON);
    assertThat(change.deal().history()).hasSize(4).endsWith(change.events().toArray(DealEvent[]::new));
  }

  @Test
  void then_rejected_rejectsTheWhole() {
    Either<Rejection, Change> result = STANDARD.setAttribute(prospect(), "k", "v", day(1))
        .flatMap(c -> c.then(d -> STANDARD.move(d, "proposal", day(1))));

    assertThat(rejected(result).code()).isEqualTo("ENTRY_CRITERIA_NOT_MET");
  }

  @Test
  void change_events_areACopyThatCannotBeModified() {
    Change change = accepted(STANDARD.recordActivity(prospect(), day(1)));

    assertThat(change.events()).isUnmodifiable();
    assertThat(change.deal().history()).isUnmodifiable();
    assertThat(change.deal().attributes()).isUnmodifiable();
    assertThat(new Change(change.deal(), List.of(change.events().get(0)))).isEqualTo(change);
  }

  @Test
  void change_eventsOfOneCommand_areAListOfOneLikeListOf() {
    Change change = accepted(STANDARD.move(prospect(), "qualification", day(1)));
    DealEvent moved = change.deal().history().get(1);

    assertThat(change.events()).isEqualTo(List.of(moved)).hasSameHashCodeAs(List.of(moved))
        .hasToString(List.of(moved).toString()).containsExactly(moved);
    assertThat(List.of(moved)).isEqualTo(change.events());
    assertThatThrownBy(() -> change.events().get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> change.events().get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> change.events().add(moved)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> change.events().set(0, moved)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(change.events()).isEqualTo(change.events()); // made from the deal each time it is asked for
    assertThat(new Change(change.deal(), change.events())).isEqualTo(change).hasSameHashCodeAs(change)
        .hasToString(change.toString());
    assertThat(change.events().subList(0, 1)).isEqualTo(List.of(moved)).isUnmodifiable();
    assertThat(change.events().subList(1, 1)).isEmpty();
  }

  @Test
  void change_eventOfACommandAfterFieldEvents_namesTheStageTheDealLeftAndTheValueItSet() {
    Deal deal = accepted(STANDARD.move(prospect(), "qualification", day(1))).deal();
    deal = accepted(STANDARD.recordActivity(deal, day(2))).deal();
    deal = accepted(STANDARD.setAttribute(deal, "source", "fair", day(2))).deal();
    Change amount = accepted(STANDARD.changeAmount(deal, Money.parse("7.50", "EUR"), day(3)));
    Change attribute = accepted(STANDARD.setAttribute(amount.deal(), "source", "web", day(3)));
    Change lost = accepted(STANDARD.lose(attribute.deal(), "  Price ", day(4)));
    Change reopened = accepted(STANDARD.reopen(lost.deal(), day(5)));
    Change activity = accepted(STANDARD.recordActivity(reopened.deal(), day(5)));
    Change won = accepted(STANDARD.win(activity.deal(), day(6)));

    assertThat(amount.events()).containsExactly(new DealEvent.AmountChanged("D-1", Option.of(Money.parse("7.50", "EUR")),
        day(3)));
    assertThat(attribute.events()).containsExactly(new DealEvent.AttributeChanged("D-1", "source", Option.of("web"),
        day(3)));
    assertThat(lost.events()).containsExactly(new DealEvent.Lost("D-1", "qualification", "lost", "Price", day(4)));
    assertThat(reopened.events()).containsExactly(new DealEvent.Reopened("D-1", "qualification", day(5)));
    assertThat(won.events()).containsExactly(new DealEvent.Won("D-1", "qualification", "won", day(6)));
    assertThat(won.deal().history()).endsWith(lost.events().get(0), reopened.events().get(0),
        activity.events().get(0), won.events().get(0));
  }

  @Test
  void change_eventsOfADealOpenedWithinASecond_keepTheirFractionsOfASecond() {
    Instant opening = T0.plusMillis(500);
    Change opened = accepted(STANDARD.open(NewDeal.of("D-9").withOwner("ana").withStage("qualification"), opening));
    Change moved = accepted(STANDARD.move(opened.deal(), "prospecting", day(1).plusNanos(250_000_001)));
    Change activity = accepted(STANDARD.recordActivity(moved.deal(), day(2)));
    Change lost = accepted(STANDARD.lose(activity.deal(), "Timing", day(3).plusNanos(999_999_999)));

    assertThat(opened.events()).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(opening));
    assertThat(moved.events()).containsExactly(
        new DealEvent.StageChanged("D-9", "qualification", "prospecting", day(1).plusNanos(250_000_001)));
    assertThat(activity.events()).containsExactly(new DealEvent.ActivityRecorded("D-9", day(2)));
    assertThat(lost.events()).containsExactly(
        new DealEvent.Lost("D-9", "prospecting", "lost", "Timing", day(3).plusNanos(999_999_999)));
    assertThat(lost.deal().createdAt()).isEqualTo(opening);
    assertThat(Deal.restore(lost.deal().history())).isEqualTo(lost.deal());
  }

  @Test
  void toString_namesTheDealItsStageAndAmount() {
    assertThat(prospect()).hasToString("Deal D-1 'Acme renewal' [prospecting, OPEN, 48000.00 EUR, owner ana, 1 events]");
  }

  @Test
  void equals_openedWithTheSameAttributesInAnotherOrder_areEqual() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");

    Deal first = Deal.restore(List.of(opened(ab)));
    Deal second = Deal.restore(List.of(opened(ba)));

    assertThat(first.history()).isEqualTo(second.history());
    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    assertThat(first.attributes().keySet()).containsExactly("a", "b");
    assertThat(second.attributes().keySet()).containsExactly("b", "a");
  }

  private static DealEvent.Opened opened(Map<String, String> attributes) {
    return new DealEvent.Opened("D-1", "standard", "prospecting", "", "", "ana", Option.none(), Option.none(),
        Qualification.UNKNOWN, attributes, T0);
  }
}
