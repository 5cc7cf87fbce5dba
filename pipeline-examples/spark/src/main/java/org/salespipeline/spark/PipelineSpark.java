package org.salespipeline.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Pipeline;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;

/**
 * The metrics report of a stage history held in Spark: the same report, figure for figure, as
 * reading the same rows with the stage-history reader and calculating in one JVM.
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().option("header", true).csv("s3://crm/stage-history/");
 * Pipeline pipeline = HistoryPipeline.parse("Prospecting,Qualification,Proposal", "Won", "Lost");
 * MetricsReport report = PipelineSpark.metrics(rows, pipeline, MetricsQuery.asOf(exportedAt));
 * }</pre>
 *
 * <p>The Dataset has the stage-history columns of SPEC §6, matched ignoring case: {@code deal_id},
 * {@code stage}, {@code entered_at} (required; strings as in the CSV file, or timestamps and dates),
 * {@code amount}, {@code currency}, {@code owner}, {@code lost_reason}, {@code expected_close},
 * {@code forecast_category} (optional); every other column is a deal attribute. How it works: the rows are shuffled by deal id into as many partitions as the
 * Dataset has, each deal's rows kept in the Dataset's order (rows of equal {@code entered_at} keep
 * it, as the reader keeps file order: a Dataset read from a file has the file's order, but one
 * already shuffled, by {@code repartition} for instance, has Spark's); on each partition the stage-history
 * reader builds the deals by its own rules (the first bad row fails the calculation, naming the deal
 * and the reason) and adds them to a partial result; the partial results travel as the metrics
 * library's versioned bytes and are merged by {@link PartialResultAggregator} in a
 * {@code groupBy(...).agg(...)}; the driver reads the merged bytes and makes the report.
 *
 * <p>The pipeline and query are rebuilt on the executors: {@link Pipeline#standard()}, pipelines of
 * {@link org.salespipeline.history.HistoryPipeline} and queries made of values (as-of instant,
 * window, grouping by owner or attribute, trends, forecast, quotas, simulation) are sent as they
 * are; for others pass {@link Recipe}s. Stateless and thread-safe.
 */
public final class PipelineSpark {

  private static final String ROW = "__salespipeline_row";
  private static final List<String> REQUIRED = List.of("deal_id", "stage", "entered_at");

  private PipelineSpark() {}

  /**
   * Computes the metrics report of a stage history.
   *
   * @param stageHistory the rows, not null, with the stage-history columns
   * @param pipeline the pipeline whose stages the rows name, not null: {@link Pipeline#standard()} or
   *     one of {@link org.salespipeline.history.HistoryPipeline}
   * @param query what to compute, not null, without probability function or converter
   * @return the report, never null; equal to the single-JVM report of the same rows
   * @throws IllegalArgumentException if a required column is missing, a row is not valid (naming
   *     the deal and the reason), a deal id appears in two deals' rows, or the pipeline or query
   *     cannot be sent to the executors (pass {@link Recipe}s then)
   */
  public static MetricsReport metrics(Dataset<Row> stageHistory, Pipeline pipeline, MetricsQuery query) {
    Objects.requireNonNull(stageHistory, "stageHistory");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(query, "query");
    return reports(stageHistory, pipeline, query, ShippedPipeline.of(pipeline), ShippedQuery.of(query), null)
        .getOrDefault("", PipelineMetrics.of(pipeline).accumulator(query).report());
  }

  /**
   * Computes the metrics report of a stage history with a pipeline and query built on each
   * executor by their recipes.
   *
   * @param stageHistory the rows, not null, with the stage-history columns
   * @param pipeline builds the pipeline, not null
   * @param query builds the query, not null
   * @return the report, never null
   * @throws IllegalArgumentException as {@link #metrics(Dataset, Pipeline, MetricsQuery)}
   */
  public static MetricsReport metrics(Dataset<Row> stageHistory, Recipe<Pipeline> pipeline,
      Recipe<MetricsQuery> query) {
    Objects.requireNonNull(stageHistory, "stageHistory");
    Pipeline p = Objects.requireNonNull(pipeline, "pipeline").get();
    MetricsQuery q = Objects.requireNonNull(query, "query").get();
    return reports(stageHistory, p, q, pipeline, query, null).getOrDefault("", PipelineMetrics.of(p).accumulator(q).report());
  }

