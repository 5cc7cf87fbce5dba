package org.salespipeline.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Deal;
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
}
