package org.salespipeline.analyst.report;

import io.vavr.control.Option;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.Rate;

/**
 * How figures read in the report: fixed decimals, grouped thousands, a dash when undefined, and a
 * no-break space inside a figure so that only a list of figures wraps.
 */
final class Figures {

  static final String NONE = "–";
  /** Keeps a figure and its unit on one line; a table cell may still wrap between two figures. */
  static final String NBSP = "\u00a0";

  private Figures() {}

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value * 100);
  }

  static String percent(Option<Double> value) {
    return value.map(Figures::percent).getOrElse(NONE);
  }

  static String rate(Option<Rate> rate) {
    return rate.map(r -> percent(r.value())).getOrElse(NONE);
  }

  static String interval(Option<Rate> rate) {
    return rate.map(r -> percent(r.lower()) + NBSP + "–" + NBSP + percent(r.upper())).getOrElse(NONE);
  }

  static String days(double days) {
    return String.format(Locale.ROOT, "%.1f", days);
  }

  static String days(Option<Double> days) {
    return days.map(Figures::days).getOrElse(NONE);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Money rounded half-even to the currency's minor unit, thousands grouped: {@code 48,000.00 EUR}. */
  static String money(Money money) {
    int digits = Math.max(0, money.currency().getDefaultFractionDigits());
    return String.format(Locale.ROOT, "%,." + digits + "f", money.amount().setScale(digits, RoundingMode.HALF_EVEN))
        + NBSP + money.currency().getCurrencyCode();
  }

  /** Money rounded half-even to whole units, for headline figures: {@code 48,000 EUR}. */
  static String wholeMoney(Money money) {
    return String.format(Locale.ROOT, "%,d", money.amount().setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact())
        + NBSP + money.currency().getCurrencyCode();
  }

  static String money(Option<Money> money) {
    return money.map(Figures::money).getOrElse(NONE);
  }

  /** Amounts in several currencies in whole units, one after the other: {@code 12,000 EUR · 9,500 USD}. */
  static String wholeMoneys(Map<Currency, Money> amounts) {
    if (amounts.isEmpty()) {
      return NONE;
    }
    StringJoiner s = new StringJoiner(" · ");
    amounts.values().forEach(m -> s.add(wholeMoney(m)));
    return s.toString();
  }
}
