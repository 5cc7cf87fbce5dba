package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values: Hyndman and Fan (1996) type 7, the default of R's {@code quantile} and
 * NumPy's {@code percentile}: for 15, 20, 35, 40, 50 the 40th percentile is 29 (the worked example
 * of the "C = 1" variant in Wikipedia's "Percentile" article); for 1, 2, 3, 4 NumPy gives 3.7 for
 * the 90th percentile and 2.5 for the median.
 */
class LongSamplesTest {

  @Test
  void percentile_type7_matchesNumpy() {
    long[] x = {1, 2, 3, 4};
    assertThat(LongSamples.percentile(x, 0.9)).isCloseTo(3.7, within(1e-12));
    assertThat(LongSamples.percentile(x, 0.5)).isCloseTo(2.5, within(1e-12));
    assertThat(LongSamples.percentile(new long[] {15, 20, 35, 40, 50}, 0.4)).isCloseTo(29.0, within(1e-12));
    assertThat(LongSamples.percentile(x, 1.0)).isEqualTo(4.0);
    assertThat(LongSamples.percentile(x, 0.0)).isEqualTo(1.0);
  }

  @Test
  void mergeSorted_twoSamples_keepsEveryValueSortedAndTheExactSum() {
    LongSamples a = new LongSamples();
    LongSamples b = new LongSamples();
    for (int i = 0; i < 100; i++) {
      a.add(i);
      b.add(1000 + i);
    }
    a.mergeSorted(b);
    assertThat(a.size()).isEqualTo(200);
    assertThat(a.sum()).isEqualTo(4950 + 100 * 1000 + 4950);
    assertThat(a.sorted()).startsWith(0L, 1L).endsWith(1099L);
  }
}
