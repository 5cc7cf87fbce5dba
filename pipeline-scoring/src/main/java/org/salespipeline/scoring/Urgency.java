package org.salespipeline.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * How much sooner a deal should be worked because it is about to close or is rotting: a multiplier
 * of its priority, {@code 1 + closeWeight * closeness + rottingWeight * (rotting ? 1 : 0)}.
 *
 * <p>Closeness is 1 for a deal expected to close today or overdue, falling linearly to 0 at
 * {@code horizonDays} ahead (and for a deal with no expected close date). Rotting is
 * {@link Pipeline#isRotting(Deal, Instant)}. Dates are read in {@code zone}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param closeWeight the weight of closeness, finite and 0 or more
 * @param horizonDays how many days ahead closeness starts, at least 1
 * @param rottingWeight the weight of rotting, finite and 0 or more
 * @param zone the time zone of expected close dates, not null
 */
public record Urgency(double closeWeight, int horizonDays, double rottingWeight, ZoneId zone) {

  /** No urgency: every deal's multiplier is 1. */
  public static final Urgency NONE = new Urgency(0, 30, 0, ZoneOffset.UTC);

  /**
   * Creates the value, checking the ranges.
   *
   * @param closeWeight the weight of closeness, finite and 0 or more
   * @param horizonDays how many days ahead closeness starts, at least 1
   * @param rottingWeight the weight of rotting, finite and 0 or more
   * @param zone the time zone of expected close dates, not null
   * @throws IllegalArgumentException if a weight is negative or not finite, or horizonDays is below 1
   */
  public Urgency {
    Scores.requireWeight(closeWeight, "closeWeight");
    Scores.requireWeight(rottingWeight, "rottingWeight");
    Objects.requireNonNull(zone, "zone");
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be at least 1 but was " + horizonDays);
    }
  }

  /**
   * Returns an urgency in UTC.
   *
   * @param closeWeight the weight of closeness, finite and 0 or more
   * @param horizonDays how many days ahead closeness starts, at least 1
   * @param rottingWeight the weight of rotting, finite and 0 or more
   * @return the urgency, never null
   */
  public static Urgency of(double closeWeight, int horizonDays, double rottingWeight) {
    return new Urgency(closeWeight, horizonDays, rottingWeight, ZoneOffset.UTC);
  }

  /**
   * Tells whether every multiplier is 1.
   *
   * @return true if neither closeness nor rotting counts
   */
  public boolean isNone() {
    return closeWeight == 0 && rottingWeight == 0;
  }

  /**
   * Returns the multiplier of an open deal's priority at an instant.
   *
   * @param deal the deal, not null, of the pipeline
   * @param pipeline the pipeline, not null
   * @param asOf the instant, not null
   * @return the multiplier, 1 or more and finite (weights near {@code Double.MAX_VALUE} give at most it)
   */
  public double multiplier(Deal deal, Pipeline pipeline, Instant asOf) {
    double m = 1.0;
    if (closeWeight > 0 && deal.expectedClose().isDefined()) {
      LocalDate today = LocalDate.ofInstant(asOf, zone);
      long days = ChronoUnit.DAYS.between(today, deal.expectedClose().get());
      double closeness = days <= 0 ? 1.0 : Math.max(0.0, 1.0 - (double) days / horizonDays);
      m += closeWeight * closeness;
    }
    if (rottingWeight > 0) {
      Stage stage = pipeline.stage(deal.stageId()).getOrNull();
      if (stage != null && stage.rottingAfter().isDefined() && pipeline.isRotting(deal, asOf)) {
        m += rottingWeight;
      }
    }
    return Math.min(m, Double.MAX_VALUE);
  }
}
