package org.salespipeline.core;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Objects;

/**
 * What an accepted command produced: the new deal and the events to append to the host's store.
 *
 * <p>Immutable and thread-safe.
 *
 * @param deal the deal after the command
 * @param events the events the command produced, in order; never empty
 */
public record Change(Deal deal, List<DealEvent> events) {
  /**
   * Creates the value, checking that no component is null.
   *
   * @param deal the deal after the command
   * @param events the events the command produced, in order; never empty
   */
  public Change {
    Objects.requireNonNull(deal, "deal");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
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
      List<DealEvent> joined = new ArrayList<>(events);
      joined.addAll(c.events);
      return new Change(c.deal, joined);
    });
  }

  static Change of(Deal deal, DealEvent event) {
    return new Change(deal, List.of(event));
  }
}
