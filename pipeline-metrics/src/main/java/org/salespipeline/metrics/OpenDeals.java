package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.metrics.internal.RadixSort;

/**
 * The deals open at T with their stage and the age of their current stay, in parallel arrays:
 * whether one is stuck is known only when the norms (90th percentiles of completed stays) are.
 * What a stuck deal reports of the deal (id, owner, amount) is kept too, read while the deal is
 * in the cache anyway: going back to hundreds of thousands of deals scattered over the heap
 * after the pass would cost a cache miss each, in the serial end of a parallel calculation.
 */
final class OpenDeals {

  private int size;
  private int[] stages = new int[0];
  private long[] ages = new long[0];
  private String[] ids = new String[0];
  private String[] owners = new String[0];
  private @Nullable Money[] amounts = new Money[0];

  /** @param amount the deal's amount as the figures count it (converted), or null */
  void add(int stage, long age, Deal deal, @Nullable Money amount) {
    if (size == stages.length) {
      grow(Math.max(8, size + (size >> 1)));
    }
    stages[size] = stage;
    ages[size] = age;
    ids[size] = deal.id();
    owners[size] = deal.owner();
    amounts[size] = amount;
    size++;
  }

  private void grow(int capacity) {
    stages = Arrays.copyOf(stages, capacity);
    ages = Arrays.copyOf(ages, capacity);
    ids = Arrays.copyOf(ids, capacity);
    owners = Arrays.copyOf(owners, capacity);
    amounts = Arrays.copyOf(amounts, capacity);
  }

  void addAll(OpenDeals other) {
    if (size + other.size > stages.length) {
      grow(size + other.size);
    }
    System.arraycopy(other.stages, 0, stages, size, other.size);
    System.arraycopy(other.ages, 0, ages, size, other.size);
    System.arraycopy(other.ids, 0, ids, size, other.size);
    System.arraycopy(other.owners, 0, owners, size, other.size);
    System.arraycopy(other.amounts, 0, amounts, size, other.size);
    size += other.size;
  }

  /**
   * The stuck deals, furthest over their norm first, then by deal id. In a data set where most
   * open deals are stuck these are hundreds of thousands: they are ordered by a radix sort of their
   * days over the norm (as a sortable {@code long}), and only equal days by comparing ids.
   */
  List<StuckDeal> stuck(Norms norms) {
    StuckDeal[] found = new StuckDeal[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (norms.beyond(stages[i], ages[i])) {
        found[count++] = norms.stuck(stages[i], ages[i], ids[i], owners[i], Option.of(amounts[i]));
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

  // ------------------------------------------------------------------------------ wire form

  int size() {
    return size;
  }

  void writeTo(PartialResultFormat.Out out) {
    out.unsigned(size);
    for (int i = 0; i < size; i++) {
      out.unsigned(stages[i]);
      out.signed(ages[i]);
      out.string(ids[i]);
      out.string(owners[i]);
      Money amount = amounts[i];
      out.flag(amount != null);
      if (amount != null) {
        out.money(amount);
      }
    }
  }

  /** @param openStages the pipeline's number of open stages */
  void readFrom(PartialResultFormat.In in, int openStages) {
    int count = in.items("the number of open deals");
    grow(count);
    for (int i = 0; i < count; i++) {
      stages[i] = in.index("an open deal's stage", openStages);
      ages[i] = in.signed();
      in.check(ages[i] >= 0, "an open deal's age is negative");
      ids[i] = in.string("an open deal's id");
      owners[i] = in.string("an open deal's owner");
      amounts[i] = in.flag() ? in.money("an open deal's amount") : null;
      size++;
    }
  }
}
