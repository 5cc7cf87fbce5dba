package org.salespipeline.core;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an accepted command produced: the new deal and the events to append to the host's store.
 *
 * <p>A command's change makes its event from the new deal's history when {@link #events()} is
 * asked for (an equal event each time), so that a caller who keeps only the deal pays for no event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param deal the deal after the command
 * @param events the events the command produced, in order; never empty
 */
public record Change(Deal deal, List<DealEvent> events) {

  /** The events of a command's change: the deal's latest event, made when asked for. Never seen outside. */
  private static final List<DealEvent> LATEST = Collections.unmodifiableList(new ArrayList<>(1));

  /**
   * Creates the value, checking that no component is null.
   *
   * @param deal the deal after the command
   * @param events the events the command produced, in order; never empty
   */
  public Change {
    Objects.requireNonNull(deal, "deal");
    if (events != LATEST) {
      events = List.copyOf(Objects.requireNonNull(events, "events"));
      if (events.isEmpty()) {
        throw new IllegalArgumentException("events must not be empty");
      }
    }
  }

  /**
   * Returns the events the command produced, in order.
   *
   * @return an unmodifiable list, never empty
   */
  @Override
  public List<DealEvent> events() {
    return events == LATEST ? List.of(deal.lastEvent()) : events;
  }

  /**
   * Applies a further command to the new deal and joins both changes into one: the events of
   * both, in order, and the final deal. If the further command is rejected, so is the whole, and
   * nothing is to be stored: use it to make several commands one all-or-nothing change.
   *
   * <pre>{@code
   * pipeline.qualify(deal, qualified, at).flatMap(c -> c.then(d -> pipeline.move(d, "proposal", at)))
   * }</pre>
   *
   * @param command the further command, given the new deal; not null, must not return null
   * @return the rejection of the further command, or the joined change
   */
  public Either<Rejection, Change> then(Function<? super Deal, Either<Rejection, Change>> command) {
    Objects.requireNonNull(command, "command");
    Either<Rejection, Change> next = Objects.requireNonNull(command.apply(deal), "command returned null");
    return next.map(c -> {
      List<DealEvent> joined = new ArrayList<>(events());
      joined.addAll(c.events());
      return new Change(c.deal, joined);
    });
  }

  /**
   * Changes are equal when their deals and their events are.
   *
   * @param other the object to compare with
   * @return true if other is a change with an equal deal and equal events
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Change that && deal.equals(that.deal) && events().equals(that.events());
  }

  @Override
  public int hashCode() {
    return 31 * deal.hashCode() + events().hashCode();
  }

  @Override
  public String toString() {
    return "Change[deal=" + deal + ", events=" + events() + "]";
  }

  /** The change of a command that appended one event to a deal: the new deal. */
  static Change of(Deal deal) {
    return new Change(deal, LATEST);
  }
}
