package org.salespipeline.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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
}
