package org.salespipeline.metrics;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.salespipeline.core.Money;

/**
 * Converts amounts into one target currency, so that value figures may add amounts of several
 * currencies. Without a converter, amounts in different currencies are never added.
 *
 * <p>Implementations must be thread-safe (a parallel calculation calls them from several threads)
 * and exact: the result is added as it is.
 */
public interface CurrencyConverter {

  /**
   * Returns the currency every amount is converted into.
   *
   * @return the target currency, never null
   */
  Currency target();

  /**
   * Converts an amount into the target currency.
   *
   * @param amount the amount, not null
   * @return the amount in {@link #target()}, never null
   */
  Money convert(Money amount);

  /**
   * Returns a converter with fixed rates: an amount {@code a} in currency {@code c} becomes
   * {@code a × rates.get(c)} in the target currency; amounts already in the target currency are
   * kept as they are.
   *
   * @param target the target currency, not null
   * @param rates units of the target currency per unit of each other currency, not null, each
   *     positive
   * @return the converter, never null
   * @throws IllegalArgumentException if a rate is not positive
   */
  static CurrencyConverter fixedRates(Currency target, Map<Currency, BigDecimal> rates) {
    Objects.requireNonNull(target, "target");
    Map<Currency, BigDecimal> copy = new HashMap<>(Objects.requireNonNull(rates, "rates"));
    copy.forEach((currency, rate) -> {
      Objects.requireNonNull(currency, "currency in rates");
      if (Objects.requireNonNull(rate, "rate of " + currency).signum() <= 0) {
        throw new IllegalArgumentException("rate of " + currency + " must be positive but was " + rate);
      }
    });
    return new CurrencyConverter() {
      @Override
      public Currency target() {
        return target;
      }

      @Override
      public Money convert(Money amount) {
        if (amount.currency().equals(target)) {
          return amount;
        }
        BigDecimal rate = copy.get(amount.currency());
        if (rate == null) {
          throw new IllegalArgumentException("amount is in " + amount.currency() + " but the converter has rates for "
              + copy.keySet() + " only");
        }
        return Money.of(amount.amount().multiply(rate), target);
      }

      @Override
      public String toString() {
        return "fixed rates into " + target + " " + copy;
      }
    };
  }
}
