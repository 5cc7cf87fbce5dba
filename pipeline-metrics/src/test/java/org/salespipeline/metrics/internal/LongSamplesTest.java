package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

  @Test
  void sorted_thenAddedAndMerged_earlierArrayIsUnchanged() {
    LongSamples a = new LongSamples();
    a.add(5);
    a.add(3);
    long[] before = a.sorted();
    LongSamples b = new LongSamples();
    b.add(1);

    a.add(4);
    a.mergeSorted(b);

    assertThat(before).containsExactly(3, 5);
    assertThat(a.sorted()).containsExactly(1, 3, 4, 5);
    assertThat(a.sum()).isEqualTo(13);
  }

  @Test
  void mergeSorted_tenThousandSamplesOneByOne_holdsEveryValueSorted() {
    LongSamples all = new LongSamples();
    for (int i = 0; i < 10_000; i++) {
      LongSamples one = new LongSamples();
      one.add(10_000 - i);
      all.mergeSorted(one);
    }
    assertThat(all.size()).isEqualTo(10_000);
    assertThat(all.sorted()).startsWith(1L, 2L).endsWith(10_000L).isSorted();
  }

  @Test
  void mergeSorted_itself_isRefused() {
    LongSamples a = new LongSamples();
    a.add(1);
    assertThatIllegalArgumentException().isThrownBy(() -> a.mergeSorted(a))
        .withMessageContaining("other");
  }

  @Test
  void add_sumOverflows_throwsAndKeepsTheSample() {
    LongSamples a = new LongSamples();
    a.add(Long.MAX_VALUE);
    assertThatThrownBy(() -> a.add(1)).isInstanceOf(ArithmeticException.class);
    assertThat(a.size()).isEqualTo(1);
    assertThat(a.sorted()).containsExactly(Long.MAX_VALUE);
  }
}
