package org.salespipeline.core;

import io.vavr.control.Either;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What an accepted command produced: the new deal and the events to append to the host's store.
 *
 * <p>A command's change makes its event from the new deal's history when {@link #events()} is
 * asked for (an equal event each time, in a new list), so that a caller who keeps only the deal
 * pays for no event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param deal the deal after the command
 * @param events the events the command produced, in order; never empty
 */
public record Change(Deal deal, List<DealEvent> events) {

  /**
   * The {@code events} of a command's change that did not change the deal's stage: the deal's
   * latest event, made when asked for. Never seen outside this class ({@link #events()} makes the
   * event), as every {@link Latest}.
   */
  private static final List<DealEvent> LATEST = new Latest(null);

  /**
   * Creates the value, checking that no component is null.
   *
   * @param deal the deal after the command
   * @param events the events the command produced, in order; never empty
   */
  public Change {
    Objects.requireNonNull(deal, "deal");
    if (!(events instanceof Latest)) {
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
    return events instanceof Latest latest ? List.of(deal.lastEvent(latest.fromStageId)) : events;
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

  /** The change of a command that appended one event to a deal without changing its stage. */
  static Change of(Deal deal) {
    return new Change(deal, LATEST);
  }

  /**
   * What stands in the {@code events} of the changes that take a deal out of {@code fromStageId}
   * (a move, a win, a loss): made once per stage by the pipeline, so that no command makes one.
   */
  static List<DealEvent> leaving(String fromStageId) {
    return new Latest(Objects.requireNonNull(fromStageId, "fromStageId"));
  }

  /**
   * The change of a move, win or loss that took the deal out of a stage, given what {@link #leaving}
   * made for it: the stage is kept, so that making the event costs the same however many events the
   * deal had since it entered that stage.
   */
  static Change ofStageChange(Deal deal, List<DealEvent> leaving) {
    if (!(leaving instanceof Latest latest) || latest.fromStageId == null) {
      throw new IllegalStateException("bug: a stage change's events must be what Change.leaving made");
    }
    return new Change(deal, leaving);
  }

  /**
   * Stands in the {@code events} field of a command's change for the deal's latest event, with the
   * stage the deal left if the event changed it (a record's field has the component's type, so this
   * is a list; one per stage of a pipeline, made with it). Never seen outside this class.
   */
  private static final class Latest extends AbstractList<DealEvent> {
    final @Nullable String fromStageId;

    Latest(@Nullable String fromStageId) {
      this.fromStageId = fromStageId;
    }

    @Override
    public DealEvent get(int index) {
      throw new IllegalStateException("bug: a change's stand-in for its event was read as a list");
    }

    @Override
    public int size() {
      return 1;
    }
  }
}
