package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Which amounts the sum keeps as a {@code long} number of minor units. */
class ExactSumTest {

  @Test
  void unitsOf_centAmount_isItsNumberOfCents_otherwiseNone() {
    assertThat(ExactSum.unitsOf(new BigDecimal("1234.56"), 2)).isEqualTo(123_456L);
    assertThat(ExactSum.unitsOf(new BigDecimal("0.00"), 2)).isZero();
    assertThat(ExactSum.unitsOf(new BigDecimal("1234.567"), 2)).as("more decimals").isEqualTo(ExactSum.NO_UNITS);
    assertThat(ExactSum.unitsOf(new BigDecimal("12345678901234567.89"), 2)).as("19 digits")
        .isEqualTo(ExactSum.NO_UNITS);
    assertThat(ExactSum.unitsOf(new BigDecimal("1234567890123456.78"), 2)).isEqualTo(123_456_789_012_345_678L);
    assertThat(ExactSum.unitsOf(new BigDecimal("500"), 0)).as("a currency without decimals").isEqualTo(500L);
  }
}
