package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RadixSort} on both sides of its comparison-sort threshold and {@link LongSamples}' runs,
 * merges and type-7 percentiles on small hand-computed arrays: negative values, duplicates, the
 * sign bit of the top radix digit.
 */
class SortingExamplesTest {

  @Test
  void sort_emptyAndSmall_sortsLikeArraysSort() {
    assertThat(RadixSort.sort(new long[0])).isEmpty();
    assertThat(RadixSort.sort(new long[] {3, -1, Long.MIN_VALUE, 3, Long.MAX_VALUE, 0}))
        .containsExactly(Long.MIN_VALUE, -1, 0, 3, 3, Long.MAX_VALUE);
  }

  @Test
  void sort_descendingBeyondTheThreshold_isReversed() {
    int n = RadixSort.SMALL + 1;
    long[] descending = new long[n];
    for (int i = 0; i < n; i++) {
      descending[i] = 1_000L * (n - i);
    }
    long[] sorted = RadixSort.sort(descending.clone());
    for (int i = 0; i < n; i++) {
      assertThat(sorted[i]).isEqualTo(1_000L * (i + 1));
    }
  }

  @Test
  void sort_mixedSignsBeyondTheThreshold_negativesFirst() {
    Random random = new Random(5);
    long[] values = new long[3 * RadixSort.SMALL];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (i % 4) {
        case 0 -> -1L - random.nextInt(1000);
        case 1 -> random.nextLong();
        case 2 -> Long.MIN_VALUE + random.nextInt(10);
        default -> random.nextInt(1000);
      };
    }
    long[] expected = values.clone();
    Arrays.sort(expected);
    assertThat(RadixSort.sort(values)).isEqualTo(expected);
  }

  @Test
  void sort_alreadySortedWithDuplicatesBeyondTheThreshold_isUnchanged() {
    long[] values = new long[RadixSort.SMALL * 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = i / 3 - 500;
    }
    assertThat(RadixSort.sort(values.clone())).isEqualTo(values);
  }

  @Test
  void order_equalKeysBeyondTheThreshold_keepIndexOrder() {
    int n = RadixSort.SMALL + 6;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = i % 2 == 0 ? 7 : -7; // odd indexes first, each half in index order
    }
    int[] order = RadixSort.order(keys);
    for (int j = 0; j < n / 2; j++) {
      assertThat(order[j]).isEqualTo(2 * j + 1);
      assertThat(order[n / 2 + j]).isEqualTo(2 * j);
    }
    assertThat(keys[0]).as("keys left unchanged").isEqualTo(7);
  }

  @Test
  void merged_noRunsOneRunOrSeveral() {
    assertThat(LongSamples.merged(new long[0][])).isNotNull().isEmpty();
    long[] one = {-2, 5};
    assertThat(LongSamples.merged(new long[][] {one})).isSameAs(one);
    assertThat(LongSamples.merged(new long[][] {{-3, 1, 1}, {-5, 1, 9}, {0}}))
        .containsExactly(-5, -3, 0, 1, 1, 1, 9);
  }

  @Test
  void keepingRuns_keepsEightRunsThenMergesRunsNoMoreThanTwiceAsLong() {
    LongSamples sample = LongSamples.keepingRuns();
    for (int i = 0; i < 8; i++) {
      LongSamples one = new LongSamples();
      one.add(8 - i);
      sample.mergeSorted(one);
    }
    assertThat(sample.runs()).hasNumberOfRows(8);
    assertThat(LongSamples.select(sample.runs(), 0)).isEqualTo(1);
    assertThat(LongSamples.select(sample.runs(), 7)).isEqualTo(8);

    LongSamples ninth = new LongSamples();
    ninth.add(0);
    sample.mergeSorted(ninth);
    // nine runs of one: each next-to-last run is at most twice the last, so all merge into one
    assertThat(sample.runs()).hasNumberOfRows(1);
    assertThat(sample.runs()[0]).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(sample.sum()).isEqualTo(36);
  }

  @Test
  void defaultSample_mergesEveryRun() {
    LongSamples sample = new LongSamples();
    sample.add(5);
    sample.add(-3);
    LongSamples other = new LongSamples();
    other.add(4);
    other.add(-3);
    sample.mergeSorted(other);
    assertThat(sample.runs()).hasNumberOfRows(1);
    assertThat(sample.runs()[0]).containsExactly(-3, -3, 4, 5);
    assertThat(sample.sum()).isEqualTo(3);
  }

  @Test
  void add_manyValues_acrossChunks_keepsEveryOne() {
    LongSamples sample = new LongSamples(false);
    for (int i = 20_000; i > 0; i--) {
      sample.add(i % 7 == 0 ? -i : i);
    }
    long[] sorted = sample.sorted();
    assertThat(sorted).hasSize(20_000);
    assertThat(sorted[0]).isEqualTo(-19_999); // the largest multiple of 7 below 20,000 is 19,999
    assertThat(sorted[19_999]).isEqualTo(20_000);
    assertThat(sorted).isSorted();
  }

  /** Type 7: h = (n − 1)p, the value at floor(h) plus the fraction of the way to the next. */
  @Test
  void percentile_type7_negativesAndDuplicates() {
    long[] x = {-5, -5, 0, 10};
    assertThat(LongSamples.percentile(x, 0.5)).isEqualTo(-2.5); // h = 1.5: -5 + 0.5 × 5
    assertThat(LongSamples.percentile(x, 0.9)).isCloseTo(7.0, within(1e-12)); // h = 2.7: 0 + 0.7 × 10
    assertThat(LongSamples.percentile(x, 0.25)).isEqualTo(-5.0); // h = 0.75, between two -5
    assertThat(LongSamples.percentile(x, 1.0)).isEqualTo(10.0);
    assertThat(LongSamples.percentile(new long[] {42}, 0.9)).isEqualTo(42.0);
    assertThat(LongSamples.percentile(new long[][] {{-5, 0}, {-5, 10}}, 4, 0.5)).isEqualTo(-2.5);
    assertThat(LongSamples.percentile(new long[][] {{-5, 0}, {-5, 10}}, 4, 0.9)).isCloseTo(7.0, within(1e-12));
  }
}
