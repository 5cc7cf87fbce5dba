package org.salespipeline.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Deal;

/**
 * Reads one deal's history in place, event by event, without making event objects, map views or
 * instants: for the library's own metrics and scorers, which read millions of deals.
 * {@link Deal#history()} and {@link Deal#attributes()} are the public views.
 *
 * <p>Not API: exported only to the library's modules, and may change in any release. A cursor
 * starts at the opening (index 0) and runs to {@link #size()} - 1. Mutable and not thread-safe:
 * one cursor per thread; the deal it reads is immutable.
 *
 * <p>The one implementation is core's own, found by {@link #of(Deal)} through a private factory
 * of {@link Deal} that only core's module can look up: nothing installs or replaces it.
 */
public abstract class DealCursor {

  private static final MethodHandle FACTORY = inDeal("cursor", MethodType.methodType(DealCursor.class, Deal.class));
  private static final MethodHandle ATTRIBUTE =
      inDeal("attributeOf", MethodType.methodType(String.class, Deal.class, String.class));

  /** For core's implementation; another subclass reads nothing, as it cannot see a deal's history. */
  protected DealCursor() {}

  private static MethodHandle inDeal(String name, MethodType type) {
    try {
      // a full-privilege lookup in Deal is granted only to code of Deal's own module
      MethodHandles.Lookup deal = MethodHandles.privateLookupIn(Deal.class, MethodHandles.lookup());
      return deal.findStatic(Deal.class, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("bug: core's Deal has no private " + name + type, e);
    }
  }

  /**
   * Returns a cursor on the deal's opening event.
   *
   * @param deal the deal, not null
   * @return a new cursor at index 0
   */
  public static DealCursor of(Deal deal) {
    Objects.requireNonNull(deal, "deal");
    try {
      return (DealCursor) FACTORY.invokeExact(deal);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("bug: the cursor factory threw " + e, e);
    }
  }

  /**
   * Returns the value of one of a deal's attributes, as {@code deal.attributes().get(key)}, without
   * a cursor or a map view: for reads of one attribute per call.
   *
   * @param deal the deal, not null
   * @param key the attribute's key, not null
   * @return the value, or null if the deal has no such attribute
   */
  public static @Nullable String attributeOf(Deal deal, String key) {
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(key, "key");
    try {
      return (String) ATTRIBUTE.invokeExact(deal, key);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("bug: the attribute read threw " + e, e);
    }
  }

  /**
   * Moves the cursor to another deal's opening event, so that one cursor reads many deals.
   *
   * @param deal the deal, not null
   * @return this cursor, at index 0
   */
  public abstract DealCursor on(Deal deal);

  /**
   * Returns the number of events of the deal, as {@link Deal#version()}.
   *
   * @return the number of events, at least 1
   */
  public abstract int size();

  /**
   * Returns the index of the event the cursor is on.
   *
   * @return the index, within [0, size)
   */
  public abstract int index();

  /**
   * Moves the cursor to an event.
   *
   * @param index the event's index, within [0, size)
   * @return this cursor
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public abstract DealCursor at(int index);

  /**
   * Moves the cursor to the next event, if there is one.
   *
   * @return true if it moved, false if it is on the last event
   */
  public abstract boolean next();

  /**
   * Returns the stage the event put the deal into: the opening stage at index 0, the stage entered
   * by a move, win, loss or reopening.
   *
   * @return the stage id, or null if the event did not change the deal's stage
   */
  public abstract @Nullable String enteredStage();

  /**
   * Returns the event's instant in milliseconds since the epoch, as {@link Instant#toEpochMilli()}.
   *
   * @return the milliseconds
   * @throws ArithmeticException if the instant is beyond what a long of milliseconds holds
   */
  public abstract long epochMilli();

  /**
   * Compares the event's instant with another, exactly.
   *
   * @param other the instant to compare with, not null
   * @return negative, zero or positive as the event is before, at or after {@code other}
   */
  public abstract int compareAt(Instant other);

  /**
   * Returns the value of one of the deal's attributes now, as {@code deal.attributes().get(key)}.
   *
   * @param key the attribute's key, not null
   * @return the value, or null if the deal has no such attribute
   */
  public abstract @Nullable String attribute(String key);
}
