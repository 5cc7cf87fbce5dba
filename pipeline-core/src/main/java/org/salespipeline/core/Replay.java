package org.salespipeline.core;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Iterator;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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

  static Deal restore(Iterable<? extends DealEvent> events) {
    Iterator<? extends DealEvent> it = events.iterator();
    if (!it.hasNext()) {
      throw new InvalidHistoryException(0, "there are no events; a history starts with Opened");
    }
    DealEvent first = it.next();
    if (!(first instanceof DealEvent.Opened opened)) {
      throw new InvalidHistoryException(0, "a history starts with Opened but was " + first);
    }
    Deal deal = build(0, () -> Deal.opened(opened, opened.stageId()));
    for (int index = 1; it.hasNext(); index++) {
      DealEvent event = it.next();
      String problem = wellFormed(deal, event);
      if (problem != null) {
        throw new InvalidHistoryException(index, problem);
      }
      Deal current = deal;
      deal = build(index, () -> current.evolve(event));
    }
    return deal;
  }

  /** What makes the event impossible in the deal's state, or null if it can follow. */
  private static @Nullable String wellFormed(Deal deal, @Nullable DealEvent event) {
    if (event == null) {
      return "the event is null";
    }
    if (!event.dealId().equals(deal.id())) {
      return "it belongs to deal " + event.dealId() + ", not " + deal.id();
    }
    if (event.at().isBefore(deal.lastEventAt())) {
      return "it happened at " + event.at() + ", before the previous event at " + deal.lastEventAt();
    }
    return switch (event.kind()) {
      case OPENED -> "a deal is opened only once";
      case STAGE_CHANGED -> leaves(deal, ((DealEvent.StageChanged) event).fromStageId());
      case WON -> leaves(deal, ((DealEvent.Won) event).fromStageId());
      case LOST -> leaves(deal, ((DealEvent.Lost) event).fromStageId());
      case REOPENED -> deal.isOpen() ? "deal " + deal.id() + " is open, so it cannot be reopened" : null;
      case PROBABILITY_OVERRIDDEN -> {
        Option<Double> probability = ((DealEvent.ProbabilityOverridden) event).probability();
        yield probability.exists(p -> !(p >= 0.0 && p <= 1.0))
            ? "probability must be within [0, 1] but was " + probability.get() : null;
      }
      case FORECAST_CATEGORY_OVERRIDDEN -> {
        Option<ForecastCategory> category = ((DealEvent.ForecastCategoryOverridden) event).forecastCategory();
        if (category.contains(ForecastCategory.CLOSED)) {
          yield "forecastCategory must not be CLOSED: only a won deal is closed";
        }
        yield deal.isOpen() ? null
            : "deal " + deal.id() + " is " + deal.status() + ", so its forecast category cannot be overridden";
      }
      case AMOUNT_CHANGED, QUALIFICATION_UPDATED, ATTRIBUTE_CHANGED, EXPECTED_CLOSE_CHANGED, OWNER_CHANGED,
          ACTIVITY_RECORDED -> null; // Deal.evolve checks the amount
    };
  }

  /** What keeps the deal from leaving the stage {@code from}, or null if it can. */
  private static @Nullable String leaves(Deal deal, String from) {
    if (!deal.isOpen()) {
      return "deal " + deal.id() + " is " + deal.status() + ", so it cannot leave a stage";
    }
    return from.equals(deal.stageId()) ? null
        : "it leaves stage '" + from + "' but deal " + deal.id() + " is in '" + deal.stageId() + "'";
  }

  private static Deal build(int index, Supplier<Deal> deal) {
    try {
      return deal.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidHistoryException(index, e.getMessage(), e);
    }
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
