package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.qualifiedProspect;
import static org.salespipeline.core.Fixtures.rejected;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-deal forecast category override, as Salesforce's {@code Opportunity.ForecastCategoryName}
 * (Salesforce Object Reference, Opportunity): "implied, but not directly controlled, by the
 * StageName field. You can override this field to a different value than is implied by the
 * StageName value", and "if the StageName is updated, then the ForecastCategoryName […] [is]
 * automatically updated based on the stage-category mapping". The standard pipeline's categories
 * (SPEC §3.1): Prospecting and Qualification PIPELINE, Proposal and Negotiation BEST_CASE, Closing
 * COMMIT.
 */
class ForecastCategoryOverrideTest {

  private static Deal committed() {
    return accepted(STANDARD.overrideForecastCategory(prospect(), ForecastCategory.COMMIT, day(1))).deal();
  }

  @Test
  void override_winsOverTheStagesCategory() {
    Deal deal = committed();

    assertThat(deal.forecastCategoryOverride()).isEqualTo(Option.some(ForecastCategory.COMMIT));
    assertThat(STANDARD.forecastCategoryOf(deal)).isEqualTo(ForecastCategory.COMMIT);
    assertThat(STANDARD.forecastCategoryOf(prospect())).isEqualTo(ForecastCategory.PIPELINE);
  }

  @Test
  void override_isRecordedAsOneEvent() {
    Change change = accepted(STANDARD.overrideForecastCategory(prospect(), ForecastCategory.OMITTED, day(1)));

    assertThat(change.events()).containsExactly(
        new DealEvent.ForecastCategoryOverridden("D-1", Option.some(ForecastCategory.OMITTED), day(1)));
  }

  @Test
  void clear_givesTheStagesCategoryBack() {
    Change change = accepted(STANDARD.clearForecastCategoryOverride(committed(), day(2)));

    assertThat(change.deal().forecastCategoryOverride().isEmpty()).isTrue();
    assertThat(STANDARD.forecastCategoryOf(change.deal())).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(change.events()).containsExactly(new DealEvent.ForecastCategoryOverridden("D-1", Option.none(), day(2)));
  }

  @Test
  void laterOverride_replacesTheEarlierOne() {
    Deal deal = accepted(STANDARD.overrideForecastCategory(committed(), ForecastCategory.BEST_CASE, day(2))).deal();

    assertThat(deal.forecastCategoryOverride()).isEqualTo(Option.some(ForecastCategory.BEST_CASE));
  }

  @Test
  void stageChange_endsTheOverride_asSalesforceDoes() {
    Deal deal = accepted(STANDARD.overrideForecastCategory(qualifiedProspect(), ForecastCategory.OMITTED, day(1)))
        .deal();

    Deal moved = accepted(STANDARD.move(deal, "proposal", day(2))).deal();

    assertThat(moved.forecastCategoryOverride().isEmpty()).isTrue();
    assertThat(STANDARD.forecastCategoryOf(moved)).isEqualTo(ForecastCategory.BEST_CASE);
  }

  @Test
  void fieldChanges_keepTheOverride() {
    Deal deal = accepted(STANDARD.changeAmount(committed(), Money.parse("50000", "EUR"), day(2))).deal();
    deal = accepted(STANDARD.recordActivity(deal, day(3))).deal();
    deal = accepted(STANDARD.overrideProbability(deal, 0.9, day(4))).deal();

    assertThat(deal.forecastCategoryOverride()).isEqualTo(Option.some(ForecastCategory.COMMIT));
  }

  @Test
  void probabilityOverride_survivesAStageChange_butTheCategoryOverrideDoesNot() {
    Deal deal = accepted(STANDARD.overrideProbability(committed(), 0.7, day(2))).deal();

    Deal moved = accepted(STANDARD.move(deal, "qualification", day(3))).deal();

    assertThat(moved.probabilityOverride()).isEqualTo(Option.some(0.7));
    assertThat(moved.forecastCategoryOverride().isEmpty()).isTrue();
  }

