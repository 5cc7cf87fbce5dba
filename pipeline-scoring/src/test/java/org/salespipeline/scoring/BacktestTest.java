package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.testing.DealGenerator;

class BacktestTest {

  private static final DealGenerator GENERATOR = DealGenerator.standard(11);
  private static final List<Deal> DEALS = GENERATOR.deals(800);
  private static final Instant SPLIT = Instant.parse("2025-07-01T00:00:00Z");

  @Test
  void naiveBayes_onGeneratedDeals_givesEveryFigure() {
    BacktestReport report = Backtest.run(NaiveBayesScorer.of("source", "segment", "product"), GENERATOR.pipeline(),
        DEALS, SPLIT);

    assertThat(report.trainingDeals()).isPositive();
    assertThat(report.testDeals()).isPositive();
    assertThat(report.rocAuc().get()).isBetween(0.0, 1.0);
    assertThat(report.brierScore().get()).isBetween(0.0, 1.0);
    assertThat(report.logLoss().get()).isPositive();
    assertThat(report.calibration()).hasSize(10);
    assertThat(report.calibration().stream().mapToInt(CalibrationBin::count).sum()).isEqualTo(report.testDeals());
    assertThat(report.failures()).isEmpty();
    assertThat(report.toString()).contains("ROC AUC");
  }

  @Test
  void stageScorer_ranksBetterThanChance() {
    BacktestReport report = Backtest.run(StageProbabilityScorer.of(), GENERATOR.pipeline(), DEALS, SPLIT);

    assertThat(report.rocAuc().get()).isGreaterThan(0.5);
  }

