package org.salespipeline.metrics;

import java.math.BigDecimal;

/**
 * An exact sum of amounts of one currency: a {@code long} number of minor units for amounts at
 * the currency's scale (which is what {@link org.salespipeline.core.Money} keeps), and a
 * {@link BigDecimal} for amounts with more decimals, of 19 digits or more, and for whatever would
 * overflow the {@code long}. Adding an ordinary amount allocates nothing, where adding
 * {@code BigDecimal}s makes a new one each time.
 *
 * <p>Only the sum's value is defined, not its {@code BigDecimal} scale: every figure made from it
 * is a {@code Money} (whose scale is normalised) or a quotient.
 */
final class ExactSum {

  /** {@link #unitsOf} of an amount that has no exact {@code long} number of minor units. */
  static final long NO_UNITS = Long.MIN_VALUE;

  private final int scale;
  private long units;
  private BigDecimal rest = BigDecimal.ZERO;

  /** @param scale the currency's number of decimals, not negative */
  ExactSum(int scale) {
    this.scale = scale;
  }

  /**
   * The amount in minor units when it has exactly {@code scale} decimals and at most 18 digits,
   * else {@link #NO_UNITS}. The intermediate {@code BigDecimal} does not escape, so the JIT
   * allocates none.
   */
  static long unitsOf(BigDecimal amount, int scale) {
    if (amount.scale() != scale) {
      return NO_UNITS;
    }
    BigDecimal units = amount.movePointRight(scale);
    return units.precision() <= 18 ? units.longValueExact() : NO_UNITS;
  }

  void add(BigDecimal amount) {
    long u = unitsOf(amount, scale);
    if (u == NO_UNITS) {
      rest = rest.add(amount);
    } else {
      addUnits(u);
    }
  }

  private void addUnits(long u) {
    long sum = units + u;
    if (((units ^ sum) & (u ^ sum)) < 0) { // overflow: the units so far join the rest
      rest = rest.add(BigDecimal.valueOf(units, scale));
      sum = u;
    }
    units = sum;
  }

  void add(ExactSum other) {
    addUnits(other.units);
    if (other.rest.signum() != 0) {
      rest = rest.add(other.rest);
    }
  }

  BigDecimal value() {
    return rest.signum() == 0 ? BigDecimal.valueOf(units, scale) : BigDecimal.valueOf(units, scale).add(rest);
  }

  // ------------------------------------------------------------------------------ wire form

  /** Sums of amounts of money, which are never negative: the sum of what was added. */
  void writeTo(PartialResultFormat.Out out) {
    out.signed(units);
    out.decimal(rest);
  }

  void readFrom(PartialResultFormat.In in, String what) {
    units = in.signed();
    rest = in.decimal(what);
    in.check(units >= 0 && rest.signum() >= 0, what + " is negative");
  }
}
