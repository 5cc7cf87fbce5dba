package org.salespipeline.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.salespipeline.core.Money;

/**
 * The one place money figures are rounded (SPEC §4): every figure is computed exactly and rounded
 * half-even once, at the end, to the currency's minor unit (its ISO 4217 digits: 2 for USD, 0 for
 * JPY); a mean or a rate per day keeps two more decimals. Nothing is rounded twice: a quotient is
 * divided straight to its final scale, never to a precision first and to the minor unit after.
 */
final class MoneyRounding {

  /** The decimals a mean or a rate per day keeps beyond the currency's minor unit. */
  static final int QUOTIENT_EXTRA_DIGITS = 2;

  private MoneyRounding() {}

  /** The currency's minor-unit digits, 0 for a currency without one (such as XAU). */
  static int minorDigits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /** An exact sum (or other exact money value) rounded half-even to the minor unit. */
  static Money total(BigDecimal exact, Currency currency) {
    return Money.of(exact.setScale(minorDigits(currency), RoundingMode.HALF_EVEN), currency);
  }

  /** An exact quotient of money (a mean, a rate per day) rounded half-even to two digits beyond the minor unit. */
  static Money quotient(BigDecimal dividend, BigDecimal divisor, Currency currency) {
    return Money.of(dividend.divide(divisor, minorDigits(currency) + QUOTIENT_EXTRA_DIGITS, RoundingMode.HALF_EVEN),
        currency);
  }
}
