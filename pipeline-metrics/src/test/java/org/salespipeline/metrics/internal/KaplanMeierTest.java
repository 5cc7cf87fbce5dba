package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values: the 6-MP arm of the Freireich et al. (1963) leukaemia remission trial, times
 * in weeks, + marking censored: 6+, 6, 6, 6, 7, 9+, 10+, 10, 11+, 13, 16, 17+, 19+, 20+, 22, 23,
 * 25+, 32+, 32+, 34+, 35+ (Freireich et al., Blood 21 (1963) 699–716). Its Kaplan–Meier table is
 * the worked example of Kleinbaum and Klein, "Survival Analysis: A Self-Learning Text", chapter 2:
 * S = 0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482 at t = 6, 7, 10, 13, 16, 22, 23;
 * median 23 weeks.
 */
class KaplanMeierTest {

  static final long[] EVENTS = {6, 6, 6, 7, 10, 13, 16, 22, 23};
  static final long[] CENSORED = {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35};

  @Test
  void estimate_freireich6mp_matchesPublishedSurvival() {
    KaplanMeier km = KaplanMeier.estimate(EVENTS, CENSORED);
    long[] times = {6, 7, 10, 13, 16, 22, 23};
    double[] survival = {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482};
    assertThat(km.steps()).isEqualTo(times.length);
    for (int i = 0; i < times.length; i++) {
      assertThat(km.time(i)).isEqualTo(times[i]);
      assertThat(km.survival(i)).isCloseTo(survival[i], within(0.00005));
    }
  }

  @Test
  void estimate_freireich6mp_eventsBeforeCensoringsAtEqualTimes() {
    KaplanMeier km = KaplanMeier.estimate(EVENTS, CENSORED);
    assertThat(km.atRisk(0)).as("all 21 at risk at 6 weeks, including the one censored at 6").isEqualTo(21);
    assertThat(km.events(0)).isEqualTo(3);
    assertThat(km.atRisk(1)).isEqualTo(17);
  }

  @Test
  void medianStep_freireich6mp_is23Weeks() {
    KaplanMeier km = KaplanMeier.estimate(EVENTS, CENSORED);
    assertThat(km.time(km.medianStep())).isEqualTo(23);
    assertThat(km.survivalAt(30)).isCloseTo(0.4482, within(0.00005));
  }

  /**
   * Issue 14's case, in days: ten deals, one closed at 1, two at 2, two at 3, five censored at 31.
   * S(3) = 9/10 · 7/9 · 5/7 = 1/2 exactly, 0.5000000000000001 as a product of doubles.
   */
  @Test
  void medianStep_survivalExactlyOneHalf_isThatStep() {
    KaplanMeier km = KaplanMeier.estimate(new long[] {1, 2, 2, 3, 3}, new long[] {31, 31, 31, 31, 31});

    assertThat(km.time(km.medianStep())).isEqualTo(3);
    assertThat(km.survival(km.medianStep())).isEqualTo(0.5);
    assertThat(km.survivalAt(3)).isEqualTo(0.5);
  }

  @Test
  void medianStep_survivalJustAboveHalfExactly_isNotThatStep() {
    // 11 at risk: S = 10/11 · 8/10 · 6/8 = 6/11 > 1/2, then 5/11 at the next close
    KaplanMeier km = KaplanMeier.estimate(new long[] {1, 2, 2, 3, 3, 4}, new long[] {31, 31, 31, 31, 31});

    assertThat(km.time(km.medianStep())).isEqualTo(4);
  }

  @Test
  void medianStep_survivalNeverAtHalf_isMinusOne() {
    assertThat(KaplanMeier.estimate(new long[] {5}, new long[] {6, 7}).medianStep()).isEqualTo(-1);
  }
  /**
   * One half exactly with deals censored between the closes: 24 deals, 2 close at 1 (S = 22/24),
   * 11 are censored at 2, 5 of the 11 left close at 3: S = 22/24 · 6/11 = 1/2, which the product
   * of doubles gives as 0.49999999999999994. The exact comparison must pair 22 survivors with the
   * 11 at risk after the censoring.
   */
  @Test
  void medianStep_exactlyOneHalfAcrossCensorings_isThatStepWithSurvivalOneHalf() {
    long[] censored = new long[17];
    java.util.Arrays.fill(censored, 0, 11, 2);
    java.util.Arrays.fill(censored, 11, 17, 31);
    KaplanMeier km = KaplanMeier.estimate(new long[] {1, 1, 3, 3, 3, 3, 3}, censored);

    assertThat(km.atRisk(0)).isEqualTo(24);
    assertThat(km.atRisk(1)).isEqualTo(11);
    assertThat(km.survival(0)).isEqualTo(22.0 / 24);
    assertThat(km.medianStep()).isEqualTo(1);
    assertThat(km.survival(1)).isEqualTo(0.5);
    assertThat(km.survivalAt(30)).isEqualTo(0.5);
  }

  /**
   * Nine closes with censorings between each: at step i (time 2i + 1) (18 − i)(10 − i) deals are
   * at risk and 10 − i close, a survival factor of (17 − i) / (18 − i); then 17 − i are censored (18 left after the last).
   * S after the ninth close = 17/18 · 16/17 · … · 9/10 = 9/18, one half exactly, from nine
   * factors on each side of the exact comparison.
   */
  @Test
  void medianStep_oneHalfAfterNineCensoredSteps_isTheNinthClose() {
    java.util.List<Long> events = new java.util.ArrayList<>();
    java.util.List<Long> censored = new java.util.ArrayList<>();
    for (int i = 0; i < 9; i++) {
      for (int d = 0; d < 10 - i; d++) {
        events.add(2L * i + 1);
      }
      for (int c = 0; i < 8 && c < 17 - i; c++) {
        censored.add(2L * i + 2);
      }
    }
    for (int c = 0; c < 18; c++) { // the 20 - 2 left after the ninth close
      censored.add(100L);
    }
    KaplanMeier km = KaplanMeier.estimate(events.stream().mapToLong(Long::longValue).toArray(),
        censored.stream().mapToLong(Long::longValue).toArray());

    assertThat(km.steps()).isEqualTo(9);
    assertThat(km.atRisk(0)).isEqualTo(180);
    assertThat(km.atRisk(8)).isEqualTo(20);
    assertThat(km.events(8)).isEqualTo(2);
    assertThat(km.survival(7)).isCloseTo(10.0 / 18, within(1e-15));
    assertThat(km.medianStep()).isEqualTo(8);
    assertThat(km.time(8)).isEqualTo(17);
    assertThat(km.survival(8)).isEqualTo(0.5);
  }
}
