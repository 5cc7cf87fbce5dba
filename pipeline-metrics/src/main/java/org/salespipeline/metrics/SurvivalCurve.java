package org.salespipeline.metrics;

import io.vavr.control.Option;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;
import org.salespipeline.metrics.internal.KaplanMeier;

/**
 * The Kaplan–Meier estimate of the time from a deal's creation to its close: closing (won or
 * lost) is the event, and a deal still open at the as-of instant is censored at its age. Events
 * are counted before censorings at equal times. Unlike a mean over closed deals only, it is not
 * biased by the deals that have not closed yet.
 *
 * <p>Immutable and thread-safe; equal when the steps, the counts and the median are equal.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class SurvivalCurve {

  private static final double MILLIS_PER_DAY = 86_400_000.0;

  /**
   * One step of the curve: at a time when at least one deal closed.
   *
   * @param days the time since creation, in days
   * @param atRisk the number of deals not yet closed nor censored just before it
   * @param events the number of deals that closed at it
   * @param survival the estimated probability that a deal is still open just after it
   */
  public record Step(double days, long atRisk, long events, double survival) {}

  SurvivalCurve() {}

  static SurvivalCurve of(long[] sortedEventMillis, long[] sortedCensorMillis) {
    KaplanMeier km = KaplanMeier.estimate(sortedEventMillis, sortedCensorMillis);
    int median = km.medianStep();
    return ImmutableSurvivalCurve.builder().stepView(new StepView(new Steps(km)))
        .subjects(sortedEventMillis.length + (long) sortedCensorMillis.length).events(sortedEventMillis.length)
        .medianDays(median < 0 ? Option.none() : Option.some(km.time(median) / MILLIS_PER_DAY)).build();
  }

  /** The steps, held without the generated builder's copy (see {@link StepView}). */
  abstract StepView stepView();

  /**
   * The steps as one list, taken as it is: the generated builder would copy a list attribute,
   * making every step of the lazy view into an object. Equal when the steps are.
   */
  record StepView(List<Step> steps) {}

  /**
   * The steps as an unmodifiable view of the estimate's arrays: a curve over a million deals has
   * hundreds of thousands of steps, made into objects only when a caller reads them.
   */
  private static final class Steps extends AbstractList<Step> implements RandomAccess {

    private final KaplanMeier km;

    Steps(KaplanMeier km) {
      this.km = km;
    }

    @Override
    public Step get(int index) {
      Objects.checkIndex(index, km.steps());
      return new Step(km.time(index) / MILLIS_PER_DAY, km.atRisk(index), km.events(index), km.survival(index));
    }

    @Override
    public int size() {
      return km.steps();
    }
  }

  /**
   * Returns the steps of the curve, one per distinct close time, in time order.
   *
   * @return an unmodifiable list, empty if no deal closed
   */
  public List<Step> steps() {
    return stepView().steps();
  }

  /**
   * Returns the number of deals the curve is over (closed and censored).
   *
   * @return the count
   */
  public abstract long subjects();

  /**
   * Returns the number of deals that closed.
   *
   * @return the count
   */
  public abstract long events();

  /**
   * Returns the number of deals censored (still open at the as-of instant).
   *
   * @return the count
   */
  public long censored() {
    return subjects() - events();
  }

  /**
   * Returns the estimated probability that a deal is still open {@code days} after its creation.
   *
   * @param days the time since creation in days, not negative
   * @return the survival in [0, 1], or none if the curve is over no deals
   * @throws IllegalArgumentException if days is negative or NaN
   */
  public Option<Double> survivalAt(double days) {
    if (!(days >= 0)) {
      throw new IllegalArgumentException("days must not be negative but was " + days);
    }
    if (subjects() == 0) {
      return Option.none();
    }
    double s = 1.0;
    for (Step step : steps()) {
      if (step.days() > days) {
        break;
      }
      s = step.survival();
    }
    return Option.some(s);
  }

  /**
   * Returns the median time to close: the first time at which the estimated survival is at or
   * below one half (as lifelines' {@code median_survival_time_}), decided exactly on the counts:
   * a survival of exactly one half, such as 9/10 · 7/9 · 5/7, counts however a product of doubles
   * rounds it (and its step's {@link Step#survival()} is then exactly {@code 0.5}).
   *
   * @return the median in days, or none if fewer than half of the deals are estimated to close
   *     within the observed times
   */
  public abstract Option<Double> medianDays();

  @Override
  public String toString() {
    return "Kaplan-Meier over " + subjects() + " deals (" + events() + " closed, " + censored()
        + " censored), median " + FigureFormat.PLAIN.days(medianDays()) + " days";
  }
}
