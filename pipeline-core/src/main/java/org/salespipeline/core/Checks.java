package org.salespipeline.core;

import java.util.Objects;

/** Argument checks whose messages name the parameter and the bad value. */
final class Checks {

  private Checks() {}

  static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static double probability(double value, String name) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be within [0, 1] but was " + value);
    }
    return value;
  }

  static Money nonNegative(Money value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + value);
    }
    return value;
  }
}
