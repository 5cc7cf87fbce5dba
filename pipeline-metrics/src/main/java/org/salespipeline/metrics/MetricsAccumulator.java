package org.salespipeline.metrics;

import java.util.Objects;
import org.salespipeline.core.Deal;

/**
 * A partial result of a calculation: add deals to it, merge it with partial results computed
 * elsewhere (another thread, another partition of the data), and turn it into a report. Any split
 * of the deals into accumulators, merged in any order, gives a report equal to the one computed in
 * a single pass.
 *
 * <pre>{@code
 * MetricsAccumulator left = metrics.accumulator(query).addAll(firstHalf);
 * MetricsAccumulator right = metrics.accumulator(query).addAll(secondHalf);
 * MetricsReport report = left.merge(right).report();
 * }</pre>
 *
 * <p>Mutable and not thread-safe: use one per thread and merge them.
 */
public final class MetricsAccumulator {

  private final Accumulator accumulator;

  MetricsAccumulator(Accumulator accumulator) {
    this.accumulator = accumulator;
  }

  /**
   * Adds a deal, taken as it was at the query's as-of instant.
   *
   * @param deal the deal, not null, of the calculator's pipeline
   * @return this accumulator
   * @throws IllegalArgumentException if the deal belongs to another pipeline or is in a stage the
   *     pipeline does not have, was created before {@link MetricsQuery#EARLIEST} or so long before
   *     {@code T} that a trend of the query would have more than
   *     {@link MetricsQuery#MAX_TREND_PERIODS} periods, or a probability function or converter of
   *     the query misbehaves
   */
  public MetricsAccumulator add(Deal deal) {
    accumulator.add(Objects.requireNonNull(deal, "deal"));
    return this;
  }

  /**
   * Adds deals.
   *
   * @param deals the deals, not null, none null
   * @return this accumulator
   * @throws IllegalArgumentException as {@link #add(Deal)}
   */
  public MetricsAccumulator addAll(Iterable<? extends Deal> deals) {
    Objects.requireNonNull(deals, "deals");
    for (Deal deal : deals) {
      add(deal);
    }
    return this;
  }

  /**
   * Adds every deal of another accumulator to this one. The other accumulator must not be used
   * afterwards.
   *
   * @param other an accumulator of the same calculator and query, not null, not this one
   * @return this accumulator
   * @throws IllegalArgumentException if other is this one or is for another pipeline or query
   */
  public MetricsAccumulator merge(MetricsAccumulator other) {
    Objects.requireNonNull(other, "other");
    accumulator.merge(other.accumulator);
    return this;
  }

  /**
   * Computes the report of every deal added so far.
   *
   * @return the report, never null
   * @throws IllegalArgumentException if a deal id was added more than once
   */
  public MetricsReport report() {
    return accumulator.finish();
  }

  /**
   * Returns this partial result in its compact, versioned binary form, to send to another process
   * and read there with {@link PipelineMetrics#accumulatorFrom(byte[], MetricsQuery)}: a partition
   * computed on one machine merges with partitions computed on others (SPEC §7). The bytes are
   * explicit fields (not Java serialization), start with a format version, carry a fingerprint
   * of the pipeline and query and end with a checksum. Equal partial results give equal bytes.
   * The accumulator may still be used afterwards.
   *
   * <pre>{@code
   * byte[] wire = metrics.accumulator(query).addAll(partition).toBytes();     // on a worker
   * MetricsAccumulator total = metrics.accumulatorFrom(wire, query);           // on the driver
   * total.merge(metrics.accumulatorFrom(otherWire, query)).report();
   * }</pre>
   *
   * @return the bytes, never null, a new array each time
   */
  public byte[] toBytes() {
    return accumulator.toBytes();
  }
}
