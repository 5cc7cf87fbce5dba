package org.salespipeline.metrics;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.salespipeline.core.Deal;

/**
 * A partial result of the pipeline movement, the forecast roll-up or the hygiene review: add deals
 * to it, merge it with partial results computed elsewhere (another thread, another partition of
 * the data), and turn it into the result. Any split of the deals into partial results, merged in
 * any order, gives a result equal to the one computed in a single pass, as with
 * {@link MetricsAccumulator}.
 *
 * <pre>{@code
 * PartialResult<MovementReport> left = movement.accumulator(query).addAll(firstHalf);
 * PartialResult<MovementReport> right = movement.accumulator(query).addAll(secondHalf);
 * MovementReport report = left.merge(right).result();
 * }</pre>
 *
 * <p>Mutable and not thread-safe: use one per thread and merge them.
 *
 * @param <R> the result
 */
public final class PartialResult<R> {

  private final DealPart<R> part;

  PartialResult(DealPart<R> part) {
    this.part = part;
  }

  static <R> Collector<Deal, ?, R> collector(Supplier<DealPart<R>> parts) {
    return Collector.of(() -> new PartialResult<>(parts.get()), PartialResult::add, PartialResult::merge,
        PartialResult::result, Collector.Characteristics.UNORDERED);
  }

  /**
   * Adds a deal.
   *
   * @param deal the deal, not null, of the calculator's pipeline
   * @return this partial result
   * @throws IllegalArgumentException if the deal belongs to another pipeline or the calculation
   *     refuses it (each calculator's {@code calculate} says when)
   */
  public PartialResult<R> add(Deal deal) {
    part.add(Objects.requireNonNull(deal, "deal"));
    return this;
  }

  /**
   * Adds deals.
   *
   * @param deals the deals, not null, none null
   * @return this partial result
   * @throws IllegalArgumentException as {@link #add(Deal)}
   */
  public PartialResult<R> addAll(Iterable<? extends Deal> deals) {
    Objects.requireNonNull(deals, "deals");
    for (Deal deal : deals) {
      add(Objects.requireNonNull(deal, "deal in deals"));
    }
    return this;
  }

  /**
   * Adds every deal of another partial result to this one. The other must not be used afterwards.
   *
   * @param other a partial result of the same calculator and query, not null, not this one
   * @return this partial result
   * @throws IllegalArgumentException if other is this one, or is of another calculation, pipeline
   *     or query
   */
  public PartialResult<R> merge(PartialResult<R> other) {
    Objects.requireNonNull(other, "other");
    part.merge(other.part);
    return this;
  }

  /**
   * Computes the result of every deal added so far.
   *
   * @return the result, never null
   * @throws IllegalArgumentException if a deal id was added more than once, or the calculation
   *     refuses the data as a whole (each calculator's {@code calculate} says when)
   */
  public R result() {
    return part.finish();
  }
}
