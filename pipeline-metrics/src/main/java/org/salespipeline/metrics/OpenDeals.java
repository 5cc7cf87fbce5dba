package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;

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
      int capacity = Math.max(8, size + (size >> 1));
      stages = Arrays.copyOf(stages, capacity);
      ages = Arrays.copyOf(ages, capacity);
      deals = Arrays.copyOf(deals, capacity);
    }
    stages[size] = stage;
    ages[size] = age;
    deals[size] = deal;
    size++;
  }

  void addAll(OpenDeals other) {
    for (int i = 0; i < other.size; i++) {
      add(other.stages[i], other.ages[i], other.deals[i]);
    }
  }

  /** The stuck deals, furthest over their norm first, then by deal id. */
  List<StuckDeal> stuck(Pipeline pipeline, Norms norms, Function<Deal, Option<Money>> amount) {
    List<StuckDeal> stuck = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (norms.beyond(stages[i], ages[i])) {
        stuck.add(norms.stuck(stages[i], ages[i], deals[i], amount.apply(deals[i])));
      }
    }
    stuck.sort(Comparator.comparingDouble(StuckDeal::overDays).reversed().thenComparing(StuckDeal::dealId));
    return List.copyOf(stuck);
  }
}
