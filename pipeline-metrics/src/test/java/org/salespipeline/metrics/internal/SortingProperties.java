package org.salespipeline.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The radix sort and the samples built on it give exactly what {@link Arrays#sort(long[])} gives,
 * whatever the values (negative, extreme, repeated), the lengths (on both sides of the
 * comparison-sort threshold) and the way a sample was split and merged. The lengths reach empty
 * and single-value arrays, both sides of {@link RadixSort#SMALL} and the largest length.
 */
class SortingProperties {

  private static Gen<Integer> lengths(int min, int max) {
    return withEdges(integers().between(min, max), 15, min, min + 1, RadixSort.SMALL - 1, RadixSort.SMALL,
        RadixSort.SMALL + 1, max);
  }

  /** Values of one of several shapes: durations, any long, few distinct values, extremes. */
  private static long[] values(long seed, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    int shape = random.nextInt(5);
    long[] values = new long[length];
    for (int i = 0; i < length; i++) {
      values[i] = switch (shape) {
        case 0 -> random.nextLong(400L * 86_400_000L);
        case 1 -> random.nextLong();
        case 2 -> random.nextInt(4) - 2L;
        case 3 -> random.nextBoolean() ? Long.MIN_VALUE + random.nextInt(3) : Long.MAX_VALUE - random.nextInt(3);
        default -> i * 1000L - random.nextInt(2000); // nearly sorted
      };
    }
    return values;
  }

  @Test
  void radixSort_anyValues_sortsAsArraysSort() {
    qt(0x50A7_0001L, 60).forAll(longs().all(), lengths(0, 5000)).checkAssert(SortingProperties::radixSort);
  }

  private static void radixSort(long seed, int length) {
    long[] values = values(seed, length);
    long[] expected = values.clone();
    Arrays.sort(expected);

    long[] sorted = RadixSort.sort(values.clone());

    assertThat(sorted).containsExactly(expected);
  }

  @Test
  void order_anyKeys_isTheStableSortOfTheIndexes() {
    qt(0x50A7_0002L, 60).forAll(longs().all(), lengths(0, 5000)).checkAssert(SortingProperties::order);
  }

  private static void order(long seed, int length) {
    long[] keys = values(seed, length);
    long[] before = keys.clone();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      expected.add(i);
    }
    expected.sort(Comparator.comparingLong(i -> keys[i])); // List.sort is stable

    int[] order = RadixSort.order(keys);

    assertThat(order).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    assertThat(keys).as("keys left unchanged").containsExactly(before);
  }

  @Test
  void radixSort_sortedOrConstantInput_isReturnedAsIs() {
    // eleven values: every one of them, not a sample
    for (long constant = -5; constant <= 5; constant++) {
      sortedOrConstant(constant);
    }
  }

  private static void sortedOrConstant(long constant) {
    long[] same = new long[3 * RadixSort.SMALL];
    Arrays.fill(same, constant);
    long[] ascending = new long[3 * RadixSort.SMALL];
    for (int i = 0; i < ascending.length; i++) {
      ascending[i] = constant + i;
    }
    assertThat(RadixSort.sort(same)).isSameAs(same).containsOnly(constant);
    assertThat(RadixSort.sort(ascending)).isSameAs(ascending);
  }

  @Test
  void samples_splitAndMergedInAnyOrder_holdEveryValueSortedWithTheExactSum() {
    qt(0x50A7_0003L, 40).forAll(longs().all(), lengths(0, 6000), withEdges(integers().between(1, 40), 10, 1, 2, 40))
        .checkAssert(SortingProperties::samples);
  }

  private static void samples(long seed, int length, int parts) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] values = new long[length];
    for (int i = 0; i < length; i++) {
      values[i] = random.nextLong(-1_000_000_000L, 1_000_000_000L);
    }
    List<LongSamples> samples = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      samples.add(new LongSamples());
    }
    for (long v : values) {
      samples.get(random.nextInt(parts)).add(v);
    }
    while (samples.size() > 1) { // merge random pairs, as a parallel stream or a host would
      LongSamples into = samples.remove(random.nextInt(samples.size()));
      LongSamples from = samples.remove(random.nextInt(samples.size()));
      if (random.nextBoolean()) {
        into.sorted(); // sorting before merging must not change the outcome
      }
      into.mergeSorted(from);
      samples.add(into);
    }
    long[] expected = values.clone();
    Arrays.sort(expected);

    LongSamples all = samples.get(0);

    assertThat(all.size()).isEqualTo(length);
    assertThat(all.sum()).isEqualTo(Arrays.stream(values).sum());
    assertThat(all.sorted()).containsExactly(expected);
  }

  @Test
  void select_anyRunsAndRank_isTheValueAtThatRankOfTheMergedRuns() {
    qt(0x50A7_0004L, 60).forAll(longs().all(), lengths(1, 3000), withEdges(integers().between(1, 9), 10, 1, 9))
        .checkAssert(SortingProperties::select);
  }

  private static void select(long seed, int length, int runs) {
    long[] values = values(seed, length);
    SplittableRandom random = new SplittableRandom(seed + 1);
    List<List<Long>> parts = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      parts.add(new ArrayList<>());
    }
    for (long v : values) {
      parts.get(random.nextInt(runs)).add(v);
    }
    long[][] sortedRuns = parts.stream().filter(p -> !p.isEmpty())
        .map(p -> p.stream().mapToLong(Long::longValue).sorted().toArray()).toArray(long[][]::new);
    long[] merged = values.clone();
    Arrays.sort(merged);

    assertThat(LongSamples.merged(sortedRuns)).containsExactly(merged);
    for (int rank : new int[] {0, length / 3, length / 2, length - 1, random.nextInt(length)}) {
      assertThat(LongSamples.select(sortedRuns, rank)).isEqualTo(merged[rank]);
    }
    for (double p : new double[] {0, 0.1, 0.5, 0.9, 0.999, 1}) {
      assertThat(Double.doubleToRawLongBits(LongSamples.percentile(sortedRuns, length, p)))
          .as("the same double, bit for bit, as from the merged array")
          .isEqualTo(Double.doubleToRawLongBits(LongSamples.percentile(merged, p)));
    }
  }

  @Test
  void keepingRuns_mergedSamples_keepTheirRunsAndEveryValue() {
    qt(0x50A7_0005L, 20).forAll(longs().all(), withEdges(integers().between(2, 8), 15, 2, 8))
        .checkAssert(SortingProperties::keepingRuns);
  }

  private static void keepingRuns(long seed, int parts) {
    SplittableRandom random = new SplittableRandom(seed);
    LongSamples all = LongSamples.keepingRuns();
    List<Long> expected = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      LongSamples part = LongSamples.keepingRuns();
      for (int i = 0; i < 2000; i++) {
        long v = random.nextLong(1L << 40);
        part.add(v);
        expected.add(v);
      }
      all.mergeSorted(part);
    }
    expected.sort(null);

    assertThat(all.runs().length).as("up to eight runs are pooled, not merged").isEqualTo(parts);
    assertThat(all.sum()).isEqualTo(expected.stream().mapToLong(Long::longValue).sum());
    assertThat(all.sorted()).containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
  }
}
