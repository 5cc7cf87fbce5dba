package org.salespipeline.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many open deals a review looked at, how many have at least one flag, and how many have
 * each flag (a deal with two flags counts under both).
 *
 * <p>Immutable and thread-safe.
 *
 * @param openDeals the open deals reviewed
 * @param flaggedDeals the open deals with at least one flag
 * @param byFlag the deals with each flag; every flag has an entry, in {@link HygieneFlag} order
 */
public record HygieneCounts(long openDeals, long flaggedDeals, Map<HygieneFlag, Long> byFlag) {

  /**
   * Creates the value, checking it and copying the map (a missing flag counts zero).
   *
   * @param openDeals the open deals reviewed, not negative
   * @param flaggedDeals the deals with a flag, within [0, openDeals]
   * @param byFlag the deals per flag, not null, each within [0, flaggedDeals]
   * @throws IllegalArgumentException if the counts are out of range
   */
  public HygieneCounts {
    Objects.requireNonNull(byFlag, "byFlag");
    if (openDeals < 0 || flaggedDeals < 0 || flaggedDeals > openDeals) {
      throw new IllegalArgumentException("flaggedDeals must be within [0, openDeals] but was " + flaggedDeals
          + " of " + openDeals);
    }
    EnumMap<HygieneFlag, Long> all = new EnumMap<>(HygieneFlag.class);
    for (HygieneFlag flag : HygieneFlag.values()) {
      long n = byFlag.getOrDefault(flag, 0L);
      if (n < 0 || n > flaggedDeals) {
        throw new IllegalArgumentException("byFlag must count within [0, flaggedDeals] but counts " + n + " for "
            + flag);
      }
      all.put(flag, n);
    }
    byFlag = Collections.unmodifiableMap(all);
  }

  /**
   * Returns the number of deals with a flag.
   *
   * @param flag the flag, not null
   * @return the count, not negative
   */
  public long count(HygieneFlag flag) {
    return byFlag.get(Objects.requireNonNull(flag, "flag"));
  }
}
