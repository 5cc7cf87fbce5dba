package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Equality, hash codes and small predicates of the core values, beyond what the commands exercise. */
class ValueContractsTest {

  @Test
  void money_differentValueOrCurrency_differentHashCode_zeroIsZero() {
    Money one = Money.parse("1", "USD");

    assertThat(one.hashCode()).isNotEqualTo(Money.parse("2", "USD").hashCode()).isNotEqualTo(Money.parse("1", "EUR").hashCode());
    assertThat(one.hashCode()).isEqualTo(Money.parse("1.000", "USD").hashCode());
    assertThat(one.isZero()).isFalse();
    assertThat(Money.parse("0.000", "USD").isZero()).isTrue();
  }

  @Test
  void entryCriterion_equalByNameAndReason_notByPredicate() {
    EntryCriterion budget = EntryCriterion.of("budget", "Budget must be confirmed", d -> true);

    assertThat(EntryCriterion.of("budget", "Budget must be confirmed", d -> false)).isEqualTo(budget)
        .hasSameHashCodeAs(budget);
    assertThat(EntryCriterion.of("authority", "Budget must be confirmed", d -> true)).isNotEqualTo(budget);
    assertThat(EntryCriterion.of("budget", "another reason", d -> true)).isNotEqualTo(budget)
        .doesNotHaveSameHashCodeAs(budget);
  }

  @Test
  void dealStatus_onlyWonAndLostAreClosed() {
    assertThat(DealStatus.OPEN.isClosed()).isFalse();
    assertThat(DealStatus.WON.isClosed()).isTrue();
    assertThat(DealStatus.LOST.isClosed()).isTrue();
  }

  @Test
  void neverClosedDeal_hasNoClosingStage_andPipelinesHaveTheirNames() {
    Deal deal = Fixtures.prospect();

    assertThat(deal.closedFromStageId()).isEmpty();
    assertThat(deal.closedAt()).isEmpty();
    assertThat(Fixtures.STANDARD.id()).isEqualTo("standard");
    assertThat(Fixtures.STANDARD.name()).isNotBlank();
    assertThat(Fixtures.STANDARD.hashCode()).isEqualTo(Pipeline.standard().hashCode())
        .isNotEqualTo(Fixtures.simple(TransitionPolicy.defaults()).hashCode());
  }

  @Test
  void stays_nameTheStageEachEventEntered() {
    Deal deal = Fixtures.accepted(Fixtures.STANDARD.win(Fixtures.accepted(Fixtures.STANDARD.move(Fixtures.prospect(),
        "qualification", Fixtures.day(1))).deal(), Fixtures.day(2))).deal();

    assertThat(deal.stays()).extracting(StageStay::stageId).containsExactly("prospecting", "qualification", "won");
  }
}
