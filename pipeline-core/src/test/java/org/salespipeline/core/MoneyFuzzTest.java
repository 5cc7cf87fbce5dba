package org.salespipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link Money#of(String, String)}, the library's text parser of money: any text gives the
 * money it writes, or the parser's documented {@link IllegalArgumentException} (not a decimal
 * number, more than {@value Money#MAX_DIGITS} digits, not an ISO 4217 code), never another
 * exception. An input is the amount, then after the first line break the currency code (USD
 * when there is none).
 *
 * <p>Every build replays the committed corpus in {@code MoneyFuzzTestInputs/} (the bad amounts and
 * codes of {@link BadInputCatalogueTest} and {@link MoneyTest} among them); {@code ./mvnw -Pfuzz
 * verify} explores from it.
 */
class MoneyFuzzTest {

  @FuzzTest
  void parse_anyText_isMoneyOrTheDocumentedError(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int lineBreak = text.indexOf('\n');
    String amount = lineBreak < 0 ? text : text.substring(0, lineBreak);
    String code = lineBreak < 0 ? "USD" : text.substring(lineBreak + 1);

    Money money;
    try {
      money = Money.parse(amount, code);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).matches(message -> message.startsWith("amount must be a decimal number but was '")
          || message.startsWith("amount must have at most " + Money.MAX_DIGITS + " digits")
          || message.startsWith("currencyCode must be an ISO 4217 code"), "a documented message");
      return;
    }

    BigDecimal parsed = new BigDecimal(amount.strip());
    assertThat(money.amount()).isEqualByComparingTo(parsed);
    assertThat(money.currency().getCurrencyCode()).isEqualTo(code.strip());
    assertThat(money.amount().scale()).isGreaterThanOrEqualTo(money.currency().getDefaultFractionDigits());
    assertThat(money.amount().precision() - money.amount().scale()).isLessThanOrEqualTo(Money.MAX_DIGITS);
    assertThat(Money.parse(money.amount().toPlainString(), code)).as("what it writes, it reads back").isEqualTo(money);
    assertThat(money.isZero()).isEqualTo(parsed.signum() == 0);
    assertThat(money.isNegative()).isEqualTo(parsed.signum() < 0);
  }
}
