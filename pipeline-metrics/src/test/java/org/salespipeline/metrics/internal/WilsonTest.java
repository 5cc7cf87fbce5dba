package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference values: R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 17 (1998) 857–872, Table II, method 3
 * (Wilson score interval without continuity correction), given to four decimals.
 */
class WilsonTest {

  @ParameterizedTest(name = "{0}/{1} -> [{2}, {3}]")
  @CsvSource({
      "81, 263, 0.2553, 0.3662",
      "15, 148, 0.0624, 0.1605",
      "0, 20, 0.0000, 0.1611",
      "1, 29, 0.0061, 0.1718",
  })
  void interval95_newcombeTable2_matchesToFourDecimals(int successes, int trials, double lower, double upper) {
    double[] interval = Wilson.interval95((double) successes / trials, trials);
    assertThat(interval[0]).isCloseTo(lower, within(0.00005));
    assertThat(interval[1]).isCloseTo(upper, within(0.00005));
  }
}
