package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salespipeline.core.Fixtures.STANDARD;
import static org.salespipeline.core.Fixtures.accepted;
import static org.salespipeline.core.Fixtures.day;
import static org.salespipeline.core.Fixtures.prospect;
import static org.salespipeline.core.Fixtures.qualifiedProspect;

import org.junit.jupiter.api.Test;

/** Probability precedence of SPEC §3.3: won 1, lost 0, else the override, else the stage default. */
class ProbabilityTest {

  private static Deal overridden(double probability) {
    return accepted(STANDARD.overrideProbability(qualifiedProspect(), probability, day(1))).deal();
  }

  @Test
  void probabilityOf_noOverride_isTheStageDefault() {
    Deal deal = qualifiedProspect();

    assertThat(STANDARD.probabilityOf(deal)).isEqualTo(0.1);
    assertThat(STANDARD.probabilityOf(accepted(STANDARD.move(deal, "closing", day(1))).deal())).isEqualTo(0.8);
  }

  @Test
  void probabilityOf_override_winsOverTheStageDefault() {
    assertThat(STANDARD.probabilityOf(overridden(0.65))).isEqualTo(0.65);
  }

  @Test
  void probabilityOf_overrideThenStageChange_keepsTheOverride() {
    Deal moved = accepted(STANDARD.move(overridden(0.65), "negotiation", day(2))).deal();

    assertThat(STANDARD.probabilityOf(moved)).isEqualTo(0.65);
  }

  @Test
  void probabilityOf_wonDeal_isOneWhateverTheOverride() {
    assertThat(STANDARD.probabilityOf(accepted(STANDARD.win(overridden(0.2), day(2))).deal())).isEqualTo(1.0);
  }

  @Test
  void probabilityOf_lostDeal_isZeroWhateverTheOverride() {
    assertThat(STANDARD.probabilityOf(accepted(STANDARD.lose(overridden(0.9), "Price", day(2))).deal())).isEqualTo(0.0);
  }

  @Test
  void probabilityOf_reopenedDeal_usesTheOverrideAgain() {
    Deal lost = accepted(STANDARD.lose(overridden(0.9), "Price", day(2))).deal();

    assertThat(STANDARD.probabilityOf(accepted(STANDARD.reopen(lost, day(3))).deal())).isEqualTo(0.9);
  }

  @Test
  void probabilityOf_overrideOfZero_isZeroNotTheStageDefault() {
    assertThat(STANDARD.probabilityOf(overridden(0.0))).isEqualTo(0.0);
  }

  @Test
  void probabilityOf_clearedOverride_isTheStageDefaultAgain() {
    Deal cleared = accepted(STANDARD.clearProbabilityOverride(overridden(0.65), day(2))).deal();

    assertThat(STANDARD.probabilityOf(cleared)).isEqualTo(0.1);
    assertThat(STANDARD.probabilityOf(prospect())).isEqualTo(0.1);
  }
}
