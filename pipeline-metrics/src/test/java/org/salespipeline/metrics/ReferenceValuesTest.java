package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/** Published reference values reproduced through the public API, from deals. */
class ReferenceValuesTest {

  /**
   * Freireich et al. (1963), 6-MP arm, in weeks (+ censored); Kaplan–Meier table from Kleinbaum
   * and Klein, "Survival Analysis: A Self-Learning Text", chapter 2. Each patient is a deal: an
   * event is a deal lost that many weeks after its creation, a censoring a deal still open that
   * many weeks after its creation at the as-of instant.
   */
  @Test
  void timeToClose_freireich6mpAsDeals_matchesPublishedKaplanMeier() {
    long[] events = {6, 6, 6, 7, 10, 13, 16, 22, 23};
    long[] censored = {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35};
    double asOfDay = 400;
    List<Deal> deals = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      deals.add(Script.open("E" + i, "a", 0).lose(events[i] * 7).deal());
    }
    for (int i = 0; i < censored.length; i++) {
      deals.add(Script.open("C" + i, "a", asOfDay - censored[i] * 7).deal());
    }
    MetricsReport report = PipelineMetrics.of(Script.SIMPLE).calculate(deals, MetricsQuery.asOf(Script.day(asOfDay)));

    double[] weeks = {6, 7, 10, 13, 16, 22, 23};
    double[] survival = {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482};
    assertThat(report.timeToClose().steps()).hasSize(weeks.length);
    for (int i = 0; i < weeks.length; i++) {
      assertThat(report.timeToClose().survivalAt(weeks[i] * 7).get()).isCloseTo(survival[i], within(0.00005));
    }
    assertThat(report.kmMedianDaysToClose().get()).isCloseTo(23 * 7, within(1e-9));
  }

  /**
   * Grinstead and Snell, "Introduction to Probability", Example 11.13: the drunkard's walk on
   * 0..4 with p = 1/2 has B = [[3/4, 1/4], [1/2, 1/2], [1/4, 3/4]]. States 1, 2, 3 are open stages,
   * 4 is won and 0 lost; two deals walk it so that every step is observed once each way.
   */
  @Test
  void winProbability_drunkardsWalkAsDeals_matchesGrinsteadAndSnell() {
    Pipeline walk = Pipeline.builder("walk", "Walk")
        .openStage(Stage.open("s1", "1")).openStage(Stage.open("s2", "2")).openStage(Stage.open("s3", "3"))
        .wonStage(Stage.won("s4", "4")).lostStage(Stage.lost("s0", "0")).build();
    List<Deal> deals = List.of(
        Script.open(walk, NewDeal.of("up").withStage("s1"), 0).move("s2", 1).move("s3", 2).win(3).deal(),
        Script.open(walk, NewDeal.of("down").withStage("s3"), 0).move("s2", 1).move("s1", 2).lose(3).deal());
    Transitions t = PipelineMetrics.of(walk).calculate(deals, MetricsQuery.asOf(Script.day(10))).transitions();
    assertThat(t.winProbability("s1").get()).isCloseTo(0.25, within(1e-12));
    assertThat(t.winProbability("s2").get()).isCloseTo(0.5, within(1e-12));
    assertThat(t.winProbability("s3").get()).isCloseTo(0.75, within(1e-12));
    assertThat(t.lossProbability("s1").get()).isCloseTo(0.75, within(1e-12));
  }

  /** Newcombe (1998), Table II, method 3: 81/263 → [0.2553, 0.3662] and 15/148 → [0.0624, 0.1605]. */
  @Test
  void rate_newcombeExamples_matchesPublishedIntervals() {
    Rate a = Rate.of(81, 263);
    assertThat(a.lower()).isCloseTo(0.2553, within(0.00005));
    assertThat(a.upper()).isCloseTo(0.3662, within(0.00005));
    Rate b = Rate.of(15, 148);
    assertThat(b.lower()).isCloseTo(0.0624, within(0.00005));
    assertThat(b.upper()).isCloseTo(0.1605, within(0.00005));
  }
}
