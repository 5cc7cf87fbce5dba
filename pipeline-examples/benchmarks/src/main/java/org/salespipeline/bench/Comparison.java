package org.salespipeline.bench;

import java.util.Locale;
import java.util.Objects;

/**
 * One timed comparison of ours against another approach on the same work, printed as the harness's
 * machine-readable line: {@code COMPARE <what> ours=<ms> <other>=<ms> speedup=<other/ours>}.
 *
 * @param what what was compared: {@code metrics}, {@code transitions}…
 * @param other the other approach: {@code duckdb}, {@code streams}, {@code spring-statemachine}…
 * @param oursMillis our median time in milliseconds
 * @param otherMillis the other approach's median time in milliseconds
 */
record Comparison(String what, String other, double oursMillis, double otherMillis) {

  Comparison {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(other, "other");
    if (!(oursMillis > 0) || !(otherMillis > 0)) {
      throw new IllegalArgumentException("times must be positive but were " + oursMillis + " and " + otherMillis);
    }
  }

  /** How many times faster ours is: the other's time over ours. */
  double speedup() {
    return otherMillis / oursMillis;
  }

  String line() {
    return String.format(Locale.ROOT, "COMPARE %s ours=%.3f %s=%.3f speedup=%.2f", what, oursMillis, other,
        otherMillis, speedup());
  }
}
