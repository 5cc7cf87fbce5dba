package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Counting calendar periods, and exact sums past the range of a {@code long} of minor units. */
class CalendarAndSumsTest {

  @Test
  void periodsThrough_week_countsBothEnds() {
    LocalDate monday = LocalDate.of(2025, 1, 6);
    assertThat(CalendarUnit.WEEK.periodsThrough(monday, monday.minusDays(1))).isZero();
    assertThat(CalendarUnit.WEEK.periodsThrough(monday, monday)).isEqualTo(1);
    assertThat(CalendarUnit.WEEK.periodsThrough(monday, monday.plusDays(6))).isEqualTo(1);
    assertThat(CalendarUnit.WEEK.periodsThrough(monday, monday.plusDays(7))).isEqualTo(2);
    assertThat(CalendarUnit.WEEK.periodsThrough(monday, LocalDate.of(2025, 12, 28))).isEqualTo(51);
  }

  @Test
  void periodsThrough_monthAndQuarter_countBothEnds() {
    LocalDate january = LocalDate.of(2025, 1, 1);
    assertThat(CalendarUnit.MONTH.periodsThrough(january, LocalDate.of(2025, 1, 31))).isEqualTo(1);
    assertThat(CalendarUnit.MONTH.periodsThrough(january, LocalDate.of(2025, 2, 1))).isEqualTo(2);
    assertThat(CalendarUnit.MONTH.periodsThrough(january, LocalDate.of(2025, 12, 31))).isEqualTo(12);
    assertThat(CalendarUnit.QUARTER.periodsThrough(january, LocalDate.of(2025, 3, 31))).isEqualTo(1);
    assertThat(CalendarUnit.QUARTER.periodsThrough(january, LocalDate.of(2025, 4, 1))).isEqualTo(2);
    assertThat(CalendarUnit.QUARTER.periodsThrough(january, LocalDate.of(2025, 12, 31))).isEqualTo(4);
    assertThat(CalendarUnit.QUARTER.periodsThrough(january, LocalDate.of(2024, 12, 31))).isZero();
  }

  @Test
  void exactSum_tenAmountsOf18Digits_passTheLongAndStayExact() {
    ExactSum sum = new ExactSum(2);
    for (int i = 0; i < 10; i++) {
      sum.add(new BigDecimal("9999999999999999.99")); // 999,999,999,999,999,999 cents: a long
    }
    // ten times: 9,999,999,999,999,999,990 cents, beyond Long.MAX_VALUE (9,223,372,036,854,775,807)
    assertThat(sum.value()).isEqualByComparingTo("99999999999999999.90");
  }

  @Test
  void exactSum_addingSums_carriesPastTheLong() {
    ExactSum a = new ExactSum(0);
    ExactSum b = new ExactSum(0);
    for (int i = 0; i < 5; i++) {
      a.add(new BigDecimal("999999999999999999"));
      b.add(new BigDecimal("999999999999999999"));
    }
    b.add(new BigDecimal("0.5"));
    a.add(b);
    assertThat(a.value()).isEqualByComparingTo("9999999999999999990.5");
  }

  @Test
  void exactSum_readFrom_negativeUnitsOrRest_isCorrupted() {
    ExactSum read = new ExactSum(2);
    // units: 80 cents (zig-zag 160, varint a0 01); rest: scale 2 (zig-zag 4), one byte of digits, 5
    read.readFrom(new PartialResultFormat.In(new byte[] {(byte) 0xa0, 0x01, 4, 1, 5}, 0, 5), "a sum");
    assertThat(read.value()).isEqualByComparingTo("0.85");
    assertThatThrownBy(() -> new ExactSum(2).readFrom(new PartialResultFormat.In(new byte[] {1, 0, 1, 0}, 0, 4), "a sum"))
        .hasMessage("partial result is truncated or corrupted: a sum is negative");
    assertThatThrownBy(() -> new ExactSum(2).readFrom(new PartialResultFormat.In(new byte[] {0, 0, 1, -1}, 0, 4), "a sum"))
        .hasMessage("partial result is truncated or corrupted: a sum is negative");
    ExactSum zero = new ExactSum(2);
    zero.readFrom(new PartialResultFormat.In(new byte[] {0, 0, 1, 0}, 0, 4), "a sum");
    assertThat(zero.value()).isEqualByComparingTo("0");
  }
}
