package org.salespipeline.core;

import java.util.Objects;
import java.util.function.Predicate;
import org.immutables.value.Value;
import org.salespipeline.core.internal.ValueStyle;

/**
 * A named condition a deal must meet to enter a stage, with the sentence a salesperson reads when
 * it is not met ("budget not confirmed").
 *
 * <p>Two criteria are equal when they have the same name and reason: the test itself is code and
 * is not compared. Immutable and thread-safe if the test is.
 */
@Value.Immutable
@ValueStyle
@SuppressWarnings("exports") // the compile-only Immutables annotations are not part of the API
public abstract class EntryCriterion {

  EntryCriterion() {}

  /**
   * Returns a criterion.
   *
   * @param name a short stable name such as {@code "budget"}, not blank
   * @param reason what is wrong when the test fails, such as {@code "budget not confirmed"}, not
   *     blank
   * @param test true when the deal meets the criterion; must be side-effect free and thread-safe
   * @return the criterion, never null
   * @throws IllegalArgumentException if name or reason is blank
   */
  public static EntryCriterion of(String name, String reason, Predicate<? super Deal> test) {
    return ImmutableEntryCriterion.builder().name(Checks.notBlank(name, "name")).reason(Checks.notBlank(reason, "reason"))
        .test(test).build();
  }

  /**
   * Returns the criterion's stable name.
   *
   * @return the name, never null
   */
  public abstract String name();

  /**
   * Returns the sentence shown when a deal does not meet the criterion.
   *
   * @return the reason, never null
   */
  public abstract String reason();

  /** The test itself: code, so not compared ({@code Auxiliary} leaves it out of equality). */
  @Value.Auxiliary
  abstract Predicate<? super Deal> test();

  /**
   * Tells whether a deal meets the criterion.
   *
   * @param deal the deal, not null
   * @return true if the deal meets it
   */
  public boolean isMetBy(Deal deal) {
    return test().test(Objects.requireNonNull(deal, "deal"));
  }

  @Override
  public String toString() {
    return name() + " (" + reason() + ")";
  }
}
