package org.salespipeline.metrics;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Money;

/**
 * The mutable sum behind a {@link Figure}: a count and an exact sum per currency. Adding
 * {@code BigDecimal}s is exact and commutative, so any order of adds and merges gives the same
 * figure.
 */
final class FigureSum {

  private long count;
  private final Map<Currency, BigDecimal> sums = new HashMap<>(4);

  /** Counts one and adds the amount, if there is one. */
  void add(@Nullable Money amount) {
    count++;
    addAmount(amount);
  }

  /** Adds an amount without counting (the open pipeline's share of a cumulative figure, say). */
  void addAmount(@Nullable Money amount) {
    if (amount != null) {
      sums.merge(amount.currency(), amount.amount(), BigDecimal::add);
    }
  }

  void add(FigureSum other) {
    count += other.count;
    other.sums.forEach((currency, sum) -> sums.merge(currency, sum, BigDecimal::add));
  }

  long count() {
    return count;
  }

  @Nullable BigDecimal sum(Currency currency) {
    return sums.get(currency);
  }

  Figure figure() {
    Map<Currency, Money> amounts = new HashMap<>();
    sums.forEach((currency, sum) -> amounts.put(currency, Money.of(sum, currency)));
    return new Figure(count, amounts);
  }

  /** The figure of several sums added together. */
  static Figure total(FigureSum... parts) {
    FigureSum total = new FigureSum();
    for (FigureSum part : parts) {
      total.add(part);
    }
    return total.figure();
  }
}
