package org.salespipeline.core;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named condition a deal must meet to enter a stage, with the sentence a salesperson reads when
 * it is not met ("budget not confirmed").
 *
 * <p>Two criteria are equal when they have the same name and reason: the test itself is code and
 * is not compared. Immutable and thread-safe if the test is.
 */
public final class EntryCriterion {

  private final String name;
  private final String reason;
  private final Predicate<? super Deal> test;

  private EntryCriterion(String name, String reason, Predicate<? super Deal> test) {
    this.name = name;
    this.reason = reason;
    this.test = test;
  }

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
    return new EntryCriterion(
        Checks.notBlank(name, "name"), Checks.notBlank(reason, "reason"), Objects.requireNonNull(test, "test"));
  }

  /**
   * Returns the criterion's stable name.
   *
   * @return the name, never null
   */
  public String name() {
    return name;
  }

  /**
   * Returns the sentence shown when a deal does not meet the criterion.
   *
   * @return the reason, never null
   */
  public String reason() {
    return reason;
  }

  /**
   * Tells whether a deal meets the criterion.
   *
   * @param deal the deal, not null
   * @return true if the deal meets it
   */
  public boolean isMetBy(Deal deal) {
    return test.test(Objects.requireNonNull(deal, "deal"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntryCriterion other && name.equals(other.name) && reason.equals(other.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, reason);
  }

  @Override
  public String toString() {
    return name + " (" + reason + ")";
  }
}
