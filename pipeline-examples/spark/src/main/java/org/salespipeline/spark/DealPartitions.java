package org.salespipeline.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;
import org.salespipeline.core.Pipeline;
import org.salespipeline.history.StageHistoryFormatException;
import org.salespipeline.history.StageHistoryReader;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsAccumulator;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.PipelineMetrics;
import scala.Tuple2;

/**
 * On an executor: the rows of one partition, each deal's rows together and in their original order,
 * read by the stage-history reader (grouped by deal, its strict rules: the first bad row fails the
 * calculation naming the deal and the reason), each deal added to the partial result of its group,
 * each partial result handed on as its bytes.
 */
final class DealPartitions implements MapPartitionsFunction<Row, Tuple2<String, byte[]>> {

  private static final long serialVersionUID = 1L;

  private final Recipe<Pipeline> pipeline;
  private final Recipe<MetricsQuery> query;
  private final @Nullable Recipe<Grouping> grouping;
  private final List<String> header;
  private final int[] columns;

  /** @param grouping null for one partial result of every deal of the partition (group {@code ""}) */
  DealPartitions(Recipe<Pipeline> pipeline, Recipe<MetricsQuery> query, @Nullable Recipe<Grouping> grouping,
      List<String> header, int[] columns) {
    this.pipeline = pipeline;
    this.query = query;
    this.grouping = grouping;
    this.header = List.copyOf(header);
    this.columns = columns.clone();
  }

  @Override
  public Iterator<Tuple2<String, byte[]>> call(Iterator<Row> rows) {
    Pipeline p = pipeline.get();
    MetricsQuery q = query.get();
    Grouping g = grouping == null ? null : grouping.get();
    PipelineMetrics metrics = PipelineMetrics.of(p);
    Map<String, MetricsAccumulator> partials = new TreeMap<>();
    if (g == null) {
      partials.put("", metrics.accumulator(q));
    }
    if (!rows.hasNext()) {
      // an empty partition holds no deal; the reader (strict: a file with no deal is an error) is not asked
      return asBytes(partials);
    }
    StageHistoryReader reader = StageHistoryReader.of(p).withGroupedByDeal(true);
    try {
      reader.read(new RowsAsCsv(header, columns, rows), deal -> {
        String key = g == null ? "" : g.keyOf(deal.asOf(q.asOf()).getOrElse(deal));
        partials.computeIfAbsent(key, k -> metrics.accumulator(q)).add(deal);
      }, rejection -> {
        throw new IllegalArgumentException("stage history row of deal " + rejection.dealId() + " is not valid: "
            + rejection.reason());
      });
    } catch (StageHistoryFormatException e) {
      throw new IllegalArgumentException("stage history is not valid: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return asBytes(partials);
  }

  private static Iterator<Tuple2<String, byte[]>> asBytes(Map<String, MetricsAccumulator> partials) {
    List<Tuple2<String, byte[]>> out = new ArrayList<>(partials.size());
    partials.forEach((key, partial) -> out.add(new Tuple2<>(key, partial.toBytes())));
    return out.iterator();
  }
}
