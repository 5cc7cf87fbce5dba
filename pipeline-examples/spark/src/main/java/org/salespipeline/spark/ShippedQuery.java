package org.salespipeline.spark;

import java.util.Currency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.Window;

/**
 * The recipe of a query made of values only: as-of instant, window, grouping by owner or by an
 * attribute (rebuilt by name), trends, forecast period, quotas and simulation. A query with a
 * probability function or a converter needs a {@link Recipe} of the caller's.
 */
record ShippedQuery(Instant asOf, @Nullable Instant from, @Nullable Instant to, @Nullable String grouping,
    @Nullable CalendarUnit trends, String zone, @Nullable LocalDate forecastStart, @Nullable LocalDate forecastEnd,
    Map<String, BigDecimal> quotas, long seed, int trials) implements Recipe<MetricsQuery> {

  private static final long serialVersionUID = 1L;

  static Recipe<MetricsQuery> of(MetricsQuery query) {
    if (query.probability().isDefined() || query.converter().isDefined()) {
      throw new IllegalArgumentException("query " + query + " has a probability function or a converter, which"
          + " cannot be sent to the executors as they are; pass a Recipe<MetricsQuery> that builds the query");
    }
    Map<String, BigDecimal> quotas = new TreeMap<>();
    query.quotas().forEach((currency, quota) -> quotas.put(currency.getCurrencyCode(), quota.amount()));
    return new ShippedQuery(query.asOf(), query.window().map(Window::from).getOrNull(),
        query.window().map(Window::to).getOrNull(), query.grouping().map(Grouping::name).getOrNull(),
        query.trends().getOrNull(), query.zone().getId(),
        query.forecastPeriod().map(p -> p.start()).getOrNull(), query.forecastPeriod().map(p -> p.end()).getOrNull(),
        quotas, query.seed(), query.trials());
  }

  @Override
  public MetricsQuery get() {
    MetricsQuery query = MetricsQuery.asOf(asOf).withSimulation(seed, trials);
    if (from != null && to != null) {
      query = query.withWindow(from, to);
    }
    if (grouping != null) {
      query = query.withGrouping(grouping.equals("owner") ? Grouping.owner() : Grouping.attribute(grouping));
    }
    if (trends != null) {
      query = query.withTrends(trends, ZoneId.of(zone));
    }
    if (forecastStart != null && forecastEnd != null) {
      query = query.withForecast(forecastStart, forecastEnd);
    }
    for (Map.Entry<String, BigDecimal> quota : quotas.entrySet()) {
      query = query.withQuota(Money.of(quota.getValue(), Currency.getInstance(quota.getKey())));
    }
    return query;
  }
}
