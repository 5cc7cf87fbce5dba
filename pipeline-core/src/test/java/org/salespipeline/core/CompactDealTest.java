package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.T0;
import static org.salespipeline.core.Fixtures.accepted;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.internal.DealCursor;

/**
 * Examples of the compact deal layout at its edges (the properties in
 * {@code CompactHistoryProperties} and {@code MoneyProperties} cover random data): instants before
 * the epoch with nanoseconds, an event past the 18-year reach of a mark, the in-place reads of
 * {@link DealCursor}, the attribute array, and amounts on both sides of 18 digits.
 */
class CompactDealTest {

  private static DealEvent.Opened opened(Instant at, Map<String, String> attributes) {
    return new DealEvent.Opened("D-1", "standard", "prospecting", "", "", "ana", Option.none(), Option.none(),
        Qualification.UNKNOWN, attributes, at);
  }

  @Test
  void inPlaceReads_matchTheEvents_beforeTheEpochAndPastTheReachOfAMark() {
    Instant opening = Instant.parse("1969-12-31T23:59:58.250000001Z");
    Instant moved = opening.plusSeconds(86_400).plusNanos(500_000_000);
    Instant far = opening.plusSeconds(20L * 366 * 86_400).plusNanos(7); // beyond 18 years: kept apart
    Deal deal = Deal.restore(List.of(opened(opening, Map.of("source", "web")),
        new DealEvent.StageChanged("D-1", "prospecting", "qualification", moved),
        new DealEvent.Lost("D-1", "qualification", "lost", "Price", far)));

    assertThat(deal.history()).extracting(DealEvent::at).containsExactly(opening, moved, far);
    assertThat(List.of(DealCursor.of(deal).at(0).epochMilli(), DealCursor.of(deal).at(1).epochMilli(), DealCursor.of(deal).at(2).epochMilli()))
        .containsExactly(opening.toEpochMilli(), moved.toEpochMilli(), far.toEpochMilli());
    assertThat(DealCursor.of(deal).at(0).epochMilli()).isEqualTo(-1_750L);
    assertThat(List.of(DealCursor.of(deal).at(0).enteredStage(), DealCursor.of(deal).at(1).enteredStage(), DealCursor.of(deal).at(2).enteredStage()))
        .containsExactly("prospecting", "qualification", "lost");
    assertThat(DealCursor.of(deal).at(1).compareAt(moved)).isZero();
    assertThat(DealCursor.of(deal).at(1).compareAt(moved.plusNanos(1))).isNegative();
    assertThat(DealCursor.of(deal).at(1).compareAt(moved.minusNanos(1))).isPositive();
    assertThat(DealCursor.of(deal).at(2).compareAt(far)).isZero();
    assertThat(DealCursor.of(deal).at(2).compareAt(far.plusNanos(1))).isNegative();
    assertThat(DealCursor.of(deal).attribute("source")).isEqualTo("web");
    assertThat(DealCursor.of(deal).attribute("segment")).isNull();
    assertThat(deal.lastEventAt()).isEqualTo(far);
    assertThat(deal.closedAt()).contains(far);
    assertThat(deal.closedFromStageId()).contains("qualification");
    assertThat(deal.lostReason()).contains("Price");
    assertThat(deal.enteredCurrentStageAt()).isEqualTo(far);
    assertThat(deal.history().get(2)).isEqualTo(new DealEvent.Lost("D-1", "qualification", "lost", "Price", far));
  }

  @Test
  void equalDeals_haveEqualHashes_andAnotherStageAnotherHash() {
    Deal first = Fixtures.prospect();
    Deal moved = accepted(STANDARD.move(first, "qualification", T0.plusSeconds(60))).deal();

    assertThat(Fixtures.prospect()).isEqualTo(first).hasSameHashCodeAs(first);
    assertThat(moved).isNotEqualTo(first);
    assertThat(moved.hashCode()).isNotEqualTo(first.hashCode());
  }

  @Test
  void attributes_clearedInTheMiddle_keepTheOthersInOrder_andAnswerLikeAMap() {
    Deal deal = accepted(STANDARD.open(NewDeal.of("D-1").withAttribute("a", "1").withAttribute("b", "2")
        .withAttribute("c", "3"), T0)).deal();

    Deal cleared = accepted(STANDARD.clearAttribute(deal, "b", T0.plusSeconds(1))).deal();
    Deal unchanged = accepted(STANDARD.clearAttribute(cleared, "zz", T0.plusSeconds(2))).deal();

    assertThat(cleared.attributes()).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
    assertThat(cleared.attributes().containsKey("b")).isFalse();
    assertThat(cleared.attributes().containsKey("c")).isTrue();
    assertThat(cleared.attributes().isEmpty()).isFalse();
    assertThat(cleared.attributes()).hasSize(2);
    assertThat(unchanged.attributes()).isEqualTo(cleared.attributes());
    assertThat(deal.attributes().entrySet()).hasSize(3);
    assertThat(Fixtures.prospect().attributes()).isEmpty();
    assertThat(Fixtures.prospect().attributes().isEmpty()).isTrue();
  }

  @Test
  void money_onBothSidesOf18Digits_keepsItsNumberAndScale() {
    for (String amount : List.of("999999999999999999", "1000000000000000000", "123456789012345678.9",
        "-12345678901234567.89", "0.000000000000000001")) {
      Money money = Money.parse(amount, "USD");

      assertThat(money.amount()).as(amount).isEqualByComparingTo(new BigDecimal(amount));
      assertThat(money.amount().scale()).as(amount).isEqualTo(Math.max(new BigDecimal(amount).scale(), 2));
      assertThat(money.isNegative()).as(amount).isEqualTo(amount.startsWith("-"));
    }
  }
}
