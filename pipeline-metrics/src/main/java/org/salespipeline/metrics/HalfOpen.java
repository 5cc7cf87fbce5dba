package org.salespipeline.metrics;

import java.util.Objects;

/**
 * The rule of a half-open interval {@code [start, end)}, written once for {@link DateRange} (dates)
 * and {@link Window} (instants): not empty, the start in, the end out.
 */
final class HalfOpen {

  private HalfOpen() {}

  /** Throws naming the bound unless both are set and the end is after the start. */
  static <T extends Comparable<? super T>> void check(T start, T end, String startName, String endName) {
    Objects.requireNonNull(start, startName);
    Objects.requireNonNull(end, endName);
    if (end.compareTo(start) <= 0) {
      throw new IllegalArgumentException(endName + " must be after " + startName + " " + start + " but was " + end);
    }
  }

  /** Tells whether {@code start <= point < end}. */
  static <T extends Comparable<? super T>> boolean contains(T start, T end, T point) {
    return point.compareTo(start) >= 0 && point.compareTo(end) < 0;
  }

  static String toString(Object start, Object end) {
    return "[" + start + ", " + end + ")";
  }
}
