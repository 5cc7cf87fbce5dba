package org.salespipeline.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.history.HistoryPipeline;
import org.salespipeline.history.StageHistoryReader;
import org.salespipeline.history.StageHistoryWriter;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;

/**
 * The side-by-side harness of SPEC §7 for Spark: one seeded stage-history CSV, its metrics report
 * read and computed in one JVM (the stage-history reader, then the calculator) and by
 * {@link PipelineSpark} in local mode from the same file. It first checks the two reports are
 * equal, then prints a {@code SINGLE_JVM} and a {@code SPARK} line with the best of the timed runs.
 * Not a test: run it by hand (see the module README); it lives beside the tests to use their seeded
 * generator and to keep Spark out of the benchmarks module.
 *
 * <p>Arguments: the number of deals (default 200,000), the master (default {@code local[2]}), the
 * timed runs (default 3).
 */
public final class LocalModeHarness {

  private LocalModeHarness() {}

  /**
   * Runs the harness.
   *
   * @param args deals, master, runs; each optional
   * @throws IOException if the temporary file cannot be written
   */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    String master = args.length > 1 ? args[1] : "local[2]";
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Pipeline pipeline = HistoryPipeline.of(List.of("Prospecting", "Qualification", "Proposal", "Negotiation"),
        "Won", "Lost");
    MetricsQuery query = MetricsQuery.asOf(Instant.parse("2025-11-15T00:00:00Z"));
    Path file = Files.createTempFile("stage-history", ".csv");
    try {
      StageHistoryWriter.of(pipeline).withAttributeColumns(List.of("source", "segment", "product"))
          .write(DealGenerator.of(pipeline, 2026).deals(count), file);
      SparkSession spark = SparkSession.builder().master(master).appName("LocalModeHarness")
          .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", 4).getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      try {
        MetricsReport single = singleJvm(pipeline, query, file);
        MetricsReport onSpark = PipelineSpark.metrics(rows(spark, file), pipeline, query);
        if (!single.equals(onSpark)) {
          throw new IllegalStateException("bug: the Spark report differs from the single-JVM report");
        }
        long singleBest = Long.MAX_VALUE;
        long sparkBest = Long.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
          long start = System.nanoTime();
          singleJvm(pipeline, query, file);
          singleBest = Math.min(singleBest, System.nanoTime() - start);
          start = System.nanoTime();
          PipelineSpark.metrics(rows(spark, file), pipeline, query);
          sparkBest = Math.min(sparkBest, System.nanoTime() - start);
        }
        out.printf(Locale.ROOT, "deals %,d (%,d bytes of CSV), reports equal; best of %d runs%n", count,
            Files.size(file), runs);
        out.printf(Locale.ROOT, "SINGLE_JVM  %8.0f ms  %,12.0f deals/s  (reader + calculator, one thread)%n",
            singleBest / 1e6, count / (singleBest / 1e9));
        out.printf(Locale.ROOT, "SPARK       %8.0f ms  %,12.0f deals/s  (%s, CSV read, shuffle by deal, merge)%n",
            sparkBest / 1e6, count / (sparkBest / 1e9), master);
        out.printf(Locale.ROOT, "ratio SPARK / SINGLE_JVM time: %.2f%n", (double) sparkBest / singleBest);
      } finally {
        spark.stop();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Dataset<Row> rows(SparkSession spark, Path file) {
    return spark.read().option("header", true).option("escape", "\"").csv(file.toString());
  }

  private static MetricsReport singleJvm(Pipeline pipeline, MetricsQuery query, Path file) throws IOException {
    return PipelineMetrics.of(pipeline).calculate(StageHistoryReader.of(pipeline).load(file).deals(), query);
  }
}
