package org.salespipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.history.HistoryPipeline;
import org.salespipeline.history.LoadedHistory;
import org.salespipeline.history.StageHistoryReader;
import org.salespipeline.history.StageHistoryWriter;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.Grouping;
import org.salespipeline.metrics.MetricsQuery;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.PipelineMetrics;

/**
 * The Spark report against the single-JVM report of the same rows, in Spark's local mode: a seeded
 * stage history of 50,000 deals at 1, 2, 7 and 64 partitions, and small hand-made ones. One
 * session for the class.
 */
class PipelineSparkTest {

  private static final Pipeline PIPELINE = HistoryPipeline.of(List.of("Prospecting", "Qualification", "Proposal",
      "Negotiation"), "Won", "Lost");
  private static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
  private static final MetricsQuery QUERY = MetricsQuery.asOf(AS_OF)
      .withGrouping(Grouping.owner())
      .withTrends(CalendarUnit.QUARTER, ZoneId.of("Europe/Paris"))
      .withForecast(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1))
      .withQuota(Money.parse("2000000", "USD"))
      .withSimulation(11, 500);

  @TempDir
  static Path dir;
  private static SparkSession spark;
  private static Path large;
  private static List<Deal> largeDeals;
  private static Dataset<Row> largeRows;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("PipelineSparkTest")
        .config("spark.ui.enabled", false)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", 4)
        .getOrCreate();
    large = dir.resolve("large.csv");
    StageHistoryWriter.of(PIPELINE).withAttributeColumns(List.of("source", "segment", "product"))
        .write(DealGenerator.of(PIPELINE, 2026).deals(50_000), large);
    largeDeals = StageHistoryReader.of(PIPELINE).load(large).deals();
    largeRows = spark.read().option("header", true).option("escape", "\"").csv(large.toString()).cache();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> csv(Path file) {
    return spark.read().option("header", true).option("escape", "\"").option("multiLine", true)
        .csv(file.toString());
  }

  private static Path file(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static MetricsReport singleJvm(Path file, MetricsQuery query) throws IOException {
    LoadedHistory history = StageHistoryReader.of(PIPELINE).load(file);
    assertThat(history.rejections()).isEmpty();
    return PipelineMetrics.of(PIPELINE).calculate(history.deals(), query);
  }

  @Test
  void metrics_50000Deals_equalsTheSingleJvmReportAtEveryPartitionCount() {
    MetricsReport expected = PipelineMetrics.of(PIPELINE).calculate(largeDeals, QUERY);
    assertThat(expected.deals()).isEqualTo(50_000);
    for (int partitions : new int[] {1, 2, 7, 64}) {
      MetricsReport report = PipelineSpark.metrics(largeRows.repartition(partitions), PIPELINE, QUERY);
      assertThat(report).as("%d partitions", partitions).isEqualTo(expected);
      assertThat(report.toString()).isEqualTo(expected.toString());
    }
  }

  @Test
  void metricsBy_owner_eachGroupEqualsTheSingleJvmReportOfItsDeals() {
    MetricsQuery query = MetricsQuery.asOf(AS_OF).withWindow(Instant.parse("2025-03-01T00:00:00Z"), AS_OF);
    Map<String, List<Deal>> byOwner = new TreeMap<>();
    for (Deal deal : firstDeals(10_000)) {
      byOwner.computeIfAbsent(Grouping.owner().keyOf(deal.asOf(AS_OF).getOrElse(deal)), k -> new ArrayList<>())
          .add(deal);
    }
    Map<String, MetricsReport> reports = PipelineSpark.metricsBy(firstRows(10_000).repartition(7), PIPELINE, query,
        Grouping::owner);
    assertThat(reports.keySet()).isEqualTo(byOwner.keySet());
    byOwner.forEach((owner, deals) ->
        assertThat(reports.get(owner)).as(owner).isEqualTo(PipelineMetrics.of(PIPELINE).calculate(deals, query)));
  }

  /** Ties in entered_at keep file order, rows of a deal come in any order, a deal is reopened. */
  @Test
  void metrics_handMadeHistory_equalsTheSingleJvmReport() throws IOException {
    Path file = file("hand.csv", """
        deal_id,stage,entered_at,amount,currency,owner,lost_reason,region
        D2,Prospecting,2025-01-03,3000,USD,bo,,North
        D1,Prospecting,2025-01-01T09:00:00Z,1000.50,USD,ana,,"South, East"
        D1,Qualification,2025-01-10T09:00:00+02:00,,,,,
        D2,Proposal,2025-01-20,,,,,
        D1,Won,2025-02-01,1200,,,,
        D2,Lost,2025-02-10,,,,Price,
        D3,Prospecting,2025-03-01,"500",EUR,cy,,"say ""hi""\"
        D2,Prospecting,2025-03-05,,,,,
        D3,Qualification,2025-03-01,,,,,
        D3,Proposal,2025-03-01,,,,,
        D4,Negotiation,2025-04-01,250,JPY,,,
        """);
    MetricsQuery query = MetricsQuery.asOf(AS_OF).withGrouping(Grouping.attribute("region"));
    MetricsReport expected = singleJvm(file, query);
    assertThat(expected.deals()).isEqualTo(4);
    // the file split into 1, 2, 7 and more partitions as Spark reads it: the rows keep the file's order
    for (long splitBytes : new long[] {1 << 20, 400, 100, 40}) {
      spark.conf().set("spark.sql.files.maxPartitionBytes", splitBytes);
      try {
        Dataset<Row> rows = spark.read().option("header", true).option("escape", "\"").csv(file.toString());
        assertThat(PipelineSpark.metrics(rows, PIPELINE, query))
            .as("%d partitions", rows.rdd().getNumPartitions()).isEqualTo(expected);
      } finally {
        spark.conf().unset("spark.sql.files.maxPartitionBytes");
      }
    }
  }

  /** A shuffle (repartition) does not keep the order of equal entered_at: without ties any partitioning gives the report. */
  @Test
  void metrics_handMadeHistoryWithoutTies_anyRepartition_equalsTheSingleJvmReport() throws IOException {
    Path file = file("no-ties.csv", """
        deal_id,stage,entered_at,amount,currency,owner,lost_reason
        E1,Prospecting,2025-01-01,100,USD,ana,
        E2,Qualification,2025-01-02,200,USD,bo,
        E1,Negotiation,2025-01-05,,,,
        E2,Lost,2025-01-09,,,,Timing
        E1,Won,2025-02-01,,,,
        E3,Prospecting,2025-02-02,,,cy,
        """);
    MetricsReport expected = singleJvm(file, QUERY);
    for (int partitions : new int[] {1, 2, 7, 64}) {
      assertThat(PipelineSpark.metrics(csv(file).repartition(partitions), PIPELINE, QUERY))
          .as("%d partitions", partitions).isEqualTo(expected);
    }
  }

  @Test
  void metrics_typedColumns_readAsTheirText() throws IOException {
    Path file = file("typed.csv", """
        deal_id,stage,entered_at,amount,currency,owner
        T1,Prospecting,2025-01-01T10:00:00Z,1500.25,USD,ana
        T1,Won,2025-02-01T10:00:00Z,,,
        T2,Prospecting,2025-01-05T10:00:00Z,99,USD,bo
        """);
    Dataset<Row> typed = csv(file)
        .withColumn("entered_at", functions.to_timestamp(functions.col("entered_at")))
        .withColumn("amount", functions.col("amount").cast("decimal(20,2)"));
    assertThat(PipelineSpark.metrics(typed, PIPELINE, QUERY)).isEqualTo(singleJvm(file, QUERY));
  }

  @Test
  void metrics_emptyHistory_isTheEmptyReport() throws IOException {
    Path file = file("empty.csv", "deal_id,stage,entered_at\n");
    assertThat(PipelineSpark.metrics(csv(file), PIPELINE, QUERY))
        .isEqualTo(PipelineMetrics.of(PIPELINE).calculate(List.of(), QUERY));
  }

  @Test
  void metrics_badRow_failsNamingTheDealAndTheReason() throws IOException {
    Path file = file("bad.csv", """
        deal_id,stage,entered_at
        B1,Prospecting,2025-01-01
        B2,Nowhere,2025-01-02
        """);
    assertThatIllegalArgumentException().isThrownBy(() -> PipelineSpark.metrics(csv(file), PIPELINE, QUERY))
        .withMessageContaining("B2").withMessageContaining("Nowhere");
  }

  @Test
  void metrics_missingColumn_namesTheRequiredColumns() throws IOException {
    Path file = file("columns.csv", "deal_id,stage\nX,Prospecting\n");
    assertThatIllegalArgumentException().isThrownBy(() -> PipelineSpark.metrics(csv(file), PIPELINE, QUERY))
        .withMessageContaining("entered_at");
  }

  @Test
  void metrics_queryWithAFunction_needsARecipe() {
    MetricsQuery withFunction = MetricsQuery.asOf(AS_OF).withProbability(deal -> 0.5);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PipelineSpark.metrics(firstRows(100), PIPELINE, withFunction))
        .withMessageContaining("Recipe");
    Recipe<MetricsQuery> recipe = () -> MetricsQuery.asOf(AS_OF).withProbability(deal -> deal.id().endsWith("7") ? 0.9 : 0.25);
    MetricsReport report = PipelineSpark.metrics(firstRows(5_000), PipelineSparkTest::historyPipeline, recipe);
    MetricsReport expected = PipelineMetrics.of(PIPELINE).calculate(firstDeals(5_000), recipe.get());
    assertThat(report.weightedPipeline()).isNotEmpty().isEqualTo(expected.weightedPipeline());
    assertThat(report.toString()).isEqualTo(expected.toString());
  }

  /** The deals of the large history whose ids are the first {@code count}: D-000000 to D-(count - 1). */
  private static List<Deal> firstDeals(int count) {
    String last = String.format("D-%06d", count);
    return largeDeals.stream().filter(d -> d.id().compareTo(last) < 0).toList();
  }

  private static Dataset<Row> firstRows(int count) {
    return largeRows.filter(functions.col("deal_id").lt(String.format("D-%06d", count)));
  }

  private static Pipeline historyPipeline() {
    return HistoryPipeline.of(List.of("Prospecting", "Qualification", "Proposal", "Negotiation"), "Won", "Lost");
  }
}
