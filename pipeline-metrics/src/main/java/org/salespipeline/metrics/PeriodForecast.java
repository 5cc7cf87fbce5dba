package org.salespipeline.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * The forecast roll-up of one calendar period: the team's figures and each owner's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the month or quarter
 * @param team the figures of every deal in the period, with the sum of the owners' quotas
 * @param owners each owner's figures, by owner in ascending order; {@link Grouping#NONE} for deals
 *     without an owner
 */
public record PeriodForecast(TrendPeriod period, ForecastFigures team, Map<String, ForecastFigures> owners) {

  /**
   * Creates the value, checking that nothing is null and copying the map.
   *
   * @param period the month or quarter
   * @param team the team's figures
   * @param owners each owner's figures
   */
  public PeriodForecast {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(team, "team");
    owners = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Objects.requireNonNull(owners, "owners")));
  }
}
