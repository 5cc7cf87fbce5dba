package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.NewDeal;

/** What the scoring values print: every figure, its sign and unit, long text cut to its column. */
class PrintedTextTest {

  private static final String NL = System.lineSeparator();

  @Test
  void factor_printsSignedPointsNameValueAndNote() {
    assertThat(new Factor("stage", "New", 0.125, "stage default")).hasToString("+12.50 pts stage = New (stage default)");
    assertThat(new Factor("clamp", "", -0.0312, "")).hasToString("-3.12 pts clamp");
    assertThat(new Factor("team", "EMEA", 0.0, "its own table")).hasToString("+0.00 pts team = EMEA (its own table)");
    assertThat(new Factor("budget", "YES", -0.0, "")).hasToString("+0.00 pts budget = YES");
  }

  @Test
  void score_printsProbabilityAndBaselineInPercent_thenEachFactorLargestFirst() {
    Score score = new Score(0.4, 0.25, List.of(new Factor("stage", "Qualified", 0.05, ""),
        new Factor("source", "web", 0.1, "won 3.1 of 9.3")));

    assertThat(score).hasToString("40.00 % (baseline 25.00 %)" + NL
        + "  +10.00 pts source = web (won 3.1 of 9.3)" + NL
        + "  +5.00 pts stage = Qualified");
  }

  @Test
  void ranking_printsARowPerDeal_cuttingLongTextToItsColumn() {
    Deal longNames = Fixtures.PIPELINE.open(NewDeal.of("D-1234567890AB").withTitle("A title of exactly 24 ch")
        .withStage("qualified").withAmount(Money.parse("1000", "EUR")), Fixtures.T0).get().deal();
    Deal fitting = Fixtures.PIPELINE.open(NewDeal.of("D-123456789A").withTitle("A title of twenty-five ch")
        .withStage("new"), Fixtures.T0).get().deal();
    Ranking ranking = new Ranking(List.of(new RankedDeal(1, longNames, 0.4, Option.some(Money.parse("400", "EUR")), 1.5,
        600), new RankedDeal(2, fitting, 0.125, Option.none(), 1.0, 0.125)), List.of(), 2, 1, List.of("a note"));

    assertThat(ranking.toString()).isEqualTo(
        "rank  deal         title                    stage            prob     expected value urgency" + NL
        + "   1  D-123456789… A title of exactly 24 ch qualified       40.0%         400.00 EUR    1.50" + NL
        + "   2  D-123456789A A title of twenty-five … new             12.5%        (no amount)    1.00" + NL
        + "note: a note" + NL);
  }

  @Test
  void scorersAndRules_nameThemselves() {
    assertThat(StageProbabilityScorer.of()).hasToString("StageProbabilityScorer[stage]");
    assertThat(PointsRule.of("big", deal -> true, 10)).hasToString("big -> 10.0 points");
    assertThat(ScoringContext.of(Fixtures.PIPELINE, Fixtures.AS_OF).withHistory(List.of(Fixtures.deal("A", "new"))))
        .hasToString("ScoringContext[pipeline simple, as of 2025-03-01T00:00:00Z, 1 deals of history]");
  }
}
