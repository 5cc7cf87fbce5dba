package org.salespipeline.core;

import io.vavr.control.Either;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.Objects;
import java.util.RandomAccess;

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
    events = events instanceof OneEvent one ? one : List.copyOf(Objects.requireNonNull(events, "events"));
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
    return new Change(deal, new OneEvent(event));
  }

  /**
   * The events of a single command: an unmodifiable list of one event, in one object of 16 bytes
   * where {@code List.of(event)} takes 24. Every command makes one, so it is the one list here.
   */
  private static final class OneEvent extends AbstractList<DealEvent> implements RandomAccess {
    private final DealEvent event;

    OneEvent(DealEvent event) {
      this.event = Objects.requireNonNull(event, "event");
    }

    @Override
    public DealEvent get(int index) {
      Objects.checkIndex(index, 1);
      return event;
    }

    @Override
    public int size() {
      return 1;
    }

    // unmodifiable as List.of is: AbstractList would accept the mutators that change nothing, so refuse them all

    @Override
    public boolean add(DealEvent e) {
      throw unmodifiable();
    }

    @Override
    public boolean addAll(Collection<? extends DealEvent> c) {
      throw unmodifiable();
    }

    @Override
    public boolean addAll(int index, Collection<? extends DealEvent> c) {
      throw unmodifiable();
    }

    @Override
    public boolean remove(Object o) {
      throw unmodifiable();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
      throw unmodifiable();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
      throw unmodifiable();
    }

    @Override
    public boolean removeIf(Predicate<? super DealEvent> filter) {
      throw unmodifiable();
    }

    @Override
    public void replaceAll(UnaryOperator<DealEvent> operator) {
      throw unmodifiable();
    }

    @Override
    public void sort(Comparator<? super DealEvent> c) {
      throw unmodifiable();
    }

    @Override
    public void clear() {
      throw unmodifiable();
    }

    @Override
    public Iterator<DealEvent> iterator() {
      return List.of(event).iterator();
    }

    @Override
    public ListIterator<DealEvent> listIterator(int index) {
      return List.of(event).listIterator(index);
    }

    @Override
    public List<DealEvent> subList(int fromIndex, int toIndex) {
      return List.of(event).subList(fromIndex, toIndex);
    }

    private static UnsupportedOperationException unmodifiable() {
      return new UnsupportedOperationException("a change's events cannot be changed");
    }
  }
}
