package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Money;

/**
 * Examples of a forecast roll-up's values: {@link PeriodForecast#ownersWithoutQuota()} is
 * unmodifiable as documented, down to each currency's set of owners (a caller cannot change a report
 * another thread reads), and the printed table has a row for each currency of a period. The deals
 * and their worked figures are {@link ForecastRollupTest}'s: in March, bo has 5000 USD of pipeline
 * and no quota; the team has won 2000 USD and 1500 EUR, commit 5000 USD and 1500 EUR, best case 9000
 * USD and 1500 EUR, pipeline 12000 USD and omitted 1300 USD.
 */
class ForecastValuesTest {

  @Test
  void theOwnersOfACurrency_cannotBeChanged() {
    ForecastQuery anaOnly = ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))
        .withQuota(TrendPeriod.parse("2025-03"), "ana", Money.parse("10000", "USD"));
    PeriodForecast march = ForecastRollup.of(RevenueSample.REVENUE).calculate(ForecastRollupTest.deals(), anaOnly)
        .period(TrendPeriod.parse("2025-03")).get();

    SortedSet<String> owners = march.ownersWithoutQuota().get(Currency.getInstance("USD"));

    assertThat(owners).containsExactly("bo");
    assertThatThrownBy(() -> owners.add("cy")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> owners.removeAll(List.of("bo"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void thePrintedTable_hasARowPerCurrency_inTheOrderOfTheirCodes() {
    ForecastQuery noQuota = ForecastQuery.of(ForecastRollupTest.T, CalendarUnit.MONTH, ZoneId.of("Europe/Paris"));

    String text = ForecastRollup.of(RevenueSample.REVENUE).calculate(ForecastRollupTest.deals(), noQuota).toString();

    assertThat(text).containsPattern("2025-03\\s+\\(all\\)\\s+deals\\s+2\\s+4\\s+5\\s+4\\s+2[^\\n]*\\n"
        + "\\s+EUR\\s+1500\\.00\\s+1500\\.00\\s+1500\\.00\\s+0\\.00\\s+0\\.00[^\\n]*\\n"
        + "\\s+USD\\s+2000\\.00\\s+5000\\.00\\s+9000\\.00\\s+12000\\.00\\s+1300\\.00");
  }
}
