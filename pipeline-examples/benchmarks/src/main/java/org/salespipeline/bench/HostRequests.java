package org.salespipeline.bench;

import java.time.Instant;
import java.util.List;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.NewDeal;

/**
 * One lifecycle as a host receives it: the opening request (the draft, the stage it names, its
 * instant), then per step the command, its argument and its instant. Step {@code i} is
 * {@code commands[i]} at {@code instants[i]} with {@code arguments[i]}: the stage id of a move or
 * reopening, the reason of a loss, the qualification, nothing for a win. Stage ids, reasons and
 * instants are copies, as a host has them from its requests (not the pipeline's own strings); the
 * draft names its stage by the same copy as {@code openingStageId} (null if it names none). Made in
 * one go per lifecycle, so that a lifecycle's values sit together as freshly received commands do.
 *
 * <p>The drivers that take a host's requests ({@link PipelineDriver}, {@link Stateless4jHostDriver})
 * read the same objects.
 */
record HostRequests(NewDeal draft, String openingStageId, Instant openedAt, Lifecycle.State start,
    Command[] commands, Object[] arguments, Instant[] instants) {

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
      switch (step.kind()) {
        case STAGE_CHANGED -> {
          commands[i] = Command.MOVE;
          arguments[i] = new String(((DealEvent.StageChanged) step).toStageId());
        }
        case WON -> commands[i] = Command.WIN;
        case LOST -> {
          commands[i] = Command.LOSE;
          arguments[i] = new String(((DealEvent.Lost) step).reason());
        }
        case REOPENED -> {
          commands[i] = Command.REOPEN;
          arguments[i] = new String(((DealEvent.Reopened) step).toStageId());
        }
        case QUALIFICATION_UPDATED -> {
          commands[i] = Command.QUALIFY;
          arguments[i] = ((DealEvent.QualificationUpdated) step).qualification();
        }
        case OPENED, AMOUNT_CHANGED, ATTRIBUTE_CHANGED, EXPECTED_CLOSE_CHANGED, PROBABILITY_OVERRIDDEN, OWNER_CHANGED,
            ACTIVITY_RECORDED, FORECAST_CATEGORY_OVERRIDDEN ->
            throw new IllegalStateException("bug: a lifecycle's steps hold no " + step);
      }
    }
    NewDeal draft = lifecycle.draft();
    String openingStageId = draft.stageId().map(String::new).getOrNull();
    if (openingStageId != null) {
      draft = draft.withStage(openingStageId);
    }
    return new HostRequests(draft, openingStageId, copy(lifecycle.openedAt()), lifecycle.start(), commands, arguments,
        instants);
  }

  private static Instant copy(Instant at) {
    return Instant.ofEpochSecond(at.getEpochSecond(), at.getNano());
  }
}