  /**
   * Computes one metrics report per group of deals, grouped on the cluster by
   * {@code groupBy(group).agg(...)}: each deal in the group its grouping gives it as of the query's
   * as-of instant (as of its opening if it opened later). Each report is the report of the group's
   * deals alone, with the whole query.
   *
   * <pre>{@code
   * Map<String, MetricsReport> byOwner = PipelineSpark.metricsBy(rows, pipeline, query, Grouping::owner);
   * Map<String, MetricsReport> bySegment = PipelineSpark.metricsBy(rows, pipeline, query, () -> Grouping.attribute("segment"));
   * }</pre>
   *
   * @param stageHistory the rows, not null, with the stage-history columns
   * @param pipeline the pipeline, not null, as {@link #metrics(Dataset, Pipeline, MetricsQuery)}
   * @param query what to compute for each group, not null, as {@link #metrics(Dataset, Pipeline, MetricsQuery)}
   * @param grouping builds the grouping on each executor, not null
   * @return the reports by group, in group order, never null; no entry for a group without deals
   * @throws IllegalArgumentException as {@link #metrics(Dataset, Pipeline, MetricsQuery)}
   */
  public static Map<String, MetricsReport> metricsBy(Dataset<Row> stageHistory, Pipeline pipeline,
      MetricsQuery query, Recipe<Grouping> grouping) {
    Objects.requireNonNull(stageHistory, "stageHistory");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(grouping, "grouping");
    return reports(stageHistory, pipeline, query, ShippedPipeline.of(pipeline), ShippedQuery.of(query), grouping);
  }

  /**
   * Returns the merged partial result of each group, as the library's bytes: a Dataset with the
   * columns {@code group} (string; {@code ""} without grouping) and {@code partial} (binary), to
   * keep, join or merge further with {@link PartialResultAggregator}, and to read with
   * {@link PipelineMetrics#accumulatorFrom(byte[], MetricsQuery)}. Nothing is computed until the
   * Dataset is.
   *
   * @param stageHistory the rows, not null, with the stage-history columns
   * @param pipeline builds the pipeline, not null
   * @param query builds the query, not null
   * @param grouping builds the grouping on each executor, or null for one partial result of all
   * @return the partial results, never null
   * @throws IllegalArgumentException if a required column is missing
   */
  public static Dataset<Row> partialResults(Dataset<Row> stageHistory, Recipe<Pipeline> pipeline,
      Recipe<MetricsQuery> query, @Nullable Recipe<Grouping> grouping) {
    Objects.requireNonNull(stageHistory, "stageHistory");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(query, "query");
    List<String> header = Arrays.asList(stageHistory.columns());
    String dealId = requiredColumns(header);
    int partitions = Math.max(1, stageHistory.rdd().getNumPartitions());
    Dataset<Row> byDeal = stageHistory.withColumn(ROW, functions.monotonically_increasing_id())
        .repartition(partitions, col(dealId))
        .sortWithinPartitions(col(dealId), col(ROW));
    int[] columns = new int[header.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = c;
    }
    UserDefinedFunction merge = functions.udaf(new PartialResultAggregator(pipeline, query), Encoders.BINARY());
    return byDeal.mapPartitions(new DealPartitions(pipeline, query, grouping, header, columns),
            Encoders.tuple(Encoders.STRING(), Encoders.BINARY()))
        .toDF("group", "partial")
        .groupBy("group")
        .agg(merge.apply(col("partial")).as("partial"));
  }

  private static Map<String, MetricsReport> reports(Dataset<Row> stageHistory, Pipeline pipeline,
      MetricsQuery query, Recipe<Pipeline> pipelineRecipe, Recipe<MetricsQuery> queryRecipe,
      @Nullable Recipe<Grouping> grouping) {
    PipelineMetrics metrics = PipelineMetrics.of(pipeline);
    // the executors' pipeline and query must compute the same figures: checked here, before any work
    metrics.accumulatorFrom(PipelineMetrics.of(pipelineRecipe.get()).accumulator(queryRecipe.get()).toBytes(), query);
    List<Row> merged;
    try {
      merged = partialResults(stageHistory, pipelineRecipe, queryRecipe, grouping).collectAsList();
    } catch (Exception e) { // Spark throws its checked SparkException without declaring it
      throw unwrapped(e);
    }
    Map<String, MetricsReport> reports = new TreeMap<>();
    for (Row row : merged) {
      reports.put(row.getString(0), metrics.accumulatorFrom((byte[]) row.get(1), query).report());
    }
    return Collections.unmodifiableMap(reports);
  }

  private static String requiredColumns(List<String> header) {
    List<String> lower = new ArrayList<>();
    for (String name : header) {
      lower.add(name.strip().toLowerCase(Locale.ROOT));
    }
    for (String required : REQUIRED) {
      if (!lower.contains(required)) {
        throw new IllegalArgumentException("stageHistory must have the columns " + REQUIRED + " (any case) but has "
            + header);
      }
    }
    return header.get(lower.indexOf("deal_id"));
  }

  /** The library's own exception from inside a failed Spark job, so the caller sees the reason itself. */
  private static RuntimeException unwrapped(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException reason) {
        return reason;
      }
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
  }
}
