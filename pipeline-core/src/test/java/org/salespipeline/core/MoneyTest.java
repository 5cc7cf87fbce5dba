package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Test
  void of_fewerDecimalsThanTheCurrency_isPaddedToTheCurrencyScale() {
    assertThat(Money.parse("12", "EUR").amount().scale()).isEqualTo(2);
    assertThat(Money.parse("12", "EUR")).hasToString("12.00 EUR");
    assertThat(Money.of(new BigDecimal("1E+3"), EUR).amount().toPlainString()).isEqualTo("1000.00");
  }

  @Test
  void of_moreDecimalsThanTheCurrency_keepsEveryDigit() {
    assertThat(Money.parse("0.125", "USD").amount().scale()).isEqualTo(3);
    assertThat(Money.parse("0.125", "USD")).hasToString("0.125 USD");
    assertThat(Money.parse("1500", "JPY")).hasToString("1500 JPY");
  }

  @Test
  void of_trailingZerosBeyondTheCurrencyScale_areDropped() {
    assertThat(Money.parse("12.5000", "EUR").amount().scale()).isEqualTo(2);
  }

  @Test
  void equals_sameValueDifferentScale_isEqualWithTheSameHashCode() {
    Money a = Money.of(new BigDecimal("12.5"), EUR);
    Money b = Money.of(new BigDecimal("12.500"), EUR);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Money.zero(EUR)).isEqualTo(Money.of(new BigDecimal("0.000"), EUR)).hasSameHashCodeAs(Money.zero(EUR));
  }

  @Test
  void equals_sameValueOtherCurrency_isNotEqual() {
    assertThat(Money.parse("10", "EUR")).isNotEqualTo(Money.parse("10", "USD")).isNotEqualTo("10.00 EUR");
  }

  @Test
  void plusAndMinus_sameCurrency_areExact() {
    Money a = Money.parse("0.10", "EUR");
    Money b = Money.parse("0.20", "EUR");

    assertThat(a.plus(b)).isEqualTo(Money.parse("0.30", "EUR"));
    assertThat(a.minus(b)).isEqualTo(Money.parse("-0.10", "EUR"));
    assertThat(a.minus(b).isNegative()).isTrue();
    assertThat(a.minus(a).isZero()).isTrue();
    assertThat(Money.parse("48000", "EUR").multipliedBy(new BigDecimal("0.4"))).isEqualTo(Money.parse("19200", "EUR"));
  }

  @Test
  void arithmetic_otherCurrency_throwsNamingBothCurrencies() {
    Money eur = Money.parse("10", "EUR");
    Money usd = Money.parse("10", "USD");

    assertThatIllegalArgumentException().isThrownBy(() -> eur.plus(usd)).withMessage("other must be in EUR but was in USD");
    assertThatIllegalArgumentException().isThrownBy(() -> eur.minus(usd)).withMessage("other must be in EUR but was in USD");
    assertThatIllegalArgumentException().isThrownBy(() -> eur.compareTo(usd)).withMessage("other must be in EUR but was in USD");
  }

  @Test
  void compareTo_sameCurrency_comparesByValue() {
    assertThat(Money.parse("9.99", "EUR")).isLessThan(Money.parse("10", "EUR"));
    assertThat(Money.parse("10.0", "EUR").compareTo(Money.parse("10", "EUR"))).isZero();
  }

  @Test
  void parse_notANumber_namesTheText() {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1,000", "EUR"))
        .withMessage("amount must be a decimal number but was '1,000'");
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("", "EUR"))
        .withMessage("amount must be a decimal number but was ''");
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("NaN", "EUR"))
        .withMessageContaining("'NaN'");
  }

  @Test
  void parse_surroundingBlanks_areIgnored() {
    assertThat(Money.parse(" 12.50 ", " EUR ")).isEqualTo(Money.parse("12.5", "EUR"));
  }

  @Test
  void parse_unknownCurrencyCode_namesTheCode() {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1", "EURO"))
        .withMessage("currencyCode must be an ISO 4217 code such as USD but was 'EURO'");
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("1", "usd")).withMessageContaining("'usd'");
  }

  @Test
  void nulls_areNamed() {
    assertThatNullPointerException().isThrownBy(() -> Money.parse((String) null, "EUR")).withMessage("amount");
    assertThatNullPointerException().isThrownBy(() -> Money.parse("1", null)).withMessage("currencyCode");
    assertThatNullPointerException().isThrownBy(() -> Money.of(BigDecimal.ONE, null)).withMessage("currency");
    assertThatNullPointerException().isThrownBy(() -> Money.of((BigDecimal) null, JPY)).withMessage("amount");
    assertThatNullPointerException().isThrownBy(() -> Money.zero(EUR).plus(null)).withMessage("other");
    assertThatNullPointerException().isThrownBy(() -> Money.zero(EUR).multipliedBy(null)).withMessage("factor");
  }

  @Test
  void amountInMinorUnit_roundsHalfEvenToTheCurrencysDigits() {
    assertThat(Money.parse("0.125", "USD").amountInMinorUnit()).isEqualTo(new BigDecimal("0.12"));
    assertThat(Money.parse("0.135", "USD").amountInMinorUnit()).isEqualTo(new BigDecimal("0.14"));
    assertThat(Money.parse("48000", "EUR").amountInMinorUnit()).isEqualTo(new BigDecimal("48000.00"));
    assertThat(Money.parse("600.5", "JPY").amountInMinorUnit()).isEqualTo(new BigDecimal("600"));
    assertThat(Money.parse("601.5", "JPY").amountInMinorUnit()).isEqualTo(new BigDecimal("602"));
    assertThat(Money.parse("1.0005", "BHD").amountInMinorUnit()).isEqualTo(new BigDecimal("1.000"));
  }
}
