package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Money keeps amounts of up to 18 digits as a long and a scale, and larger ones as a BigDecimal;
 * the two forms must be indistinguishable: same number, same scale, same arithmetic, equality,
 * order and hash, on both sides of the 18-digit edge.
 */
class MoneyProperties {

  private static final Currency EUR = Money.currency("EUR");

  @Property(tries = 1000)
  void amount_isTheNumberGiven_withTheCurrencysScaleAtLeast(@ForAll("amounts") BigDecimal amount) {
    Money money = Money.of(amount, EUR);

    assertThat(money.amount()).isEqualByComparingTo(amount);
    assertThat(money.amount().scale()).isEqualTo(Math.max(amount.stripTrailingZeros().scale(), 2));
    assertThat(money.isZero()).isEqualTo(amount.signum() == 0);
    assertThat(money.isNegative()).isEqualTo(amount.signum() < 0);
    assertThat(money).hasToString(money.amount().toPlainString() + " EUR");
  }

  @Property(tries = 1000)
  void arithmeticAndOrder_matchBigDecimal(@ForAll("amounts") BigDecimal a, @ForAll("amounts") BigDecimal b) {
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

  @Provide
  Arbitrary<BigDecimal> amounts() {
    Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000), BigInteger.valueOf(1_000_000)),
        Arbitraries.longs().map(BigInteger::valueOf),
        // around the 18/19-digit edge and Long's range
        Arbitraries.bigIntegers().between(new BigInteger("-99999999999999999999"), new BigInteger("99999999999999999999")),
        Arbitraries.of(BigInteger.ZERO, BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE),
            new BigInteger("999999999999999999"), new BigInteger("1000000000000000000"),
            new BigInteger("-999999999999999999")),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)));
    return unscaled.flatMap(u -> Arbitraries.integers().between(-5, 12).map(scale -> new BigDecimal(u, scale)));
  }
}
