package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The allocation-free sum equals plain BigDecimal addition, in value, whatever the amounts. */
class ExactSumProperties {

  /** Mostly cent amounts, some with more decimals, some of 19+ digits, some near the long's limit. */
  private static BigDecimal amount(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> BigDecimal.valueOf(random.nextLong(1, 1_000_000_000L), 3);
      case 1 -> new BigDecimal(random.nextLong(1, Long.MAX_VALUE) + "" + random.nextInt(1000) + ".25");
      case 2 -> BigDecimal.valueOf(Long.MAX_VALUE / 3 - random.nextInt(100), 2);
      default -> BigDecimal.valueOf(random.nextLong(0, 100_000_000L), 2);
    };
  }

  @Property(tries = 100)
  void sum_anyAmountsSplitAndMerged_equalsBigDecimalAddition(
      @ForAll long seed, @ForAll @IntRange(max = 300) int count, @ForAll @IntRange(min = 1, max = 4) int parts) {
    SplittableRandom random = new SplittableRandom(seed);
    ExactSum[] sums = new ExactSum[parts];
    for (int p = 0; p < parts; p++) {
      sums[p] = new ExactSum(2);
    }
    BigDecimal expected = BigDecimal.ZERO;
    for (int i = 0; i < count; i++) {
      BigDecimal amount = amount(random);
      expected = expected.add(amount);
      sums[random.nextInt(parts)].add(amount);
    }
    for (int p = 1; p < parts; p++) {
      sums[0].add(sums[p]);
    }

    assertThat(sums[0].value()).isEqualByComparingTo(expected);
  }
}
