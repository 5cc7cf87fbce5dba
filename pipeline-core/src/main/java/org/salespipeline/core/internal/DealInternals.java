package org.salespipeline.core.internal;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;

/**
 * Reads a deal in place, without making event objects, map views or instants: for the library's
 * own metrics and scorers, which read millions of deals. {@link Deal#history()} and
 * {@link Deal#attributes()} are the public views.
 *
 * <p>Not API: exported only to the library's modules, and may change in any release. Indexes run
 * from 0 (the opening) to {@link Deal#version()} - 1.
 */
public abstract class DealInternals {

  private static @Nullable DealInternals installed;

  /** For the core package, which alone can read a deal's fields. */
  protected DealInternals() {}

  /**
   * Installs the implementation; called once, by {@link Deal}'s class initialisation.
   *
   * @param access the implementation
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(DealInternals access) {
    if (installed != null) {
      throw new IllegalStateException("bug: deal histories are read by " + installed + " already");
    }
    installed = Objects.requireNonNull(access, "access");
  }

  /**
   * Returns the implementation.
   *
   * @return the implementation core installed
   */
  public static DealInternals get() {
    DealInternals access = Holder.ACCESS;
    return access;
  }

  private static final class Holder {
    static final DealInternals ACCESS = load();

    private static DealInternals load() {
      try {
        Class.forName(Deal.class.getName(), true, Deal.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("bug: core cannot load its own Deal class", e);
      }
      synchronized (DealInternals.class) {
        return Objects.requireNonNull(installed, "bug: Deal did not install its history reader");
      }
    }
  }

  /**
   * Returns the stage the event at the index put the deal into: the opening stage at index 0, the
   * stage entered by a move, win, loss or reopening.
   *
   * @param deal the deal, not null
   * @param index the event's index, within [0, version)
   * @return the stage id, or null if the event did not change the deal's stage
   */
  public abstract @Nullable String enteredStage(Deal deal, int index);

  /**
   * Returns the event's instant in milliseconds since the epoch, as {@link Instant#toEpochMilli()}.
   *
   * @param deal the deal, not null
   * @param index the event's index, within [0, version)
   * @return the milliseconds
   * @throws ArithmeticException if the instant is beyond what a long of milliseconds holds
   */
  public abstract long epochMilli(Deal deal, int index);

  /**
   * Compares the event's instant with another, exactly.
   *
   * @param deal the deal, not null
   * @param index the event's index, within [0, version)
   * @param other the instant to compare with, not null
   * @return negative, zero or positive as the event is before, at or after {@code other}
   */
  public abstract int compareAt(Deal deal, int index, Instant other);

  /**
   * Returns the value of one of the deal's attributes, as {@code deal.attributes().get(key)}.
   *
   * @param deal the deal, not null
   * @param key the attribute's key, not null
   * @return the value, or null if the deal has no such attribute
   */
  public abstract @Nullable String attribute(Deal deal, String key);
}
