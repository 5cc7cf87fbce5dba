package org.salespipeline.analyst.report;

import io.vavr.control.Option;
import java.util.Currency;
import java.util.Map;
import java.util.StringJoiner;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.FigureFormat;
import org.salespipeline.metrics.Rate;

/**
 * How figures read in the report: fixed decimals, grouped thousands, a dash when undefined, and a
 * no-break space inside a figure so that only a list of figures wraps.
 */
final class Figures {

  /** Keeps a figure and its unit on one line; a table cell may still wrap between two figures. */
  static final String NBSP = "\u00a0";
  /** The metrics' digits, with an en dash for an undefined figure, grouped thousands and no-break spaces. */
  private static final FigureFormat REPORT = FigureFormat.of("–", true, NBSP);
  static final String NONE = REPORT.none();

  private Figures() {}

  static String percent(double value) {
    return REPORT.percent(value);
  }

  static String percent(Option<Double> value) {
    return REPORT.percent(value);
  }

  static String rate(Option<Rate> rate) {
    return REPORT.percent(rate.map(Rate::value));
  }

  static String interval(Option<Rate> rate) {
    return rate.map(r -> percent(r.lower()) + NBSP + "–" + NBSP + percent(r.upper())).getOrElse(NONE);
  }

  static String days(double days) {
    return REPORT.days(days);
  }

  static String days(Option<Double> days) {
    return REPORT.days(days);
  }

  static String count(long n) {
    return REPORT.count(n);
  }

  /** Money in the currency's minor unit, thousands grouped: {@code 48,000.00 EUR}. */
  static String money(Money money) {
    return REPORT.money(money);
  }

  /** A mean or a rate per day as the metrics keep it: {@code 12,000.00 EUR}, {@code 33.3333 USD}. */
  static String quotient(Money money) {
    return REPORT.quotient(money);
  }

  static String money(Option<Money> money) {
    return REPORT.money(money);
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
