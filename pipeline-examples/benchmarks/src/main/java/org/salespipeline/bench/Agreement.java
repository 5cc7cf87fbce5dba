package org.salespipeline.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether every approach computed the same figures as ours, before any time is printed. Prints
 * {@code AGREE <what>}, or {@code DISAGREE <what>} followed by one line per differing figure:
 * {@code DISAGREE <what> <figure> ours=<value> <other>=<value>} (at most {@value #SHOWN}, then how
 * many more).
 */
final class Agreement {

  static final int SHOWN = 20;

  private final String what;
  private final List<String> differences = new ArrayList<>();

  Agreement(String what) {
    this.what = Objects.requireNonNull(what, "what");
  }

  /** Records a difference unless the two values are equal. */
  Agreement compare(String figure, String other, Object ours, Object theirs) {
    if (!Objects.equals(ours, theirs)) {
      differ(figure, other, String.valueOf(ours), String.valueOf(theirs));
    }
    return this;
  }

  /**
   * Records a difference unless the two numbers are within a relative tolerance (for figures that
   * another engine computes in floating point, such as a mean of days).
   */
  Agreement compare(String figure, String other, double ours, double theirs, double relativeTolerance) {
    double scale = Math.max(1.0, Math.max(Math.abs(ours), Math.abs(theirs)));
    if (Double.isNaN(ours) != Double.isNaN(theirs) || Math.abs(ours - theirs) > relativeTolerance * scale) {
      differ(figure, other, Double.toString(ours), Double.toString(theirs));
    }
    return this;
  }

  /** Records a difference found by the caller. */
  Agreement differ(String figure, String other, String ours, String theirs) {
    differences.add(figure + " ours=" + ours + " " + other + "=" + theirs);
    return this;
  }

  boolean agrees() {
    return differences.isEmpty();
  }

  void print(PrintStream out) {
    if (agrees()) {
      out.println("AGREE " + what);
      return;
    }
    out.println("DISAGREE " + what);
    for (String difference : differences.subList(0, Math.min(SHOWN, differences.size()))) {
      out.println("DISAGREE " + what + " " + difference);
    }
    if (differences.size() > SHOWN) {
      out.println("DISAGREE " + what + " and " + (differences.size() - SHOWN) + " more differences");
    }
  }
}
