package org.salespipeline.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An exact amount of money in one currency: a {@link BigDecimal} and a {@link Currency}, never a
 * {@code double}.
 *
 * <p>The amount keeps at least the currency's usual number of decimals ({@code 12} EUR is stored
 * as {@code 12.00}) and never loses a digit it was given ({@code 0.125} USD stays {@code 0.125}).
 * Two amounts are {@linkplain #equals equal} when they have the same currency and the same
 * numeric value, whatever their scale. Arithmetic across currencies throws: amounts in different
 * currencies are never added by accident.
 *
 * <p>Amounts are limited to {@value #MAX_DIGITS} digits before and after the decimal point, far
 * beyond any real amount: an amount such as {@code 1E+10000000} (one digit and an exponent, but ten
 * million digits written out) is a data error, and computing with it would take minutes.
 *
 * <p>Immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {

  /** The most digits an amount may have before, and after, the decimal point. */
  public static final int MAX_DIGITS = 1000;

  // An amount whose unscaled value fits in a long is kept as that long and its scale: 32 bytes per
  // Money instead of 64 with a BigDecimal, and a million deals each hold one. Larger amounts keep
  // their BigDecimal. Either way amount() returns the same number with the same scale.
  private final long unscaled;
  private final int scale;
  private final @Nullable BigDecimal big;
  private final Currency currency;

  private Money(BigDecimal amount, Currency currency) {
    if (amount.precision() <= 18) { // at most 18 digits always fit in a long
      this.unscaled = amount.unscaledValue().longValueExact();
      this.scale = amount.scale();
      this.big = null;
    } else {
      this.unscaled = 0;
      this.scale = 0;
      this.big = amount;
    }
    this.currency = currency;
  }

  /**
   * Returns the money with this amount and currency.
   *
   * @param amount the exact amount, not null, may be negative (a difference) or zero, at most
   *     {@value #MAX_DIGITS} digits before and after the decimal point
   * @param currency the currency, not null
   * @return the money, never null
   * @throws IllegalArgumentException if the amount has more than {@value #MAX_DIGITS} digits before
   *     or after the decimal point
   */
  public static Money of(BigDecimal amount, Currency currency) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    // precision and scale are read without expanding the number, so the check is cheap even for 1E+999999999
    if (amount.signum() != 0 && (amount.precision() - amount.scale() > MAX_DIGITS || amount.scale() > MAX_DIGITS)) {
      throw new IllegalArgumentException("amount must have at most " + MAX_DIGITS
          + " digits before and after the decimal point but was " + abbreviated(amount));
    }
    int scale = Math.max(amount.stripTrailingZeros().scale(), Math.max(0, currency.getDefaultFractionDigits()));
    return new Money(amount.setScale(scale, RoundingMode.UNNECESSARY), currency);
  }

  /**
   * Parses the amount and looks up the currency by its ISO 4217 code.
   *
   * @param amount a decimal number such as {@code "1250.50"}, not null
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}, not null
   * @return the money, never null
   * @throws IllegalArgumentException if the amount is not a decimal number, has more than
   *     {@value #MAX_DIGITS} digits before or after the decimal point, or the code is unknown
   */
  public static Money parse(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    return of(parseAmount(amount), currencyByCode(currencyCode));
  }

  /**
   * Returns zero in the currency.
   *
   * @param currency the currency, not null
   * @return zero, never null
   */
  public static Money zero(Currency currency) {
    return of(BigDecimal.ZERO, currency);
  }

  private static Currency currencyByCode(String currencyCode) {
    Objects.requireNonNull(currencyCode, "currencyCode");
    try {
      return Currency.getInstance(currencyCode.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "currencyCode must be an ISO 4217 code such as USD but was '" + currencyCode + "'", e);
    }
  }

  private static String abbreviated(BigDecimal amount) {
    String text = amount.toString();
    return text.length() <= 40 ? text : text.substring(0, 20) + "..." + text.substring(text.length() - 12)
        + " (" + amount.precision() + " digits, scale " + amount.scale() + ")";
  }

  private static BigDecimal parseAmount(String amount) {
    try {
      return new BigDecimal(amount.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount must be a decimal number but was '" + amount + "'", e);
    }
  }

  /**
   * Returns the exact amount.
   *
   * @return the amount, never null
   */
  public BigDecimal amount() {
    return big != null ? big : BigDecimal.valueOf(unscaled, scale);
  }

  /**
   * Returns the amount as money is shown: rounded half-even to the currency's minor unit (its ISO
   * 4217 digits: 2 for USD, 0 for JPY; none for a currency without a minor unit).
   *
   * @return the rounded amount, never null
   */
  public BigDecimal amountInMinorUnit() {
    return amount().setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_EVEN);
  }

  /**
   * Returns the currency.
   *
   * @return the currency, never null
   */
  public Currency currency() {
    return currency;
  }

  /**
   * Returns the sum of this and another amount in the same currency.
   *
   * @param other the amount to add, not null, same currency
   * @return the sum, never null
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other, "other");
    return of(amount().add(other.amount()), currency);
  }

  /**
   * Returns this amount minus another amount in the same currency.
   *
   * @param other the amount to subtract, not null, same currency
   * @return the difference, never null
   * @throws IllegalArgumentException if the currencies differ
   */
  public Money minus(Money other) {
    requireSameCurrency(other, "other");
    return of(amount().subtract(other.amount()), currency);
  }

  /**
   * Returns this amount multiplied by an exact factor, such as a win probability.
   *
   * @param factor the factor, not null
   * @return the product, exact (no rounding), never null
   */
  public Money multipliedBy(BigDecimal factor) {
    Objects.requireNonNull(factor, "factor");
    return of(amount().multiply(factor), currency);
  }

  /**
   * Tells whether the amount is below zero.
   *
   * @return true if negative
   */
  public boolean isNegative() {
    return big != null ? big.signum() < 0 : unscaled < 0;
  }

  /**
   * Tells whether the amount is zero.
   *
   * @return true if zero
   */
  public boolean isZero() {
    return big != null ? big.signum() == 0 : unscaled == 0;
  }

  /**
   * Compares two amounts of the same currency by value.
   *
   * @param other the amount to compare with, not null, same currency
   * @return negative, zero or positive as this is less than, equal to or greater than other
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other, "other");
    return amount().compareTo(other.amount());
  }

  private void requireSameCurrency(Money other, String name) {
    Objects.requireNonNull(other, name);
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          name + " must be in " + currency.getCurrencyCode() + " but was in " + other.currency.getCurrencyCode());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money other && currency.equals(other.currency) && amount().compareTo(other.amount()) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount().stripTrailingZeros().hashCode();
  }

  /**
   * Returns the amount and the currency code, such as {@code "1250.50 EUR"}.
   *
   * @return the text, never null
   */
  @Override
  public String toString() {
    return amount().toPlainString() + " " + currency.getCurrencyCode();
  }
}
