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

  @Test
  void timing_noRuns_isRejected() {
    assertThatThrownBy(() -> new Timing(0, 0)).hasMessage("runs must be at least 1 but was 0");
  }
}
