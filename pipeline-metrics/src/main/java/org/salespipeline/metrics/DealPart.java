package org.salespipeline.metrics;

import org.salespipeline.core.Deal;
import org.salespipeline.core.Pipeline;

/**
 * What every calculation behind a {@link PartialResult} shares: deals of the one pipeline, each
 * id once, merges only between parts of the same kind, pipeline and query.
 *
 * @param <R> the result
 */
abstract class DealPart<R> {

  final Pipeline pipeline;
  final Object query;
  private final IdCheck ids = new IdCheck();

  DealPart(Pipeline pipeline, Object query) {
    this.pipeline = pipeline;
    this.query = query;
  }

  final void add(Deal deal) {
    if (!deal.pipelineId().equals(pipeline.id())) {
      throw new IllegalArgumentException("deal " + deal.id() + " belongs to pipeline '" + deal.pipelineId()
          + "' but the calculation is for pipeline '" + pipeline.id() + "'; calculate each pipeline on its own");
    }
    ids.add(deal.id());
    accept(deal);
  }

  final void merge(DealPart<R> other) {
    if (other == this) {
      throw new IllegalArgumentException("other must be another partial result, not this one");
    }
    if (other.getClass() != getClass() || !other.pipeline.equals(pipeline) || !other.query.equals(query)) {
      throw new IllegalArgumentException("other must be a partial result of the same calculation, pipeline and query");
    }
    ids.addAll(other.ids);
    mergeFrom(other);
  }

  final R finish() {
    ids.check();
    return result();
  }

  /** Adds a deal of the pipeline, seen for the first time in this part. */
  abstract void accept(Deal deal);

  /** Adds another part of the same class, pipeline and query. */
  abstract void mergeFrom(DealPart<R> other);

  abstract R result();
}
