package org.salespipeline.core;

import io.vavr.control.Either;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Rebuilds a deal from its events by running each event back through the pipeline's command, so
 * that a replayed history obeys exactly the rules a live one does; the command must produce the
 * very event that was stored. A stored event the command would refuse as a programmer error (a
 * negative amount, a probability out of range, another pipeline) is a bad event too, reported with
 * its index like a rejected one.
 */
final class Replay {

  private Replay() {}

  static Deal replay(Pipeline pipeline, Iterable<? extends DealEvent> events) {
    Iterator<? extends DealEvent> it = events.iterator();
    if (!it.hasNext()) {
      throw new InvalidHistoryException(0, "there are no events; a history starts with Opened");
    }
    DealEvent first = it.next();
    if (!(first instanceof DealEvent.Opened opened)) {
      throw new InvalidHistoryException(0, "a history starts with Opened but was " + first);
    }
    Deal deal = check(0, opened, decide(0, () -> pipeline.decideOpened(opened)));
    for (int index = 1; it.hasNext(); index++) {
      DealEvent event = it.next();
      if (event == null) {
        throw new InvalidHistoryException(index, "the event is null");
      }
      if (!event.dealId().equals(deal.id())) {
        throw new InvalidHistoryException(index, "it belongs to deal " + event.dealId() + ", not " + deal.id());
      }
      Deal current = deal;
      deal = check(index, event, decide(index, () -> pipeline.decide(current, event)));
    }
    return deal;
  }

  private static Either<Rejection, Change> decide(int index, Supplier<Either<Rejection, Change>> command) {
    try {
      return command.get();
    } catch (InvalidHistoryException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidHistoryException(index, e.getMessage(), e);
    }
  }

  private static Deal check(int index, DealEvent event, Either<Rejection, Change> decided) {
    if (decided.isLeft()) {
      throw new InvalidHistoryException(index, decided.getLeft().message());
    }
    DealEvent produced = decided.get().events().get(0);
    if (!produced.equals(event)) {
      throw new InvalidHistoryException(index, "it does not follow from the deal's state: expected " + produced
          + " but was " + event);
    }
    return decided.get().deal();
  }
}
