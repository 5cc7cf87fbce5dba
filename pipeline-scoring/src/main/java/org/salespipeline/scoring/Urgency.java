package org.salespipeline.scoring;

import io.vavr.control.Option;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.RottingClock;
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
    ScoringChecks.requireWeight(closeWeight, "closeWeight");
    ScoringChecks.requireWeight(rottingWeight, "rottingWeight");
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
   * Returns the multiplier of an open deal's priority at an instant, the deal taken as it was then.
   *
   * @param deal the deal, not null, of the pipeline; one opened after {@code asOf} gets 1
   * @param pipeline the pipeline, not null
   * @param asOf the instant, not null
   * @return the multiplier, 1 or more and finite (weights near {@code Double.MAX_VALUE} give at most it)
   */
  public double multiplier(Deal deal, Pipeline pipeline, Instant asOf) {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(asOf, "asOf");
    Deal then = deal.lastEventAt().isAfter(asOf) ? deal.asOf(asOf).getOrNull() : deal;
    return then == null ? 1.0 : multiplier(then, pipeline, asOf, today(asOf));
  }

  /** The date of an instant in the zone, which closeness counts from; null if closeness does not count. */
  @Nullable LocalDate today(Instant asOf) {
    if (closeWeight == 0) {
      return null;
    }
    try {
      return LocalDate.ofInstant(asOf, zone);
    } catch (DateTimeException e) {
      // Instant reaches a little beyond LocalDate's years: such an instant is after (before) every date
      return asOf.isAfter(Instant.EPOCH) ? LocalDate.MAX : LocalDate.MIN;
    }
  }

  /** The multiplier of a deal as of the instant, with {@link #today(Instant)} computed once for a ranking. */
  double multiplier(Deal deal, Pipeline pipeline, Instant asOf, @Nullable LocalDate today) {
    double m = 1.0;
    Option<LocalDate> expectedClose = deal.expectedClose();
    if (today != null && expectedClose.isDefined()) {
      long days = ChronoUnit.DAYS.between(today, expectedClose.get());
      double closeness = days <= 0 ? 1.0 : Math.max(0.0, 1.0 - (double) days / horizonDays);
      m += closeWeight * closeness;
    }
    if (rottingWeight > 0) {
      Stage stage = pipeline.stage(deal.stageId()).getOrNull();
      if (stage != null && stage.rottingAfter().isDefined()
          && isRotting(deal, pipeline, stage.rottingAfter().get(), asOf)) {
        m += rottingWeight;
      }
    }
    return Math.min(m, Double.MAX_VALUE);
  }

  /**
   * {@link Pipeline#isRotting} of a deal as of the instant, without reading its history when its own
   * instants decide: on the stage-entry clock, the time in the current stage is at least
   * {@code asOf - lastEventAt} (the stage was entered at an event) and at most {@code asOf - createdAt}.
   */
  private static boolean isRotting(Deal deal, Pipeline pipeline, Duration threshold, Instant asOf) {
    if (pipeline.policy().rottingClock() == RottingClock.STAGE_ENTRY && deal.isOpen()) {
      if (Duration.between(deal.lastEventAt(), asOf).compareTo(threshold) > 0) {
        return true;
      }
      if (Duration.between(deal.createdAt(), asOf).compareTo(threshold) <= 0) {
        return false;
      }
    }
    return pipeline.isRotting(deal, asOf);
  }
}
