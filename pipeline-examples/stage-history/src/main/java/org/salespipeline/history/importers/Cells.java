package org.salespipeline.history.importers;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the amount and currency cells of exports, and names the stages a name could have meant. Stateless. */
final class Cells {

  private static final int MAX_CHARS = 64;
  private static final int MAX_INTEGER_DIGITS = 18;
  private static final int MAX_DECIMALS = 12;
  private static final Pattern COMMA_AMOUNT = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+(,\\d+)?");
  private static final Pattern POINT_LOOKS_COMMA = Pattern.compile("\\d{1,3}(\\.\\d{3})+,\\d+|\\d+,\\d{1,2}");

  private Cells() {}

  /**
   * Reads a non-empty amount cell: a plain non-negative decimal such as {@code 1250.50}, or with a
   * decimal comma {@code 1.250,50} (points only between thousands).
   */
  static Either<String, BigDecimal> amount(String text, String column, boolean decimalComma) {
    if (text.length() > MAX_CHARS) {
      return Either.left("bad " + column + " '" + text.substring(0, 24) + "…': an amount has at most " + MAX_CHARS
          + " characters");
    }
    String plain = text;
    if (decimalComma) {
      if (!COMMA_AMOUNT.matcher(text).matches()) {
        return Either.left("bad " + column + " '" + text + "': not a decimal-comma number such as 1.250,50");
      }
      plain = text.replace(".", "").replace(',', '.');
    }
    BigDecimal value;
    try {
      value = new BigDecimal(plain);
    } catch (NumberFormatException e) {
      return Either.left("bad " + column + " '" + text + "': not a decimal number such as 1250.50"
          + (POINT_LOOKS_COMMA.matcher(text).matches() ? " (for amounts such as 1.250,50 use --decimal-comma)" : ""));
    }
    if (value.signum() < 0) {
      return Either.left("bad " + column + " '" + text + "': an amount must not be negative");
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_DECIMALS) {
      return Either.left("bad " + column + " '" + text + "': more than " + MAX_INTEGER_DIGITS + " digits before or "
          + MAX_DECIMALS + " after the decimal point");
    }
    return Either.right(value);
  }

  /** Reads a non-empty currency cell: an ISO 4217 code. */
  static Either<String, Currency> currency(String text, String column) {
    try {
      return Either.right(Currency.getInstance(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Either.left("bad " + column + " '" + text + "': not an ISO 4217 code such as USD");
    }
  }

  /** Says a stage name is unknown, naming the known stages and, first, the closest. */
  static String unknownStage(String name, List<String> known) {
    if (name.isEmpty()) {
      return "empty stage";
    }
    List<String> sorted = new ArrayList<>(known);
    sorted.sort((a, b) -> Integer.compare(distance(name, a), distance(name, b)));
    String closest = sorted.isEmpty() ? "" : " (closest: " + sorted.get(0) + ")";
    return "unknown stage '" + name + "'" + closest + ": the stages are " + String.join(", ", known);
  }

  private static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
