package org.salespipeline.scoring;

/** Argument checks shared by the scoring values. */
final class ScoringChecks {

  private ScoringChecks() {}

  static double requireProbability(double value, String name) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be within [0, 1] but was " + value);
    }
    return value;
  }

  static double requireWeight(double value, String name) {
    if (!(value >= 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0 but was " + value);
    }
    return value;
  }

  static String requireId(String id, String name) {
    java.util.Objects.requireNonNull(id, name);
    if (!id.matches("[a-z0-9]+([-.][a-z0-9]+)*")) {
      throw new IllegalArgumentException(name + " must be lower-case words joined by hyphens or dots, such as 'naive-bayes', but was '" + id + "'");
    }
    return id;
  }
}
