package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's three cases through the {@code metrics} command's JSON: the Kaplan–Meier median at an
 * exact one half, money in the currency's minor unit, and a currency cell without an amount.
 */
class ExactFiguresCliTest {

  @TempDir
  Path dir;

  private final CliRun cli = new CliRun();

  private Map<String, Object> metrics(String csv, String... extra) throws IOException {
    Path file = dir.resolve("history.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    String[] base = {"metrics", "--history", file.toString(), "--stages", "A,B", "--format", "json"};
    String[] args = CliRun.args(base, extra);
    assertThat(cli.run(args)).as("exit status; stderr %s", cli.errLines()).isZero();
    return JsonOf.object(cli.out());
  }


  @Test
  void kmMedian_survivalExactlyOneHalf_isThreeDays() throws IOException {
    // ten deals created 2024-01-01: one won 01-02, two won 01-03, two lost 01-04, five open
    StringBuilder csv = new StringBuilder("deal_id,stage,entered_at\n");
    String[] closes = {"Won,2024-01-02", "Won,2024-01-03", "Won,2024-01-03", "Lost,2024-01-04", "Lost,2024-01-04"};
    for (int i = 0; i < 10; i++) {
      csv.append("K").append(i).append(",A,2024-01-01\n");
      if (i < closes.length) {
        csv.append("K").append(i).append(',').append(closes[i]).append('\n');
      }
    }

    Map<String, Object> json = metrics(csv.toString(), "--as-of", "2024-02-01");

    assertThat((BigDecimal) json.get("kmMedianDaysToClose")).isEqualByComparingTo("3.0");
  }

  @Test
  void weightedPipeline_repeatingWinRate_isInTheMinorUnitOfEachCurrency() throws IOException {
    // historical win rate from A: 1 won of 3 closed, so 1/3 (0.3333333333333333 as a double)
    String csv = """
        deal_id,stage,entered_at,amount,currency
        W,A,2024-01-01,10.00,USD
        W,Won,2024-01-05,,
        L1,A,2024-01-01,10.00,USD
        L1,Lost,2024-01-05,,
        L2,A,2024-01-01,10.00,USD
        L2,Lost,2024-01-05,,
        O1,A,2024-01-02,100.00,USD
        O2,A,2024-01-02,1000,JPY
        """;

    Map<String, Object> weighted = JsonOf.map(metrics(csv).get("weightedPipeline"));

    assertThat(weighted.get("USD")).isEqualTo(new BigDecimal("33.33"));
    assertThat(weighted.get("JPY")).isEqualTo(new BigDecimal("333"));
  }

  @Test
  void groupByCurrency_currencyCellWithoutAmount_groupsTheDealInThatCurrency() throws IOException {
    String csv = """
        deal_id,stage,entered_at,amount,currency
        P,A,2024-01-01,,EUR
        Q,A,2024-01-01,50,USD
        R,A,2024-01-01,,
        """;

    Map<String, Object> groups = JsonOf.map(metrics(csv, "--group-by", "currency", "--currency", "GBP").get("groups"));

    // R names no currency: the default one (--currency)
    assertThat(groups.keySet()).containsExactlyInAnyOrder("EUR", "USD", "GBP");
    assertThat(JsonOf.map(groups.get("EUR"))).containsEntry("deals", new BigDecimal(1));
  }

  @Test
  void currencyCellWithoutAmount_isTheCurrencyOfALaterAmountGivenWithoutOne() throws IOException {
    String csv = """
        deal_id,stage,entered_at,amount,currency
        P,A,2024-01-01,,EUR
        P,B,2024-01-05,120,
        """;

    Map<String, Object> json = metrics(csv, "--currency", "USD");

    assertThat(JsonOf.map(json.get("weightedPipeline")).keySet()).containsExactly("EUR");
  }

  @Test
  @SuppressWarnings("unchecked")
  void prioritize_expectedValueOfARepeatingWinRate_isInTheMinorUnit() throws IOException {
    Path file = dir.resolve("history.csv");
    Files.writeString(file, """
        deal_id,stage,entered_at,amount,currency
        W,A,2024-01-01,10.00,USD
        W,Won,2024-01-05,,
        L1,A,2024-01-01,10.00,USD
        L1,Lost,2024-01-05,,
        L2,A,2024-01-01,10.00,USD
        L2,Lost,2024-01-05,,
        O1,A,2024-01-02,100.00,USD
        O2,A,2024-01-02,1000,JPY
        """, StandardCharsets.UTF_8);

    assertThat(cli.run("prioritize", "--history", file.toString(), "--stages", "A,B", "--format", "json"))
        .as("exit status; stderr %s", cli.errLines()).isZero();

    // 1 won of 3 closed from A: 100.00 USD x 1/3 and 1000 JPY x 1/3
    java.util.List<Map<String, Object>> deals = (java.util.List<Map<String, Object>>) JsonOf.object(cli.out())
        .get("deals");
    Map<String, Object> values = new java.util.HashMap<>();
    deals.forEach(d -> values.putAll(JsonOf.map(d.get("expectedValue"))));
    assertThat(values).containsEntry("USD", new BigDecimal("33.33")).containsEntry("JPY", new BigDecimal("333"));
  }
}
