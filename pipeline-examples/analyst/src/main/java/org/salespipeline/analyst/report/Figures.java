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

  /**
   * Money in the currency's minor unit, thousands grouped: {@code 48,000.00 EUR}. The report's
   * figures are already rounded there (SPEC §4), so this only pads them; a deal's own amount with
   * more decimals is rounded half-even, once.
   */
  static String money(Money money) {
    return shown(money, Math.max(0, money.currency().getDefaultFractionDigits()));
  }

  /**
   * A mean or a rate per day as the metrics keep it: the minor unit and up to two more decimals
   * where the value has them ({@code 12,000.00 EUR}, {@code 33.3333 USD}), never rounded again.
   */
  static String quotient(Money money) {
    int minor = Math.max(0, money.currency().getDefaultFractionDigits());
    return shown(money, Math.max(minor, Math.min(money.amount().scale(), minor + 2)));
  }

  private static String shown(Money money, int digits) {
    return String.format(Locale.ROOT, "%,." + digits + "f", money.amount().setScale(digits, RoundingMode.HALF_EVEN))
        + NBSP + money.currency().getCurrencyCode();
  }

  static String money(Option<Money> money) {
    return money.map(Figures::money).getOrElse(NONE);
  }

  /** Amounts in several currencies, one after the other: {@code 12,000.00 EUR · 9,500.00 USD}. */
  static String moneys(Map<Currency, Money> amounts) {
    return joined(amounts, Figures::money);
  }

  /** Means or rates per day in several currencies, one after the other, as {@link #quotient(Money)}. */
  static String quotients(Map<Currency, Money> amounts) {
    return joined(amounts, Figures::quotient);
  }

  private static String joined(Map<Currency, Money> amounts, java.util.function.Function<Money, String> shown) {
    if (amounts.isEmpty()) {
      return NONE;
    }
    StringJoiner s = new StringJoiner(" · ");
    amounts.values().forEach(m -> s.add(shown.apply(m)));
    return s.toString();
  }
}
