package org.salespipeline.bench;

import java.time.Instant;
import java.util.List;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.NewDeal;

/**
 * One lifecycle as a host receives it: the opening request (the draft and its instant), then per
 * step the command, its argument and its instant. Step {@code i} is {@code commands[i]} at
 * {@code instants[i]} with {@code arguments[i]}: the stage id of a move or reopening, the reason of
 * a loss, the qualification, nothing for a win. Stage ids, reasons and instants are copies, as a
 * host has them from its requests (not the pipeline's own strings); made in one go per lifecycle,
 * so that a lifecycle's values sit together as freshly received commands do.
 *
 * <p>The drivers that take a host's requests ({@link PipelineDriver}, {@link Stateless4jHostDriver})
 * read the same objects.
 */
record HostRequests(NewDeal draft, Instant openedAt, Lifecycle.State start, Command[] commands, Object[] arguments,
    Instant[] instants) {

  /** The commands of a lifecycle's steps. */
  enum Command { MOVE, WIN, LOSE, REOPEN, QUALIFY }

  /** The requests of every lifecycle, lifecycle after lifecycle. */
  static List<HostRequests> of(List<Lifecycle> lifecycles) {
    return lifecycles.stream().map(HostRequests::of).toList();
  }

  static HostRequests of(Lifecycle lifecycle) {
    List<DealEvent> steps = lifecycle.steps();
    int n = steps.size();
    Command[] commands = new Command[n];
    Object[] arguments = new Object[n];
    Instant[] instants = new Instant[n];
    for (int i = 0; i < n; i++) {
      DealEvent step = steps.get(i);
      instants[i] = copy(step.at());
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
    return new HostRequests(lifecycle.draft(), copy(lifecycle.openedAt()), lifecycle.start(), commands, arguments,
        instants);
  }

  private static Instant copy(Instant at) {
    return Instant.ofEpochSecond(at.getEpochSecond(), at.getNano());
  }
}
