package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * How figures read as text: a rate as a percentage with one decimal, days with one decimal, money
 * in its currency's minor unit (a mean or a rate per day with up to two more decimals), and a mark
 * for an undefined figure.
 *
 * <p>{@link #PLAIN} is the form of the printed tables ({@code 12.5%}, {@code 48000.00 EUR},
 * {@code -}); {@link #of(String, boolean, String)} gives another mark, grouped thousands or another
 * separator between an amount and its currency (an HTML report uses a no-break space). The digits
 * shown are the same in every form. Immutable and thread-safe.
 */
public final class FigureFormat {

  /** Plain text: {@code -} for an undefined figure, no grouping, a space before the currency code. */
  public static final FigureFormat PLAIN = new FigureFormat("-", false, " ");

  private final String none;
  private final boolean grouped;
  private final String unitSeparator;

  private FigureFormat(String none, boolean grouped, String unitSeparator) {
    this.none = none;
    this.grouped = grouped;
    this.unitSeparator = unitSeparator;
  }

  /**
   * Returns a format with its own mark for an undefined figure, grouping and currency separator.
   *
   * @param none what an undefined figure reads, not null
   * @param groupThousands whether amounts and counts group thousands with commas ({@code 48,000.00})
   * @param unitSeparator what stands between an amount and its currency code, not null
   * @return the format, never null
   */
  public static FigureFormat of(String none, boolean groupThousands, String unitSeparator) {
    return new FigureFormat(Objects.requireNonNull(none, "none"), groupThousands,
        Objects.requireNonNull(unitSeparator, "unitSeparator"));
  }

  /**
   * Returns what an undefined figure reads.
   *
   * @return the mark, never null
   */
  public String none() {
    return none;
  }

  /**
   * Returns a fraction as a percentage with one decimal: 0.125 reads {@code 12.5%}.
   *
   * @param value the fraction
   * @return the text, never null
   */
  public String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value * 100);
  }

  /**
   * Returns a fraction as {@link #percent(double)}, or the mark when it is undefined.
   *
   * @param value the fraction or empty, not null
   * @return the text, never null
   */
  public String percent(Option<Double> value) {
    return value.map(this::percent).getOrElse(none);
  }

  /**
   * Returns a number of days with one decimal: {@code 12.5}.
   *
   * @param days the days
   * @return the text, never null
   */
  public String days(double days) {
    return String.format(Locale.ROOT, "%.1f", days);
  }

  /**
   * Returns days as {@link #days(double)}, or the mark when undefined.
   *
   * @param days the days or empty, not null
   * @return the text, never null
   */
  public String days(Option<Double> days) {
    return days.map(this::days).getOrElse(none);
  }

  /**
   * Returns a probability with three decimals ({@code 0.250}), or the mark when undefined.
   *
   * @param p the probability or empty, not null
   * @return the text, never null
   */
  public String probability(Option<Double> p) {
    return p.map(v -> String.format(Locale.ROOT, "%.3f", v)).getOrElse(none);
  }

  /**
   * Returns a count, thousands grouped when this format groups them.
   *
   * @param n the count
   * @return the text, never null
   */
  public String count(long n) {
    return String.format(Locale.ROOT, grouped ? "%,d" : "%d", n);
  }

  /**
   * Returns money in the currency's minor unit: {@code 48000.00 EUR}. The metrics' figures are
   * already rounded there (SPEC §4), so this only pads them ({@code 12} EUR reads {@code 12.00 EUR});
   * an amount a deal was given with more decimals is rounded half-even once, for reading.
   *
   * @param money the amount, not null
   * @return the text, never null
   */
  public String money(Money money) {
    return shown(money, MoneyRounding.minorDigits(money.currency()));
  }

  /**
   * Returns money as {@link #money(Money)}, or the mark when undefined.
   *
   * @param money the amount or empty, not null
   * @return the text, never null
   */
  public String money(Option<Money> money) {
    return money.map(this::money).getOrElse(none);
  }

  /**
   * Returns a mean or a rate per day as the metrics keep it: the minor unit, and up to two more
   * decimals where the value has them ({@code 12000.00 EUR}, {@code 33.3333 USD}), never rounded
   * again.
   *
   * @param money the amount, not null
   * @return the text, never null
   */
  public String quotient(Money money) {
    int minor = MoneyRounding.minorDigits(money.currency());
    int digits = Math.max(minor, Math.min(money.amount().scale(), minor + MoneyRounding.QUOTIENT_EXTRA_DIGITS));
    return shown(money, digits);
  }

  private String shown(Money money, int digits) {
    BigDecimal shown = money.amount().setScale(digits, RoundingMode.HALF_EVEN);
    String amount = grouped ? String.format(Locale.ROOT, "%,." + digits + "f", shown) : shown.toPlainString();
    return amount + unitSeparator + money.currency().getCurrencyCode();
  }
}
