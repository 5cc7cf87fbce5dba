package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.QualificationLevel;

class PointsScorerTest {

  // points from -10 to +50: a deal matching nothing stands at 10/60
  private final PointsScorer points = PointsScorer.of(
      PointsRule.attributeEquals("source", "referral", 30),
      PointsRule.amountAtLeast(Money.parse("10000", "USD"), 20),
      PointsRule.attributeEquals("segment", "SMB", -10));

  @Test
  void noRuleMatched_isTheBaseline() {
    Score score = points.score(Fixtures.deal("D", "new", "500"), Fixtures.context());

    assertThat(score.probability()).isCloseTo(10.0 / 60, within(1e-12));
    assertThat(score.baseline()).isCloseTo(10.0 / 60, within(1e-12));
    assertThat(score.factors()).isEmpty();
  }

  @Test
  void everyPositiveRule_isOne() {
    Deal deal = Fixtures.attribute(Fixtures.deal("D", "new", "25000"), "source", "referral");

    assertThat(points.probability(deal, Fixtures.context())).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void onlyTheNegativeRule_isZero() {
    Deal deal = Fixtures.attribute(Fixtures.deal("D", "new", "500"), "segment", "SMB");

    assertThat(points.probability(deal, Fixtures.context())).isZero();
  }

  @Test
  void score_namesMatchedRules_addingUp() {
    Deal deal = Fixtures.attribute(Fixtures.attribute(Fixtures.deal("D", "new", "25000"), "segment", "SMB"),
        "source", "web");

    Score score = points.score(deal, Fixtures.context());

    assertThat(score.factors()).extracting(Factor::name).containsExactly("amount >= 10000.00 USD", "segment = SMB");
    assertThat(score.explainedProbability()).isCloseTo(score.probability(), within(1e-12));
    assertThat(score.probability()).isCloseTo(20.0 / 60, within(1e-12));
  }

  @Test
  void amountRule_otherCurrency_doesNotMatch() {
    Deal euros = Fixtures.PIPELINE.open(org.salespipeline.core.NewDeal.of("E").withAmount(Money.parse("90000", "EUR")),
        Fixtures.T0).get().deal();

    assertThat(PointsRule.amountAtLeast(Money.parse("10000", "USD"), 5).condition().test(euros)).isFalse();
  }

  @Test
  void qualificationAndStageRules_match() {
    Deal deal = Fixtures.qualified("Q", QualificationLevel.YES, QualificationLevel.NO, QualificationLevel.NO,
        QualificationLevel.NO, QualificationLevel.NO);

    assertThat(PointsRule.qualification(QualificationScorecard.Criterion.BUDGET, QualificationLevel.YES, 1)
        .condition().test(deal)).isTrue();
    assertThat(PointsRule.inStage("new", 1).condition().test(deal)).isTrue();
  }

  @Test
  void noRules_isRefused() {
    assertThatThrownBy(() -> PointsScorer.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rules must not be empty");
  }

  @Test
  void zeroPoints_isRefusedNamingTheRule() {
    assertThatThrownBy(() -> PointsRule.of("nothing", d -> true, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points of rule 'nothing' must be finite and not zero but was 0.0");
  }

  @Test
  void withId_invalid_isRefusedAndValid_isAnEqualValue() {
    assertThatThrownBy(() -> points.withId("Fit Score"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id must be").hasMessageContaining("'Fit Score'");
    assertThat(points.withId("fit").id()).isEqualTo("fit");
    assertThat(points.withId("fit").rules()).isEqualTo(points.rules());
    assertThat(points.withId("fit").withId(PointsScorer.ID)).isEqualTo(points).hasSameHashCodeAs(points);
    assertThat(points.withId("fit")).isNotEqualTo(points);
  }
}
