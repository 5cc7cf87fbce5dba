package org.salespipeline.metrics;

import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * One figure of the pipeline movement, the forecast roll-up or the hygiene review: a number of
 * deals (or of events, or of amount changes) and the sum of their amounts per currency.
 *
 * <p>The count includes deals without an amount; the amounts leave them out, so a figure of three
 * deals of which one has no amount has a count of 3 and the sum of the other two. Amounts are
 * exact sums, never rounded: {@link #toString()} and the reports' tables round them half-even to
 * the currency's minor unit when they print them (SPEC §4), once, at the end.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the number of deals, events or changes, not negative
 * @param amount the sum of their amounts per currency, in currency-code order; a currency appears
 *     only where at least one amount in it was counted
 */
public record Figure(long count, Map<Currency, Money> amount) {

  /** The figure of nothing: no deal, no amount. */
  public static final Figure ZERO = new Figure(0, Map.of());

  /**
   * Creates the value, checking its parts and copying the map.
   *
   * @param count the number of deals, events or changes, not negative
   * @param amount the sums per currency, not null, each in its key's currency
   * @throws IllegalArgumentException if count is negative or an amount is in another currency than its key
   */
  public Figure {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative but was " + count);
    }
    Objects.requireNonNull(amount, "amount");
    amount.forEach((currency, money) -> {
      if (!money.currency().equals(currency)) {
        throw new IllegalArgumentException("amount must map each currency to money in it but maps " + currency
            + " to " + money);
      }
    });
    amount = Maps.byCurrency(amount);
  }

  /**
   * Returns the sum of the amounts in one currency.
   *
   * @param currency the currency, not null
   * @return the sum, zero in that currency if nothing in it was counted, never null
   */
  public Money amount(Currency currency) {
    Objects.requireNonNull(currency, "currency");
    Money money = amount.get(currency);
    return money == null ? Money.zero(currency) : money;
  }

  /**
   * Returns the count and the amounts rounded for reading, such as {@code 3 (1200.00 USD, 50 JPY)}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(count);
    if (!amount.isEmpty()) {
      s.append(" (");
      String separator = "";
      for (Money money : amount.values()) {
        s.append(separator).append(FigureFormat.PLAIN.money(money));
        separator = ", ";
      }
      s.append(')');
    }
    return s.toString();
  }
}
