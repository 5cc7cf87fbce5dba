package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.salespipeline.metrics.internal.LongSamples;

/**
 * A summary is of its durations, however they were split into partial results and merged. The
 * counts reach a single duration and the largest count; the parts one part (no merge) and twenty.
 */
class DurationSummaryProperties {

  @Test
  void summary_anySplitIntoPartialResults_equalsTheWholeFigureForFigure() {
    qt(0x5DA7_0001L, 40).forAll(longs().all(), withEdges(integers().between(1, 4000), 10, 1, 2, 4000),
        withEdges(integers().between(1, 20), 10, 1, 20)).checkAssert(this::summary);
  }

  private void summary(long seed, int count, int parts) {
    SplittableRandom random = new SplittableRandom(seed);
    LongSamples whole = LongSamples.keepingRuns();
    LongSamples[] split = new LongSamples[parts];
    for (int p = 0; p < parts; p++) {
      split[p] = LongSamples.keepingRuns();
    }
    for (int i = 0; i < count; i++) {
      long millis = random.nextInt(10) == 0 ? random.nextLong(3) * 86_400_000L : random.nextLong(200L * 86_400_000L);
      whole.add(millis);
      split[random.nextInt(parts)].add(millis);
    }
    for (int p = 1; p < parts; p++) {
      split[0].mergeSorted(split[p]);
    }

    DurationSummary expected = DurationSummary.of(whole);
    DurationSummary merged = DurationSummary.of(split[0]);

    assertThat(merged).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(merged.count()).isEqualTo(count);
    assertThat(merged.meanDays()).isEqualTo(expected.meanDays());
    for (double p = 0; p <= 1; p += 0.05) {
      assertThat(merged.percentileDays(p)).isEqualTo(expected.percentileDays(p));
    }
    assertThat(merged.toString()).isEqualTo(expected.toString());
    if (count > 0) {
      assertThat(merged.p90Bound()).isEqualTo(expected.p90Bound());
    }
  }
}
