package org.salespipeline.metrics;

import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

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
    owners = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(owners, "owners")));
  }

  /**
   * Returns, per currency of the team's quota, the owners who won or have pipeline in that
   * currency in the period but have no quota in it: the reason the team has no attainment and no
   * coverage in that currency (see {@link ForecastFigures}). Owners with deals but none won and
   * none in the pipeline (only omitted or lost) are not needed.
   *
   * @return an unmodifiable map by currency code, each with its owners in ascending order; empty
   *     when the team's ratios are defined in every currency of its quota (or there is no quota)
   */
  public Map<Currency, SortedSet<String>> ownersWithoutQuota() {
    return ownersWithoutQuota(team.quota().keySet(), owners);
  }

  /** The owners without a quota in a currency of the team's quota who won or have pipeline in it. */
  static Map<Currency, SortedSet<String>> ownersWithoutQuota(Set<Currency> teamQuota,
      Map<String, ForecastFigures> owners) {
    Map<Currency, SortedSet<String>> missing = new HashMap<>();
    owners.forEach((owner, figures) -> {
      for (Currency c : teamQuota) {
        if (!figures.quota().containsKey(c)
            && !(figures.closedWon().amount(c).isZero() && figures.pipeline().amount(c).isZero())) {
          missing.computeIfAbsent(c, k -> new TreeSet<>()).add(owner);
        }
      }
    });
    missing.replaceAll((c, names) -> Collections.unmodifiableSortedSet(names));
    return Maps.byCurrency(missing);
  }
}
