package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.salespipeline.core.testing.Theories.qt;
import static org.salespipeline.core.testing.Theories.withEdges;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.salespipeline.core.testing.Theories.Hits;

/**
 * Money keeps amounts of up to 18 digits as a long and a scale, and larger ones as a BigDecimal;
 * the two forms must be indistinguishable: same number, same scale, same arithmetic, equality,
 * order and hash, on both sides of the 18-digit edge.
 */
class MoneyProperties {

  private static final Currency EUR = Currency.getInstance("EUR");
  /** What {@link #amounts()} must reach: both sides of the 18-digit edge, zero, negatives, long's limits. */
  private static final Hits HITS = new Hits("18 digits", "19 digits", "30+ digits", "zero", "negative",
      "long max", "long min", "negative scale", "scale 12");

  @AfterAll
  static void everyEdgeWasReached() {
    HITS.requireAll();
  }

  @Test
  void amount_isTheNumberGiven_withTheCurrencysScaleAtLeast() {
    qt(0x307E_0001L, 1000).forAll(amounts()).checkAssert(MoneyProperties::amountIsTheNumberGiven);
  }

  private static void amountIsTheNumberGiven(BigDecimal amount) {
    Money money = Money.of(amount, EUR);

    assertThat(money.amount()).isEqualByComparingTo(amount);
    assertThat(money.amount().scale()).isEqualTo(Math.max(amount.stripTrailingZeros().scale(), 2));
    assertThat(money.isZero()).isEqualTo(amount.signum() == 0);
    assertThat(money.isNegative()).isEqualTo(amount.signum() < 0);
    assertThat(money).hasToString(money.amount().toPlainString() + " EUR");
  }

  @Test
  void arithmeticAndOrder_matchBigDecimal() {
    qt(0x307E_0002L, 1000).forAll(amounts(), amounts()).checkAssert(MoneyProperties::arithmeticAndOrder);
  }

  private static void arithmeticAndOrder(BigDecimal a, BigDecimal b) {
    Money x = Money.of(a, EUR);
    Money y = Money.of(b, EUR);

    assertThat(x.plus(y).amount()).isEqualByComparingTo(a.add(b));
    assertThat(x.minus(y).amount()).isEqualByComparingTo(a.subtract(b));
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(a.compareTo(b)));
    assertThat(x.equals(y)).isEqualTo(a.compareTo(b) == 0);
    if (x.equals(y)) {
      assertThat(x).hasSameHashCodeAs(y);
    }
    Money sameNumberOtherScale = Money.of(b.setScale(b.scale() + 3), EUR);
    assertThat(sameNumberOtherScale).isEqualTo(y).hasSameHashCodeAs(y);
  }

  /**
   * Amounts of 1 to 31 digits with a scale from -5 to 12: small ones, any long, digit strings of
   * every length (so both sides of the 18/19-digit edge where Money switches from a long to a
   * BigDecimal), and explicitly the edges themselves: zero, 18 nines, 10^18, long's limits.
   */
  static Gen<BigDecimal> amounts() {
    Gen<BigInteger> digits = strings().betweenCodePoints('0', '9').ofLengthBetween(1, 31)
        .zip(booleans().all(), (text, negative) -> negative ? new BigInteger(text).negate() : new BigInteger(text));
    Gen<BigInteger> unscaled = Generate.oneOf(
        longs().between(-1_000_000, 1_000_000).map(BigInteger::valueOf),
        longs().all().map(BigInteger::valueOf),
        digits,
        Generate.pick(java.util.List.of(BigInteger.ZERO, BigInteger.valueOf(Long.MAX_VALUE),
            BigInteger.valueOf(Long.MIN_VALUE), new BigInteger("999999999999999999"),
            new BigInteger("1000000000000000000"), new BigInteger("-999999999999999999"),
            new BigInteger("-1000000000000000000"), BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))));
    return unscaled.zip(withEdges(integers().between(-5, 12), 10, -5, 0, 12), (u, scale) -> {
      BigDecimal amount = new BigDecimal(u, scale);
      HITS.record("18 digits", amount.precision() == 18);
      HITS.record("19 digits", amount.precision() == 19);
      HITS.record("30+ digits", amount.precision() >= 30);
      HITS.record("zero", amount.signum() == 0);
      HITS.record("negative", amount.signum() < 0);
      HITS.record("long max", u.equals(BigInteger.valueOf(Long.MAX_VALUE)));
      HITS.record("long min", u.equals(BigInteger.valueOf(Long.MIN_VALUE)));
      HITS.record("negative scale", scale < 0);
      HITS.record("scale 12", scale == 12);
      return amount;
    });
  }
}
