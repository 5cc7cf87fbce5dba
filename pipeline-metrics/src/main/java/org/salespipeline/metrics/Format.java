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

  /** Money rounded half-even to the currency's minor unit for reading; the value keeps its digits. */
  static String money(Money money) {
    int digits = Math.max(0, money.currency().getDefaultFractionDigits());
    BigDecimal shown = money.amount().setScale(digits, RoundingMode.HALF_EVEN);
    return shown.toPlainString() + " " + money.currency().getCurrencyCode();
  }

  static String money(Option<Money> money) {
    return money.map(Format::money).getOrElse(NONE);
  }
}
