package org.salespipeline.spark;

import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.salespipeline.core.Pipeline;
import org.salespipeline.metrics.MetricsAccumulator;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.PipelineMetrics;

/**
 * A Spark aggregator merging metrics partial results: its input, buffer and output are the
 * library's own bytes ({@link MetricsAccumulator#toBytes()}), so what Spark moves between executors
 * is that compact, versioned, checksummed form and never a serialized object graph. Use it on a
 * binary column of partial results, whole or per group:
 *
 * <pre>{@code
 * UserDefinedFunction merge = functions.udaf(new PartialResultAggregator(pipeline, query), Encoders.BINARY());
 * partials.groupBy("owner").agg(merge.apply(col("partial")).as("partial"));
 * }</pre>
 *
 * <p>Each merge reads both partial results and writes the sum: linear in their size. Spark keeps the
 * buffer between inputs of one task, so the cost is per partial result merged, not per deal.
 */
public final class PartialResultAggregator extends Aggregator<byte[], byte[], byte[]> {

  private static final long serialVersionUID = 1L;

  private final Recipe<Pipeline> pipeline;
  private final Recipe<MetricsQuery> query;
  private transient PipelineMetrics metrics;
  private transient MetricsQuery madeQuery;

  /**
   * Creates the aggregator of the partial results of a pipeline and query.
   *
   * @param pipeline builds the pipeline on each executor, not null
   * @param query builds the query on each executor, not null
   */
  public PartialResultAggregator(Recipe<Pipeline> pipeline, Recipe<MetricsQuery> query) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.query = Objects.requireNonNull(query, "query");
  }

  private PipelineMetrics metrics() {
    if (metrics == null) {
      metrics = PipelineMetrics.of(pipeline.get());
      madeQuery = query.get();
    }
    return metrics;
  }

  /**
   * Returns the bytes of an empty partial result.
   *
   * @return the bytes, never null
   */
  @Override
  public byte[] zero() {
    return metrics().accumulator(madeQuery).toBytes();
  }

  /**
   * Merges a partial result into the buffer.
   *
   * @param buffer the partial result so far, not null
   * @param partial another partial result, not null
   * @return the merged partial result's bytes
   * @throws org.salespipeline.metrics.InvalidPartialResultException if either is not a sound
   *     partial result of this pipeline and query
   */
  @Override
  public byte[] reduce(byte[] buffer, byte[] partial) {
    return merge(buffer, partial);
  }

  /**
   * Merges two partial results.
   *
   * @param left a partial result, not null
   * @param right another partial result, not null
   * @return the merged partial result's bytes
   * @throws org.salespipeline.metrics.InvalidPartialResultException if either is not a sound
   *     partial result of this pipeline and query
   */
  @Override
  public byte[] merge(byte[] left, byte[] right) {
    PipelineMetrics m = metrics();
    MetricsAccumulator merged = m.accumulatorFrom(left, madeQuery);
    return merged.merge(m.accumulatorFrom(right, madeQuery)).toBytes();
  }

  /**
   * Returns the merged partial result as it is: the report is made where the bytes are read.
   *
   * @param buffer the merged partial result
   * @return the same bytes
   */
  @Override
  public byte[] finish(byte[] buffer) {
    return buffer;
  }

  /**
   * Returns the encoder of the buffer: plain bytes.
   *
   * @return {@link Encoders#BINARY()}
   */
  @Override
  public Encoder<byte[]> bufferEncoder() {
    return Encoders.BINARY();
  }

  /**
   * Returns the encoder of the output: plain bytes.
   *
   * @return {@link Encoders#BINARY()}
   */
  @Override
  public Encoder<byte[]> outputEncoder() {
    return Encoders.BINARY();
  }
}
