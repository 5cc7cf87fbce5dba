package org.salespipeline.bench;

import io.vavr.control.Option;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.salespipeline.core.Deal;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;
import org.salespipeline.core.StageStay;

/**
 * The metrics comparison's SQL approach: DuckDB in process, the deals already in its tables, the
 * same definitions in SQL.
 *
 * <p>Tables, loaded through DuckDB's appender before any timing:
 * <pre>
 * deals (deal_no INTEGER, created TIMESTAMP, amount DECIMAL(18,2), currency VARCHAR)  -- one row per deal
 * stays (deal_no INTEGER, stage INTEGER, entered TIMESTAMP, left_at TIMESTAMP)         -- one row per stay
 * </pre>
 * A stay's {@code stage} is the open stage's order (0 … k−1), k for the won stage and k+1 for the
 * lost stage; {@code left_at} is null for the current stay. Every stay of the deal's whole history
 * is loaded: the queries take the data as of {@code T} themselves (a stay entered after {@code T}
 * does not exist yet, a stay left after {@code T} is current). The amount is the deal's (the bench
 * deals never change amount, which loading checks).
 *
 * <p>A calculation snapshots each deal's state at {@code T} into a temporary table (one pass over
 * the stays), then computes the figures from it and from the stays, and drops it: all timed.
 * DuckDB runs on all cores, as it does by default.
 */
final class DuckDbMetrics implements AutoCloseable {

  private static final String MILLIS_PER_DAY = "86400000.0";
  private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final Pipeline pipeline;
  private final int k;
  private final Map<String, Integer> stageNumbers = new HashMap<>();
  private final DuckDBConnection connection;

  /** Opens an in-memory database. */
  DuckDbMetrics(Pipeline pipeline) throws SQLException {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    List<Stage> open = pipeline.openStages();
    this.k = open.size();
    for (int i = 0; i < k; i++) {
      stageNumbers.put(open.get(i).id(), i);
    }
    stageNumbers.put(pipeline.wonStage().id(), k);
    stageNumbers.put(pipeline.lostStage().id(), k + 1);
    Connection plain = DriverManager.getConnection("jdbc:duckdb:");
    this.connection = plain.unwrap(DuckDBConnection.class);
  }

