package org.salespipeline.history.importers;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Reads the amount and currency cells of exports, and names the stages a name could have meant. Stateless. */
final class Cells {

  private static final int MAX_CHARS = 64;
  private static final int MAX_INTEGER_DIGITS = 18;
  private static final int MAX_DECIMALS = 12;

  private Cells() {}

  /** Reads a non-empty amount cell: a plain non-negative decimal such as {@code 1250.50}. */
  static Either<String, BigDecimal> amount(String text, String column) {
    if (text.length() > MAX_CHARS) {
      return Either.left("bad " + column + " '" + text.substring(0, 24) + "…': an amount has at most " + MAX_CHARS
          + " characters");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      return Either.left("bad " + column + " '" + text + "': not a decimal number such as 1250.50");
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
