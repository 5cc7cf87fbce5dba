package org.salespipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AgreementTest {

  private static String printed(Agreement agreement) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    agreement.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void print_equalFigures_isAgree() {
    Agreement agreement = new Agreement("metrics")
        .compare("won", "duckdb", 12L, 12L)
        .compare("mean-cycle-days", "duckdb", 41.25, 41.25 + 1e-12, 1e-9);

    assertThat(agreement.agrees()).isTrue();
    assertThat(printed(agreement)).isEqualTo("AGREE metrics" + System.lineSeparator());
  }

  @Test
  void print_differentFigure_isDisagreeWithBothValues() {
    Agreement agreement = new Agreement("metrics")
        .compare("won", "duckdb", 12L, 12L)
        .compare("lost", "streams", 7L, 8L);

    assertThat(agreement.agrees()).isFalse();
    assertThat(printed(agreement).lines()).containsExactly("DISAGREE metrics", "DISAGREE metrics lost ours=7 streams=8");
  }

  @Test
  void compare_numbersBeyondTolerance_disagree() {
    Agreement agreement = new Agreement("metrics").compare("p90", "duckdb", 100.0, 100.5, 1e-3);

    assertThat(agreement.agrees()).isFalse();
  }

  @Test
  void compare_nanAgainstNumber_disagrees() {
    assertThat(new Agreement("metrics").compare("mean", "duckdb", Double.NaN, 1.0, 1e-3).agrees()).isFalse();
  }

  @Test
  void print_manyDifferences_showsTheFirstTwentyAndCountsTheRest() {
    Agreement agreement = new Agreement("transitions");
    for (int i = 0; i < 25; i++) {
      agreement.compare("final-state D-" + i, "stateless4j", "WON", "LOST");
    }

    assertThat(printed(agreement).lines())
        .hasSize(1 + Agreement.SHOWN + 1)
        .endsWith("DISAGREE transitions and 5 more differences");
  }

  @Test
  void comparison_line_isTheContractFormat() {
    assertThat(new Comparison("transitions", "spring-statemachine", 2.0, 50.0).line())
        .isEqualTo("COMPARE transitions ours=2.000 spring-statemachine=50.000 speedup=25.00");
  }

  @Test
  void comparison_zeroTime_isRejected() {
    assertThatThrownBy(() -> new Comparison("metrics", "duckdb", 0.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("times must be positive");
  }

  @Test
  void timing_median_returnsTheTaskResultAfterWarmupsAndRuns() {
    int[] calls = {0};
    Timing.Measured<Integer> measured = new Timing(2, 3).median(() -> ++calls[0]);

    assertThat(calls[0]).isEqualTo(5);
    assertThat(measured.result()).isEqualTo(5);
    assertThat(measured.medianMillis()).isNotNegative();
  }

  /** Where the timed pass below leaves its megabyte, so that it is made and becomes garbage. */
  private static volatile byte[] garbage;

  @Test
  void timing_medianPerPass_repeatsThePassUntilEachRunIsLongEnoughAndHeldACollection() {
    int[] calls = {0};
    Timing.PerPass<Integer> measured = new Timing(1, 3).medianPerPass(() -> {
      long start = System.nanoTime();
      while (System.nanoTime() - start < 100_000L) {
        Thread.onSpinWait(); // a pass of at least 0.1 ms
      }
      garbage = new byte[1 << 20];
      return ++calls[0];
    }, 2_000_000L, 60_000_000_000L);

    assertThat(measured.passes()).isGreaterThanOrEqualTo(3);
    assertThat(calls[0]).isGreaterThan((int) measured.passes()); // the warm-up run's passes are not counted
    assertThat(measured.result()).isEqualTo(calls[0]);
    assertThat(measured.medianMillis()).isGreaterThanOrEqualTo(0.1);
    assertThat(measured.collections()).isGreaterThanOrEqualTo(3); // the System.gc() before a run does not count
  }

  @Test
  void timing_medianPerPass_noMinimumRun_isRejected() {
    assertThatThrownBy(() -> new Timing(0, 1).medianPerPass(() -> 1, 0, 1))
        .hasMessage("minRunNanos must be positive but was 0");
    assertThatThrownBy(() -> new Timing(0, 1).medianPerPass(() -> 1, 2, 1))
        .hasMessage("maxRunNanos must be at least minRunNanos (2) but was 1");
  }

  @Test
  void timing_noRuns_isRejected() {
    assertThatThrownBy(() -> new Timing(0, 0)).hasMessage("runs must be at least 1 but was 0");
  }
}
