package org.salespipeline.bench;

import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.Rejection;

/**
 * This library: each step is the pipeline's command, which checks the policy, the entry criteria
 * and the time order, and returns a new immutable deal with the event appended to its history.
 *
 * <p>Prepared, each lifecycle is what the commands take, as a host receives them
 * ({@link HostRequests}); as the other machines are given their triggers, not the events our
 * pipeline produced. With {@link #keepingEvents}, the driver also appends each
 * command's events to a store, as a host that persists events does.
 */
final class PipelineDriver implements LifecycleDriver {

  private final Pipeline pipeline;
  private final boolean keepsEvents;

  private PipelineDriver(Pipeline pipeline, boolean keepsEvents) {
    this.pipeline = pipeline;
    this.keepsEvents = keepsEvents;
  }

  /** Keeps the deals only, as a host that stores deals (or nothing) does. */
  static PipelineDriver keepingDeals(Pipeline pipeline) {
    return new PipelineDriver(pipeline, false);
  }

  /** Also appends every command's {@link Change#events()} to an event store (a list per lifecycle). */
  static PipelineDriver keepingEvents(Pipeline pipeline) {
    return new PipelineDriver(pipeline, true);
  }

  @Override
  public String name() {
    return keepsEvents ? "ours+events" : "ours";
  }

  @Override
  public Run prepare(List<Lifecycle> lifecycles) {
    List<HostRequests> requests = HostRequests.of(lifecycles);
    return () -> drive(requests);
  }

  private Outcome drive(List<HostRequests> requests) {
    List<Lifecycle.State> finalStates = new ArrayList<>(requests.size());
    List<DealEvent> store = new ArrayList<>();
    int refused = 0;
    for (int s = 0, n = requests.size(); s < n; s++) {
      HostRequests request = requests.get(s);
      store.clear();
      Either<Rejection, Change> opened = pipeline.open(request.draft(), request.openedAt());
      if (opened.isLeft()) {
        refused++;
        finalStates.add(request.start());
        continue;
      }
      Deal deal = keep(opened.get(), store);
      HostRequests.Command[] commands = request.commands();
      Object[] arguments = request.arguments();
      Instant[] instants = request.instants();
      for (int i = 0; i < commands.length; i++) {
        // each command's result taken where it is made, as a host's handler of that command does
        Either<Rejection, Change> result = switch (commands[i]) {
          case MOVE -> pipeline.move(deal, (String) arguments[i], instants[i]);
          case WIN -> pipeline.win(deal, instants[i]);
          case LOSE -> pipeline.lose(deal, (String) arguments[i], instants[i]);
          case REOPEN -> pipeline.reopen(deal, (String) arguments[i], instants[i]);
          case QUALIFY -> pipeline.qualify(deal, (Qualification) arguments[i], instants[i]);
        };
        if (result.isRight()) {
          deal = keep(result.get(), store);
        } else {
          refused++;
        }
      }
      finalStates.add(Lifecycle.State.of(deal.stageId()));
    }
    return new Outcome(finalStates, refused);
  }

  private Deal keep(Change change, List<DealEvent> store) {
    if (keepsEvents) {
      store.addAll(change.events());
    }
    return change.deal();
  }
}
