package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.salespipeline.metrics.internal.LongSamples;

/** A summary is of its durations, however they were split into partial results and merged. */
class DurationSummaryProperties {

  @Property(tries = 40)
  void summary_anySplitIntoPartialResults_equalsTheWholeFigureForFigure(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4000) int count, @ForAll @IntRange(min = 1, max = 20) int parts) {
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
  }
}
