package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.internal.RadixSort;

/**
 * The deals open at T with their stage and the age of their current stay, in parallel arrays:
 * whether one is stuck is known only when the norms (90th percentiles of completed stays) are.
 */
final class OpenDeals {

  private int size;
  private int[] stages = new int[0];
  private long[] ages = new long[0];
  private Deal[] deals = new Deal[0];

  void add(int stage, long age, Deal deal) {
    if (size == stages.length) {
      grow(Math.max(8, size + (size >> 1)));
    }
    stages[size] = stage;
    ages[size] = age;
    deals[size] = deal;
    size++;
  }

  private void grow(int capacity) {
    stages = Arrays.copyOf(stages, capacity);
    ages = Arrays.copyOf(ages, capacity);
    deals = Arrays.copyOf(deals, capacity);
  }

  void addAll(OpenDeals other) {
    if (size + other.size > stages.length) {
      grow(size + other.size);
    }
    System.arraycopy(other.stages, 0, stages, size, other.size);
    System.arraycopy(other.ages, 0, ages, size, other.size);
    System.arraycopy(other.deals, 0, deals, size, other.size);
    size += other.size;
  }

  /**
   * The stuck deals, furthest over their norm first, then by deal id. In a data set where most
   * open deals are stuck these are hundreds of thousands: they are ordered by a radix sort of their
   * days over the norm (as a sortable {@code long}), and only equal days by comparing ids.
   */
  List<StuckDeal> stuck(Norms norms, Function<Deal, Option<Money>> amount) {
    StuckDeal[] found = new StuckDeal[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (norms.beyond(stages[i], ages[i])) {
        found[count++] = norms.stuck(stages[i], ages[i], deals[i], amount.apply(deals[i]));
      }
    }
    long[] keys = new long[count];
    for (int j = 0; j < count; j++) {
      keys[j] = descending(found[j].overDays());
    }
    int[] order = RadixSort.order(keys);
    StuckDeal[] stuck = new StuckDeal[count];
    for (int j = 0; j < count; j++) {
      stuck[j] = found[order[j]];
    }
    for (int from = 0, to; from < count; from = to) {
      to = from + 1;
      while (to < count && keys[order[to]] == keys[order[from]]) {
        to++;
      }
      if (to - from > 1) {
        Arrays.sort(stuck, from, to, Comparator.comparing(StuckDeal::dealId));
      }
    }
    return List.of(stuck);
  }

  /** A long whose ascending order is the descending order of {@link Double#compare}. */
  private static long descending(double value) {
    long bits = Double.doubleToLongBits(value);
    return ~(bits ^ ((bits >> 63) & Long.MAX_VALUE));
  }
}
