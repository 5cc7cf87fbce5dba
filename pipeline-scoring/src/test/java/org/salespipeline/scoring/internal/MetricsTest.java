package org.salespipeline.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.salespipeline.scoring.CalibrationBin;

/** Reference values from scikit-learn's documentation of roc_auc_score, brier_score_loss and log_loss. */
class MetricsTest {

  @Test
  void rocAuc_scikitLearnExample_is075() {
    // sklearn.metrics.roc_auc_score: y_true = [0, 0, 1, 1], y_scores = [0.1, 0.4, 0.35, 0.8] -> 0.75
    assertThat(Metrics.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}).get())
        .isCloseTo(0.75, within(1e-12));
  }

  @Test
  void rocAuc_ties_countHalf() {
    // Mann-Whitney: every (won, lost) pair tied -> 0.5; one pair ordered, one tied -> 0.75
    assertThat(Metrics.rocAuc(new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, true}).get()).isEqualTo(0.5);
    assertThat(Metrics.rocAuc(new double[] {0.2, 0.5, 0.5}, new boolean[] {false, false, true}).get())
        .isCloseTo(0.75, within(1e-12));
  }

  @Test
  void rocAuc_oneClass_isUndefined() {
    assertThat(Metrics.rocAuc(new double[] {0.2, 0.9}, new boolean[] {true, true})).isEmpty();
  }

  @Test
  void brier_scikitLearnExample() {
    // sklearn.metrics.brier_score_loss: y_true = [0, 1, 1, 0], y_prob = [0.1, 0.9, 0.8, 0.3] -> 0.0375
    assertThat(Metrics.brier(new double[] {0.1, 0.9, 0.8, 0.3}, new boolean[] {false, true, true, false}).get())
        .isCloseTo(0.0375, within(1e-12));
  }

  @Test
  void logLoss_scikitLearnExample() {
    // sklearn.metrics.log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]])
    // -> 0.21616..., with "spam" the positive class
    assertThat(Metrics.logLoss(new double[] {0.9, 0.1, 0.2, 0.65}, new boolean[] {true, false, false, true}).get())
        .isCloseTo(0.21616187468057912, within(1e-12));
  }

  @Test
  void logLoss_certainAndWrong_isFiniteThanksToClipping() {
    assertThat(Metrics.logLoss(new double[] {0.0}, new boolean[] {true}).get()).isCloseTo(34.538776, within(1e-5));
  }

  @Test
  void calibration_putsOneInTheLastBin() {
    assertThat(Metrics.calibration(new double[] {1.0, 0.05}, new boolean[] {true, false}, 10))
        .satisfies(bins -> {
          assertThat(bins.get(9).count()).isEqualTo(1);
          assertThat(bins.get(0).observedWinRate()).contains(0.0);
          assertThat(bins.get(5).meanPredicted()).isEmpty();
        });
  }

  @Test
  void emptyData_hasNoFigures() {
    assertThat(Metrics.brier(new double[0], new boolean[0])).isEmpty();
    assertThat(Metrics.logLoss(new double[0], new boolean[0])).isEmpty();
  }

  @Test
  void calibration_handCountedTable_givesEveryBinsBoundsCountsMeansAndRates() {
    // p = 0.05 | 0.15, 0.12 | 0.5 | 0.95, 1.0 in bins of a tenth: floor(10 p), 1.0 in the last bin
    List<CalibrationBin> bins = Metrics.calibration(new double[] {0.05, 0.15, 0.12, 0.5, 0.95, 1.0},
        new boolean[] {false, true, false, false, true, true}, 10);

    assertThat(bins).hasSize(10);
    for (int b = 0; b < 10; b++) {
      assertThat(bins.get(b).lower()).as("lower bound of bin %d", b).isEqualTo(b / 10.0);
      assertThat(bins.get(b).upper()).as("upper bound of bin %d", b).isEqualTo((b + 1) / 10.0);
    }
    assertBin(bins.get(0), 1, 0, 0.05, 0.0);
    assertBin(bins.get(1), 2, 1, (0.15 + 0.12) / 2, 0.5);
    assertBin(bins.get(5), 1, 0, 0.5, 0.0);
    assertBin(bins.get(9), 2, 2, (0.95 + 1.0) / 2, 1.0);
    for (int b : new int[] {2, 3, 4, 6, 7, 8}) {
      assertThat(bins.get(b).count()).isZero();
      assertThat(bins.get(b).meanPredicted()).isEmpty();
      assertThat(bins.get(b).observedWinRate()).isEmpty();
    }
  }

  @Test
  void calibration_inQuarters_boundsAreQuarters_andThreeOfFourWonIsThreeQuarters() {
    List<CalibrationBin> bins = Metrics.calibration(new double[] {0.3, 0.4, 0.45, 0.3},
        new boolean[] {true, true, false, true}, 4);

    assertThat(bins).extracting(CalibrationBin::lower).containsExactly(0.0, 0.25, 0.5, 0.75);
    assertThat(bins).extracting(CalibrationBin::upper).containsExactly(0.25, 0.5, 0.75, 1.0);
    assertBin(bins.get(1), 4, 3, (0.3 + 0.4 + 0.45 + 0.3) / 4, 0.75);
  }

  private static void assertBin(CalibrationBin bin, int count, int won, double meanPredicted, double observed) {
    assertThat(bin.count()).isEqualTo(count);
    assertThat(bin.won()).isEqualTo(won);
    assertThat(bin.meanPredicted().get()).isCloseTo(meanPredicted, within(1e-12));
    assertThat(bin.observedWinRate().get()).isCloseTo(observed, within(1e-12));
  }
}
