package org.salespipeline.spark;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salespipeline.core.Pipeline;
import org.salespipeline.history.HistoryPipeline;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;

/**
 * A packaged Spark job: reads a stage history (CSV with a header, or Parquet) and prints its
 * metrics report. For {@code spark-submit}; the master (a cluster or {@code local[*]}) is the
 * submitter's.
 *
 * <pre>
 * spark-submit --class org.salespipeline.spark.MetricsJob pipeline-spark-job.jar \
 *     PATH "Prospecting,Qualification,Proposal" AS_OF_DATE [WON LOST [GROUP_BY]]
 * </pre>
 */
public final class MetricsJob {

  private MetricsJob() {}

  /**
   * Runs the job.
   *
   * @param args the path (a path ending in {@code .parquet} is read as Parquet, any other as CSV
   *     with a header), the open stages comma-separated, the as-of date (ISO, the start of that day
   *     in UTC), and optionally the won and lost stage names (default {@code Won} and {@code Lost})
   *     and {@code owner} or an attribute column to group by
   */
  public static void main(String[] args) {
    if (args.length != 3 && args.length != 5 && args.length != 6) {
      System.err.println("usage: MetricsJob PATH \"Stage A,Stage B\" AS_OF_DATE [WON LOST [GROUP_BY]]");
      System.exit(2);
    }
    Pipeline pipeline = HistoryPipeline.parse(args[1], args.length > 3 ? args[3] : "Won",
        args.length > 4 ? args[4] : "Lost");
    Instant asOf = LocalDate.parse(args[2]).atStartOfDay(ZoneOffset.UTC).toInstant();
    MetricsQuery query = MetricsQuery.asOf(asOf);
    if (args.length > 5) {
      query = query.withGrouping(args[5].equalsIgnoreCase("owner") ? Grouping.owner() : Grouping.attribute(args[5]));
    }
    SparkSession spark = SparkSession.builder().appName("sales pipeline metrics").getOrCreate();
    try {
      Dataset<Row> rows = args[0].endsWith(".parquet") ? spark.read().parquet(args[0])
          : spark.read().option("header", true).csv(args[0]);
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.println(PipelineSpark.metrics(rows, pipeline, query));
    } finally {
      spark.stop();
    }
  }
}