  @Test
  void learnerWithNothingToLearnFrom_saysSo_andFailsEveryTestDeal() {
    Instant beforeEverything = Instant.parse("2024-06-01T00:00:00Z");

    BacktestReport report = Backtest.run(HistoricalWinRateScorer.of(), GENERATOR.pipeline(), DEALS, beforeEverything);

    assertThat(report.trainingDeals()).isZero();
    assertThat(report.testDeals()).isZero();
    assertThat(report.rocAuc()).isEmpty();
    assertThat(report.brierScore()).isEmpty();
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("'historical' has nothing to learn from"));
    assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.code()).isEqualTo("NOT_SCORABLE"));
  }

  @Test
  void oneClassTestSet_hasNoAuc_andSaysWhy() {
    List<Deal> history = List.of(Fixtures.won(Fixtures.deal("W1", "new")), Fixtures.won(Fixtures.deal("W2", "qualified")));

    BacktestReport report = Backtest.run(StageProbabilityScorer.of(), Fixtures.PIPELINE, history, Fixtures.T0);

    assertThat(report.testDeals()).isEqualTo(2);
    assertThat(report.rocAuc()).isEmpty();
    assertThat(report.brierScore().get()).isEqualTo(((0.9 * 0.9) + (0.6 * 0.6)) / 2);
    assertThat(report.notes()).contains("ROC AUC is undefined: every one of the 2 test deals was won");
  }

  @Test
  void noDealClosedAfterTheSplit_saysThereIsNothingToTestOn() {
    BacktestReport report = Backtest.run(StageProbabilityScorer.of(), GENERATOR.pipeline(), DEALS,
        Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(report.testDeals()).isZero();
    assertThat(report.logLoss()).isEmpty();
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).endsWith("nothing to test on"));
  }

  /**
   * Four deals opened at T0 and closed at T1, split at T0, scored by their stages' 10 %, 40 % and
   * 70 %: won 0.1 and 0.7, lost 0.7 and 0.4. ROC AUC (Mann-Whitney): of the four (won, lost) pairs
   * 0.7 over 0.4 counts 1, the tie 0.7 and 0.7 one half, the others 0: 1.5 / 4. Brier: (0.81 + 0.49
   * + 0.09 + 0.16) / 4. Log loss: -(ln 0.1 + ln 0.3 + ln 0.7 + ln 0.6) / 4. A fifth deal opened
   * after the split is scored as it was opened; a deal still open, one of another pipeline and
   * one closed at the split are no test deals.
   */
  @Test
  void stageScorer_handScoredDeals_givesTheFiguresByTheirFormulas() {
    Instant opened = Fixtures.T0.plusSeconds(3_600);
    Deal late = Fixtures.PIPELINE.open(NewDeal.of("LATE").withStage("qualified"), opened).get().deal();
    Pipeline otherPipeline = Pipeline.builder("other", "Other").openStage(Stage.open("a", "A").withProbability(0.5))
        .wonStage(Stage.won("won", "Won")).lostStage(Stage.lost("lost", "Lost")).build();
    Deal elsewhere = otherPipeline.win(otherPipeline.open(NewDeal.of("ELSEWHERE"), Fixtures.T0).get().deal(),
        Fixtures.T1).get().deal();
    Deal closedAtSplit = Fixtures.PIPELINE.win(Fixtures.deal("AT-SPLIT", "new"), Fixtures.T0).get().deal();
    List<Deal> deals = List.of(Fixtures.won(Fixtures.deal("W1", "new")), Fixtures.lost(Fixtures.deal("L1", "proposition")),
        Fixtures.won(Fixtures.deal("W2", "proposition")), Fixtures.lost(Fixtures.deal("L2", "qualified")),
        Fixtures.deal("OPEN", "qualified"), elsewhere, closedAtSplit, Fixtures.PIPELINE.win(late, Fixtures.T1).get().deal());

    BacktestReport report = Backtest.run(StageProbabilityScorer.of(), Fixtures.PIPELINE, deals, Fixtures.T0);

    assertThat(report.trainingDeals()).isEqualTo(1);
    assertThat(report.testDeals()).isEqualTo(5);
    assertThat(report.won()).isEqualTo(3);
    assertThat(report.lost()).isEqualTo(2);
    // with LATE (won at 0.4): pairs over L1 0.7 and L2 0.4: W1 0 + 0, W2 0.5 + 1, LATE 0 + 0.5
    assertThat(report.rocAuc().get()).isCloseTo(2.0 / 6, within(1e-12));
    assertThat(report.brierScore().get()).isCloseTo((0.81 + 0.49 + 0.09 + 0.16 + 0.36) / 5, within(1e-12));
    assertThat(report.logLoss().get()).isCloseTo(
        -(Math.log(0.1) + Math.log(0.3) + Math.log(0.7) + Math.log(0.6) + Math.log(0.4)) / 5, within(1e-12));
    assertThat(report.calibration()).extracting(CalibrationBin::count).containsExactly(0, 1, 0, 0, 2, 0, 0, 2, 0, 0);
    assertThat(report.notes()).isEmpty();

    BacktestReport atTheClose = Backtest.run(StageProbabilityScorer.of(), Fixtures.PIPELINE, deals, Fixtures.T1);
    assertThat(atTheClose.trainingDeals()).isEqualTo(6);
    assertThat(atTheClose.testDeals()).isZero();
  }

  @Test
  void oneClassTestSet_allLost_saysLost() {
    List<Deal> history = List.of(Fixtures.lost(Fixtures.deal("L1", "new")));

    BacktestReport report = Backtest.run(StageProbabilityScorer.of(), Fixtures.PIPELINE, history, Fixtures.T0);

    assertThat(report.notes()).containsExactly("ROC AUC is undefined: every one of the 1 test deals was lost");
    assertThat(report.brierScore().get()).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void scorerFailingOnEveryDeal_isNotedOnce_withTheFirstFailure() {
    Scorer throwing = new Scorer() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public Score score(Deal deal, ScoringContext context) {
        throw new IllegalStateException("no score for " + deal.id());
      }
    };
    List<Deal> one = List.of(Fixtures.won(Fixtures.deal("W1", "new")));
    List<Deal> two = List.of(Fixtures.won(Fixtures.deal("W1", "new")), Fixtures.lost(Fixtures.deal("L1", "new")));

    BacktestReport single = Backtest.run(throwing, Fixtures.PIPELINE, one, Fixtures.T0);
    BacktestReport both = Backtest.run(throwing, Fixtures.PIPELINE, two, Fixtures.T0);

    assertThat(single.notes()).contains("1 test deals could not be scored: " + single.failures().get(0).message());
    assertThat(both.notes()).contains("2 test deals could not be scored: " + both.failures().get(0).message()
        + " (and others)");
    assertThat(both.failures()).extracting(ScoringFailure::dealId).containsExactly("W1", "L1");
  }

  @Test
  void toString_printsEveryFigureAndTheCalibrationTable() {
    List<CalibrationBin> bins = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      bins.add(new CalibrationBin(b / 10.0, (b + 1) / 10.0, 0, 0, Option.none(), Option.none()));
    }
    bins.set(1, new CalibrationBin(0.1, 0.2, 2, 1, Option.some(0.125), Option.some(0.5)));
    ScoringFailure failure = new ScoringFailure.NotScorable("stage", "D-9", "no stage");
    BacktestReport report = new BacktestReport("stage", Fixtures.T0, 7, 3, 1, Option.some(0.75), Option.some(0.1875),
        Option.none(), bins, List.of(failure), List.of("a note"));

    String n = System.lineSeparator();
    assertThat(report.toString()).isEqualTo("Backtest of 'stage' split at 2025-01-01T00:00:00Z" + n
        + "learned from 7 closed deals; tested on 3 (1 won, 2 lost)" + n
        + "ROC AUC     0.7500" + n
        + "Brier score 0.1875" + n
        + "log loss    -" + n
        + "predicted    deals    won  mean pred  observed" + n
        + "  0- 10 %        0      0          -         -" + n
        + " 10- 20 %        2      1     0.1250    0.5000" + n
        + " 20- 30 %        0      0          -         -" + n
        + " 30- 40 %        0      0          -         -" + n
        + " 40- 50 %        0      0          -         -" + n
        + " 50- 60 %        0      0          -         -" + n
        + " 60- 70 %        0      0          -         -" + n
        + " 70- 80 %        0      0          -         -" + n
        + " 80- 90 %        0      0          -         -" + n
        + " 90-100 %        0      0          -         -" + n
        + "1 test deals could not be scored" + n
        + "note: a note" + n);
    assertThat(report.lost()).isEqualTo(2);
  }
}
