package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free sum equals plain BigDecimal addition, in value, whatever the amounts. Counts
 * reach the empty sum and a single amount; parts reach one part and four.
 */
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

  @Test
  void sum_anyAmountsSplitAndMerged_equalsBigDecimalAddition() {
    qt(0x5DA7_0002L, 100).forAll(longs().all(), withEdges(integers().between(0, 300), 10, 0, 1, 300),
        integers().between(1, 4)).checkAssert(ExactSumProperties::sum);
  }

  private static void sum(long seed, int count, int parts) {
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
