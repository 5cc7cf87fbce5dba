package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.salespipeline.core.QualificationLevel.NO;
import static org.salespipeline.core.QualificationLevel.PARTIAL;
import static org.salespipeline.core.QualificationLevel.UNKNOWN;
import static org.salespipeline.core.QualificationLevel.YES;

import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.QualificationLevel;
import org.salespipeline.scoring.QualificationScorecard.Criterion;

class QualificationScorecardTest {

  private final QualificationScorecard bant = QualificationScorecard.bant();

  @Test
  void bant_fullyQualified_isOne() {
    Deal deal = Fixtures.qualified("D", YES, YES, YES, YES, NO);

    assertThat(bant.probability(deal, Fixtures.context())).isEqualTo(1.0);
  }

  @Test
  void bant_partialBudget_isSevenEighths() {
    Deal deal = Fixtures.qualified("D", PARTIAL, YES, YES, YES, UNKNOWN);

    assertThat(bant.probability(deal, Fixtures.context())).isCloseTo(0.875, within(1e-12));
  }

  @Test
  void bant_nothingKnown_isZero() {
    assertThat(bant.probability(Fixtures.qualified("D", UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, YES), Fixtures.context()))
        .isZero();
  }

  @Test
  void withInterestWeight_unknownInterest_lowersTheScore() {
    QualificationScorecard five = bant.withWeight(Criterion.INTEREST, 1);

    assertThat(five.probability(Fixtures.qualified("D", YES, YES, YES, YES, UNKNOWN), Fixtures.context()))
        .isCloseTo(0.8, within(1e-12));
    assertThat(five.weight(Criterion.INTEREST)).isEqualTo(1.0);
  }

  @Test
  void withCredit_unknownEarnsSome_raisesTheScore() {
    QualificationScorecard lenient = bant.withCredit(UNKNOWN, 0.2);

    assertThat(lenient.probability(Fixtures.qualified("D", UNKNOWN, YES, YES, YES, YES), Fixtures.context()))
        .isCloseTo(0.8, within(1e-12));
  }

  @Test
  void score_explainsEveryCriterion_largestFirst_addingUp() {
    Score score = bant.withWeight(Criterion.INTEREST, 1)
        .score(Fixtures.qualified("D", YES, PARTIAL, NO, YES, YES), Fixtures.context());

    assertThat(score.factors()).extracting(Factor::name)
        .containsExactly("budget", "interest", "timeline", "authority", "need");
    assertThat(score.factors()).extracting(Factor::value).containsExactly("YES", "YES", "YES", "PARTIAL", "NO");
    assertThat(score.explainedProbability()).isCloseTo(score.probability(), within(1e-12));
    assertThat(score.probability()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void withWeight_negative_isRefusedNamingTheCriterion() {
    assertThatThrownBy(() -> bant.withWeight(Criterion.NEED, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight of need must be a finite number >= 0 but was -1.0");
  }

  @Test
  void withWeight_allZero_isRefused() {
    QualificationScorecard three = bant.withWeight(Criterion.BUDGET, 0).withWeight(Criterion.AUTHORITY, 0)
        .withWeight(Criterion.NEED, 0);

    assertThatThrownBy(() -> three.withWeight(Criterion.TIMELINE, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("weights must not all be zero");
  }

  @Test
  void withCredit_outOfRange_isRefused() {
    assertThatThrownBy(() -> bant.withCredit(YES, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("credit of YES must be within [0, 1] but was 1.5");
  }

  @Test
  void withId_invalid_isRefused() {
    assertThatThrownBy(() -> bant.withId("My Scorecard"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'My Scorecard'");
    assertThat(bant.withId("bant-2").id()).isEqualTo("bant-2");
  }

  @Test
  void copies_areValues_equalWhenConfiguredAlike() {
    assertThat(bant.toString())
        .isEqualTo("QualificationScorecard[scorecard, weights [1.0, 1.0, 1.0, 1.0, 0.0], credits [0.0, 0.0, 0.5, 1.0]]");
    assertThat(bant.withWeight(Criterion.BUDGET, 2).withWeight(Criterion.BUDGET, 1)).isEqualTo(bant)
        .hasSameHashCodeAs(bant);
    assertThat(bant.withWeight(Criterion.BUDGET, 2)).isNotEqualTo(bant);
    assertThat(bant.withCredit(QualificationLevel.PARTIAL, 0.25)).isNotEqualTo(bant)
        .isEqualTo(bant.withCredit(QualificationLevel.PARTIAL, 0.25));
    assertThat(bant.withWeight(Criterion.INTEREST, 1).toString())
        .isEqualTo("QualificationScorecard[scorecard, weights [1.0, 1.0, 1.0, 1.0, 1.0], credits [0.0, 0.0, 0.5, 1.0]]");
  }
}
