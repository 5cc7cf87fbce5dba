package org.salespipeline.bench;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import org.salespipeline.core.Change;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Rejection;

/**
 * This library: each step is the pipeline's command, which checks the policy, the entry criteria
 * and the time order, and returns a new immutable deal with the event appended to its history.
 */
final class PipelineDriver implements LifecycleDriver {

  private final Pipeline pipeline;

  PipelineDriver(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public String name() {
    return "ours";
  }

  @Override
  public Outcome drive(List<Lifecycle> lifecycles) {
    List<Lifecycle.State> finalStates = new ArrayList<>(lifecycles.size());
    int refused = 0;
    for (Lifecycle lifecycle : lifecycles) {
      Either<Rejection, Change> opened = pipeline.open(lifecycle.draft(), lifecycle.openedAt());
      if (opened.isLeft()) {
        refused++;
        finalStates.add(lifecycle.start());
        continue;
      }
      Deal deal = opened.get().deal();
      for (DealEvent step : lifecycle.steps()) {
        Either<Rejection, Change> result = command(deal, step);
        if (result.isRight()) {
          deal = result.get().deal();
        } else {
          refused++;
        }
      }
      finalStates.add(Lifecycle.State.of(deal.stageId()));
    }
    return new Outcome(finalStates, refused);
  }

  private Either<Rejection, Change> command(Deal deal, DealEvent step) {
    if (step instanceof DealEvent.StageChanged e) {
      return pipeline.move(deal, e.toStageId(), e.at());
    } else if (step instanceof DealEvent.Won e) {
      return pipeline.win(deal, e.at());
    } else if (step instanceof DealEvent.Lost e) {
      return pipeline.lose(deal, e.reason(), e.at());
    } else if (step instanceof DealEvent.Reopened e) {
      return pipeline.reopen(deal, e.toStageId(), e.at());
    } else if (step instanceof DealEvent.QualificationUpdated e) {
      return pipeline.qualify(deal, e.qualification(), e.at());
    }
    throw new IllegalStateException("bug: a lifecycle holds no " + step);
  }
}