  /** DuckDB's threads setting (all cores unless configured). */
  long threads() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_setting('threads')")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Sets how many threads DuckDB runs a query on.
   *
   * @param threads at least one
   */
  void threads(long threads) throws SQLException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
    }
  }

  /**
   * Replaces the tables' contents with these deals, through the appender.
   *
   * @return how many stays were loaded
   */
  long load(List<Deal> deals) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TABLE deals (deal_no INTEGER NOT NULL, created TIMESTAMP NOT NULL,"
          + " amount DECIMAL(18,2), currency VARCHAR)");
      statement.execute("CREATE OR REPLACE TABLE stays (deal_no INTEGER NOT NULL, stage INTEGER NOT NULL,"
          + " entered TIMESTAMP NOT NULL, left_at TIMESTAMP)");
    }
    long stays = 0;
    try (DuckDBAppender dealRows = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "deals");
        DuckDBAppender stayRows = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stays")) {
      for (int no = 0; no < deals.size(); no++) {
        Deal deal = deals.get(no);
        checkConstantAmount(deal);
        dealRows.beginRow().append(no).appendEpochMicros(micros(deal.createdAt()));
        if (deal.amount().isDefined()) {
          dealRows.append(deal.amount().get().amount().setScale(2, RoundingMode.UNNECESSARY))
              .append(deal.amount().get().currency().getCurrencyCode());
        } else {
          dealRows.appendNull().appendNull();
        }
        dealRows.endRow();
        for (StageStay stay : deal.stays()) {
          stayRows.beginRow().append(no).append(stageNumber(stay.stageId()))
              .appendEpochMicros(micros(stay.enteredAt()));
          if (stay.leftAt().isDefined()) {
            stayRows.appendEpochMicros(micros(stay.leftAt().get()));
          } else {
            stayRows.appendNull();
          }
          stayRows.endRow();
          stays++;
        }
      }
    }
    return stays;
  }

  /** A TIMESTAMP's microseconds, at the library's resolution (milliseconds). */
  private static long micros(Instant instant) {
    return Math.multiplyExact(instant.toEpochMilli(), 1000L);
  }

  private static void checkConstantAmount(Deal deal) {
    for (DealEvent event : deal.history()) {
      if (event instanceof DealEvent.AmountChanged) {
        throw new IllegalArgumentException("the DuckDB tables keep one amount per deal but deal " + deal.id()
            + " changes its amount");
      }
    }
  }

  private int stageNumber(String stageId) {
    Integer number = stageNumbers.get(stageId);
    if (number == null) {
      throw new IllegalArgumentException("stage '" + stageId + "' is not in pipeline " + pipeline.id());
    }
    return number;
  }

  /** The figures as of {@code asOf}, computed in SQL on the loaded tables. */
  MetricsFigures calculate(Instant asOf) throws SQLException {
    String t = "TIMESTAMP '" + SQL_TIMESTAMP.format(LocalDateTime.ofInstant(asOf, ZoneOffset.UTC)) + "'";
    String won = Integer.toString(k);
    String lost = Integer.toString(k + 1);
    try (Statement statement = connection.createStatement()) {
      // each deal as of T: its current stay (the one not left by T), its furthest open stage
      statement.execute("CREATE OR REPLACE TEMP TABLE snapshot AS"
          + " SELECT d.deal_no, d.created, d.amount, d.currency, s.stage, s.since, s.furthest"
          + " FROM deals d JOIN ("
          + "   SELECT deal_no,"
          + "     any_value(stage) FILTER (WHERE left_at IS NULL OR left_at > " + t + ") AS stage,"
          + "     any_value(entered) FILTER (WHERE left_at IS NULL OR left_at > " + t + ") AS since,"
          + "     max(stage) FILTER (WHERE stage < " + k + ") AS furthest"
          + "   FROM stays WHERE entered <= " + t + " GROUP BY deal_no) s USING (deal_no)");
      try {
        return figures(statement, t, won, lost);
      } finally {
        statement.execute("DROP TABLE snapshot");
      }
    }
  }

  private MetricsFigures figures(Statement statement, String t, String won, String lost) throws SQLException {
    long deals;
    long openCount;
    long wonCount;
    long lostCount;
    try (ResultSet rows = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE stage < " + won + "),"
        + " count(*) FILTER (WHERE stage = " + won + "), count(*) FILTER (WHERE stage = " + lost + ") FROM snapshot")) {
      rows.next();
      deals = rows.getLong(1);
      openCount = rows.getLong(2);
      wonCount = rows.getLong(3);
      lostCount = rows.getLong(4);
    }
    Option<Double> winRate = wonCount + lostCount == 0 ? Option.none()
        : Option.some((double) wonCount / (wonCount + lostCount));

    MetricsFigures.Summary cycle;
    try (ResultSet rows = statement.executeQuery("SELECT count(*), avg(ms) / " + MILLIS_PER_DAY + ","
        + " quantile_cont(ms, [0.5, 0.9]) FROM ("
        + "   SELECT epoch_ms(since) - epoch_ms(created) AS ms FROM snapshot WHERE stage = " + won + ")")) {
      rows.next();
      cycle = summary(rows, 1);
    }

    SortedMap<String, MetricsFigures.Size> sizes = new TreeMap<>();
    try (ResultSet rows = statement.executeQuery("SELECT currency, count(*), sum(amount), avg(amount),"
        + " median(amount) FROM snapshot WHERE stage = " + won + " AND amount IS NOT NULL GROUP BY currency")) {
      while (rows.next()) {
        sizes.put(rows.getString(1), new MetricsFigures.Size(rows.getLong(2), rows.getBigDecimal(3),
            rows.getDouble(4), rows.getBigDecimal(5)));
      }
    }

    List<MetricsFigures.FunnelRow> funnel = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("WITH f AS ("
        + "   SELECT stage, furthest, count(*) AS n FROM snapshot GROUP BY stage, furthest)"
        + " SELECT s.stage,"
        + "   coalesce(sum(n) FILTER (WHERE f.stage = " + won + " OR f.furthest >= s.stage), 0)::BIGINT,"
        + "   coalesce(sum(n) FILTER (WHERE f.stage = " + won + " OR f.furthest > s.stage), 0)::BIGINT,"
        + "   coalesce(sum(n) FILTER (WHERE f.stage = " + lost + " AND f.furthest = s.stage), 0)::BIGINT,"
        + "   coalesce(sum(n) FILTER (WHERE f.stage < " + won + " AND f.furthest = s.stage), 0)::BIGINT"
        + " FROM range(0, " + k + ") s(stage) LEFT JOIN f ON true GROUP BY s.stage ORDER BY s.stage")) {
      while (rows.next()) {
        funnel.add(new MetricsFigures.FunnelRow(pipeline.openStages().get(rows.getInt(1)).id(), rows.getLong(2),
            rows.getLong(3), rows.getLong(4), rows.getLong(5)));
      }
    }

    Map<String, MetricsFigures.Summary> timeInStage = new HashMap<>();
    try (ResultSet rows = statement.executeQuery("SELECT stage, count(*), avg(ms) / " + MILLIS_PER_DAY + ","
        + " quantile_cont(ms, [0.5, 0.9]) FROM ("
        + "   SELECT stage, epoch_ms(left_at) - epoch_ms(entered) AS ms FROM stays"
        + "   WHERE stage < " + won + " AND left_at <= " + t + ") GROUP BY stage")) {
      while (rows.next()) {
        timeInStage.put(pipeline.openStages().get(rows.getInt(1)).id(), summary(rows, 2));
      }
    }

    SortedMap<String, Double> velocity = new TreeMap<>();
    try (ResultSet rows = statement.executeQuery("WITH rate AS ("
        + "   SELECT count(*) FILTER (WHERE stage = " + won + ")::DOUBLE"
        + "       / nullif(count(*) FILTER (WHERE stage >= " + won + "), 0) AS win_rate,"
        + "     avg(epoch_ms(since) - epoch_ms(created)) FILTER (WHERE stage = " + won + ") / " + MILLIS_PER_DAY
        + "       AS cycle_days"
        + "   FROM snapshot),"
        + " per AS ("
        + "   SELECT currency, count(*) FILTER (WHERE stage < " + won + ") AS open_n,"
        + "     avg(amount) FILTER (WHERE stage = " + won + ") AS mean_won"
        + "   FROM snapshot WHERE amount IS NOT NULL GROUP BY currency)"
        + " SELECT currency, open_n * mean_won * win_rate / cycle_days FROM per, rate"
        + " WHERE mean_won IS NOT NULL AND win_rate IS NOT NULL AND cycle_days > 0")) {
      while (rows.next()) {
        velocity.put(rows.getString(1), rows.getDouble(2));
      }
    }
    return new MetricsFigures(deals, openCount, wonCount, lostCount, winRate, cycle, sizes, funnel,
        MetricsFigures.everyStage(pipeline.openStages(), timeInStage), velocity);
  }

  /** Count, mean in days, and [median, p90] in milliseconds, from a column on. */
  private static MetricsFigures.Summary summary(ResultSet rows, int column) throws SQLException {
    long count = rows.getLong(column);
    if (count == 0) {
      return MetricsFigures.Summary.EMPTY;
    }
    double mean = rows.getDouble(column + 1);
    Array quantiles = rows.getArray(column + 2);
    Object[] values = (Object[]) quantiles.getArray();
    double median = ((Number) values[0]).doubleValue() / Double.parseDouble(MILLIS_PER_DAY);
    double p90 = ((Number) values[1]).doubleValue() / Double.parseDouble(MILLIS_PER_DAY);
    return new MetricsFigures.Summary(count, Option.some(mean), Option.some(median), Option.some(p90));
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