  @Test
  void closeAndReopen_endTheOverride_andClosedDealsCountByOutcome() {
    Deal won = accepted(STANDARD.win(committed(), day(2))).deal();
    Deal lost = accepted(STANDARD.lose(committed(), "Price", day(2))).deal();
    Deal reopened = accepted(STANDARD.reopen(lost, day(3))).deal();

    assertThat(won.forecastCategoryOverride().isEmpty()).isTrue();
    assertThat(STANDARD.forecastCategoryOf(won)).isEqualTo(ForecastCategory.CLOSED);
    assertThat(STANDARD.forecastCategoryOf(lost)).isEqualTo(ForecastCategory.OMITTED);
    assertThat(reopened.forecastCategoryOverride().isEmpty()).isTrue();
    assertThat(STANDARD.forecastCategoryOf(reopened)).isEqualTo(ForecastCategory.PIPELINE);
  }

  @Test
  void overrideOrClear_onAClosedDeal_isRejected() {
    Deal lost = accepted(STANDARD.lose(prospect(), "Price", day(1))).deal();

    assertThat(rejected(STANDARD.overrideForecastCategory(lost, ForecastCategory.COMMIT, day(2))))
        .isEqualTo(new Rejection.DealClosed("D-1", DealStatus.LOST));
    assertThat(rejected(STANDARD.clearForecastCategoryOverride(lost, day(2))))
        .isEqualTo(new Rejection.DealClosed("D-1", DealStatus.LOST));
  }

  @Test
  void overrideToClosed_throwsNamingTheParameter() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> STANDARD.overrideForecastCategory(prospect(), ForecastCategory.CLOSED, day(1)))
        .withMessageStartingWith("category must not be CLOSED for open deal D-1");
  }

  @Test
  void asOf_knowsOnlyTheOverridesMadeByThen() {
    Deal deal = accepted(STANDARD.clearForecastCategoryOverride(committed(), day(5))).deal();

    assertThat(deal.asOf(day(0)).get().forecastCategoryOverride().isEmpty()).isTrue();
    assertThat(deal.asOf(day(1)).get().forecastCategoryOverride()).isEqualTo(Option.some(ForecastCategory.COMMIT));
    assertThat(deal.asOf(day(4)).get().forecastCategoryOverride()).isEqualTo(Option.some(ForecastCategory.COMMIT));
    assertThat(deal.asOf(day(5)).get().forecastCategoryOverride().isEmpty()).isTrue();
  }

  @Test
  void replayAndRestore_rebuildTheOverride() {
    Deal deal = accepted(STANDARD.move(committed(), "qualification", day(2))).deal();
    deal = accepted(STANDARD.overrideForecastCategory(deal, ForecastCategory.BEST_CASE, day(3))).deal();

    assertThat(Deal.replay(STANDARD, deal.history())).isEqualTo(deal);
    assertThat(Deal.restore(deal.history())).isEqualTo(deal);
    assertThat(Deal.restore(deal.history()).forecastCategoryOverride()).isEqualTo(Option.some(ForecastCategory.BEST_CASE));
  }

  @Test
  void restore_overrideOfAClosedDealOrToClosed_failsAtThatEvent() {
    List<DealEvent> closed = new ArrayList<>(accepted(STANDARD.lose(prospect(), "Price", day(1))).deal().history());
    closed.add(new DealEvent.ForecastCategoryOverridden("D-1", Option.some(ForecastCategory.COMMIT), day(2)));
    List<DealEvent> toClosed = new ArrayList<>(prospect().history());
    toClosed.add(new DealEvent.ForecastCategoryOverridden("D-1", Option.some(ForecastCategory.CLOSED), day(1)));

    assertThatThrownBy(() -> Deal.restore(closed)).isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 2 cannot be replayed: deal D-1 is LOST, so its forecast category cannot be overridden");
    assertThatThrownBy(() -> Deal.restore(toClosed)).isInstanceOf(InvalidHistoryException.class)
        .hasMessage("event 1 cannot be replayed: forecastCategory must not be CLOSED: only a won deal is closed");
    assertThatThrownBy(() -> Deal.replay(STANDARD, toClosed)).isInstanceOf(InvalidHistoryException.class)
        .hasMessageStartingWith("event 1 cannot be replayed: category must not be CLOSED for open deal D-1");
  }
}
