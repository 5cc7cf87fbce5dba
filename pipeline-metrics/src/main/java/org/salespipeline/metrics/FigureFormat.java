package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.salespipeline.core.Money;

/** How figures read in the printed tables: fixed decimals, a dash for an undefined figure. */
final class Format {

  static final String NONE = "-";

  private Format() {}

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value * 100);
  }

  static String percent(Option<Double> value) {
    return value.map(Format::percent).getOrElse(NONE);
  }

  static String rate(Option<Rate> rate) {
    return rate.map(Rate::toString).getOrElse(NONE);
  }

  static String days(double days) {
    return String.format(Locale.ROOT, "%.1f", days);
  }

  static String days(Option<Double> days) {
    return days.map(Format::days).getOrElse(NONE);
  }

  static String probability(Option<Double> p) {
    return p.map(v -> String.format(Locale.ROOT, "%.3f", v)).getOrElse(NONE);
  }

  /**
   * Money in the currency's minor unit. The report's figures are already rounded there, so this
   * only pads them ({@code 12} EUR reads {@code 12.00 EUR}); an amount a deal was given with more
   * decimals is rounded half-even once, for reading.
   */
  static String money(Money money) {
    return shown(money, MoneyRounding.minorDigits(money.currency()));
  }

  /**
   * A mean or a rate per day as the report keeps it: the minor unit, and up to two more decimals
   * where the value has them ({@code 12000.00 EUR}, {@code 33.3333 USD}).
   */
  static String quotient(Money money) {
    int minor = MoneyRounding.minorDigits(money.currency());
    int digits = Math.max(minor, Math.min(money.amount().scale(), minor + MoneyRounding.QUOTIENT_EXTRA_DIGITS));
    return shown(money, digits);
  }

  private static String shown(Money money, int digits) {
    BigDecimal shown = money.amount().setScale(digits, RoundingMode.HALF_EVEN);
    return shown.toPlainString() + " " + money.currency().getCurrencyCode();
  }

  static String money(Option<Money> money) {
    return money.map(Format::money).getOrElse(NONE);
  }
}
