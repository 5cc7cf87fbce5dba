package org.salespipeline.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;

/** SPEC §6: a {@code currency} cell without an amount is kept, never dropped (issue 14). */
class CurrencyCellTest {

  private static final Pipeline PIPELINE = HistoryPipeline.parse("A,B", "Won", "Lost");
  private static final StageHistoryReader READER = StageHistoryReader.of(PIPELINE);
  private static final Currency EUR = Currency.getInstance("EUR");

  private static LoadedHistory load(String csv) throws IOException {
    return READER.load(new StringReader(csv));
  }

  @Test
  void load_currencyWithoutAmount_isKeptForTheDeal() throws IOException {
    LoadedHistory history = load("deal_id,stage,entered_at,amount,currency\nP,A,2024-01-01,,EUR\n");

    assertThat(history.deals()).singleElement().satisfies(deal -> assertThat(deal.amount()).isEmpty());
    assertThat(history.unpricedCurrencies()).containsExactlyEntriesOf(java.util.Map.of("P", EUR));
  }

  @Test
  void load_currencyWithoutAmount_isTheCurrencyOfALaterAmountWithoutOne() throws IOException {
    LoadedHistory history = load("deal_id,stage,entered_at,amount,currency\nP,A,2024-01-01,,EUR\nP,B,2024-01-05,120,\n");

    assertThat(history.deals().get(0).amount()).contains(Money.parse("120", "EUR"));
    assertThat(history.unpricedCurrencies()).as("the deal has an amount, so its currency").isEmpty();
  }

  @Test
  void load_noCurrencyCell_namesNone() throws IOException {
    LoadedHistory history = load("deal_id,stage,entered_at,amount,currency\nP,A,2024-01-01,,\n");

    assertThat(history.unpricedCurrencies()).isEmpty();
  }

  @Test
  void read_currencyWithoutAmount_isHandedOnBeforeTheDeal() throws IOException {
    StringBuilder seen = new StringBuilder();
    READER.read(new StringReader("deal_id,stage,entered_at,amount,currency\nP,A,2024-01-01,,eur\n"),
        deal -> seen.append("deal ").append(deal.id()), rejection -> seen.append("rejected"),
        (id, currency) -> seen.append(id).append('=').append(currency).append("; "));

    assertThat(seen).hasToString("P=EUR; deal P");
  }
}
