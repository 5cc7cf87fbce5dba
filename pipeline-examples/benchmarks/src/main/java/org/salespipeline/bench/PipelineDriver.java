package org.salespipeline.bench;

import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.NewDeal;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.Rejection;

/**
 * This library: each step is the pipeline's command, which checks the policy, the entry criteria
 * and the time order, and returns a new immutable deal with the event appended to its history.
 *
 * <p>Prepared, each lifecycle is what the commands take: the draft, the instants, the stage ids,
 * reasons and qualifications (copies, as a host has them from its requests, not the pipeline's own
 * strings), and which command each step is; as the other machines are given their triggers, not
 * the events our pipeline produced. With {@link #keepingEvents}, the driver also appends each
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
    List<Script> scripts = lifecycles.stream().map(Script::of).toList();
    return () -> drive(scripts);
  }

  private Outcome drive(List<Script> scripts) {
    List<Lifecycle.State> finalStates = new ArrayList<>(scripts.size());
    List<DealEvent> store = new ArrayList<>();
    int refused = 0;
    for (int s = 0, n = scripts.size(); s < n; s++) {
      Script script = scripts.get(s);
      store.clear();
      Either<Rejection, Change> opened = pipeline.open(script.draft, script.openedAt);
      if (opened.isLeft()) {
        refused++;
        finalStates.add(script.start);
        continue;
      }
      Deal deal = keep(opened.get(), store);
      Command[] commands = script.commands;
      Object[] arguments = script.arguments;
      Instant[] instants = script.instants;
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

  /** The commands of a lifecycle's steps. */
  private enum Command { MOVE, WIN, LOSE, REOPEN, QUALIFY }

  /**
   * One lifecycle as the commands' arguments: step {@code i} is {@code commands[i]} at
   * {@code instants[i]} with {@code arguments[i]} (the stage id of a move or reopening, the reason of
   * a loss, the qualification, nothing for a win). Made in one go per lifecycle, instants copied, so
   * that a lifecycle's values sit together as a host's freshly received commands do.
   */
  private record Script(NewDeal draft, Instant openedAt, Lifecycle.State start, Command[] commands,
      Object[] arguments, Instant[] instants) {

    static Script of(Lifecycle lifecycle) {
      List<DealEvent> steps = lifecycle.steps();
      int n = steps.size();
      Command[] commands = new Command[n];
      Object[] arguments = new Object[n];
      Instant[] instants = new Instant[n];
      for (int i = 0; i < n; i++) {
        DealEvent step = steps.get(i);
        instants[i] = Instant.ofEpochSecond(step.at().getEpochSecond(), step.at().getNano());
        if (step instanceof DealEvent.StageChanged e) {
          commands[i] = Command.MOVE;
          arguments[i] = new String(e.toStageId());
        } else if (step instanceof DealEvent.Won) {
          commands[i] = Command.WIN;
        } else if (step instanceof DealEvent.Lost e) {
          commands[i] = Command.LOSE;
          arguments[i] = new String(e.reason());
        } else if (step instanceof DealEvent.Reopened e) {
          commands[i] = Command.REOPEN;
          arguments[i] = new String(e.toStageId());
        } else if (step instanceof DealEvent.QualificationUpdated e) {
          commands[i] = Command.QUALIFY;
          arguments[i] = e.qualification();
        } else {
          throw new IllegalStateException("bug: a lifecycle holds no " + step);
        }
      }
      Instant openedAt = Instant.ofEpochSecond(lifecycle.openedAt().getEpochSecond(), lifecycle.openedAt().getNano());
      return new Script(lifecycle.draft(), openedAt, lifecycle.start(), commands, arguments, instants);
    }
  }
}
