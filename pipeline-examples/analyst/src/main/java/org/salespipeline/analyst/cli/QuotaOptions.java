package org.salespipeline.analyst.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.salespipeline.analyst.Export;
import org.salespipeline.core.Deal;
import org.salespipeline.metrics.ForecastQuery;
import org.salespipeline.metrics.Quota;
import picocli.CommandLine.Option;

/**
 * {@code --quotas FILE}, the quotas of the forecast roll-up ({@link QuotaFile}): one option and one
 * reading for {@code forecast} and {@code report}.
 */
final class QuotaOptions {

  @Option(names = "--quotas", paramLabel = "FILE", order = 22,
      description = "quotas per period and owner: a CSV period,owner,amount,currency")
  private Path quotas;

  /**
   * Returns the query with the file's quotas, or the query itself without {@code --quotas}.
   *
   * @param query the roll-up's query, whose unit every quota's period must be of
   * @param unitSource what sets the unit, for the message of a period of another unit
   *     ({@code "--period is"}, or {@code "the report's forecast is per"})
   * @param export the history, whose deals' owners are the only owners a quota may name
   * @param input the history's options, for the currency of a row without one
   */
  ForecastQuery addTo(ForecastQuery query, String unitSource, Export export, HistoryInput input)
      throws UsageException {
    if (quotas == null) {
      return query;
    }
    Set<String> owners = new HashSet<>();
    for (Deal deal : export.deals()) {
      if (!deal.owner().isBlank()) {
        owners.add(deal.owner());
      }
    }
    ForecastQuery with = query;
    String unit = unitSource + " " + query.unit().name().toLowerCase(Locale.ROOT);
    for (Quota quota : QuotaFile.read(quotas, query.unit(), unit, owners, input.defaultCurrency())) {
      with = with.withQuota(quota.period(), quota.owner(), quota.amount());
    }
    return with;
  }
}
