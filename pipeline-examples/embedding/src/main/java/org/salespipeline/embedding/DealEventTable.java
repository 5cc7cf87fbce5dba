package org.salespipeline.embedding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.salespipeline.core.DealEvent;

/**
 * The SQL of the append-only event table; every method works inside the caller's connection and
 * transaction.
 *
 * <p>The primary key on {@code (deal_id, version)} is the whole of the optimistic concurrency:
 * two writers that decided on the same version both insert the row of the next version, and the
 * database lets exactly one of them have it. No row is ever updated or deleted.
 */
final class DealEventTable {

  /** The table, created if missing; H2 dialect, close to standard SQL. */
  static final String DDL = """
      CREATE TABLE IF NOT EXISTS deal_events (
        deal_id  VARCHAR(255)                NOT NULL,
        version  INTEGER                     NOT NULL,
        type     VARCHAR(40)                 NOT NULL,
        at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
        payload  VARCHAR(1000000)            NOT NULL,
        CONSTRAINT deal_events_pk PRIMARY KEY (deal_id, version),
        CONSTRAINT deal_events_version_from_1 CHECK (version >= 1)
      )""";

  private static final String INSERT =
      "INSERT INTO deal_events (deal_id, version, type, at, payload) VALUES (?, ?, ?, ?, ?)";
  private static final String SELECT_ONE =
      "SELECT deal_id, version, type, at, payload FROM deal_events WHERE deal_id = ? ORDER BY version";
  private static final String SELECT_ALL =
      "SELECT deal_id, version, type, at, payload FROM deal_events ORDER BY deal_id, version";
  private static final String SELECT_VERSION =
      "SELECT COALESCE(MAX(version), 0) FROM deal_events WHERE deal_id = ?";

  private DealEventTable() {}

  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(DDL);
    }
  }

  /** Returns the stored events of one deal, oldest first; empty if the deal is unknown. */
  static List<DealEvent> load(Connection connection, String dealId) throws SQLException {
    List<DealEvent> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_ONE)) {
      select.setString(1, dealId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(read(rows, events.size() + 1));
        }
      }
    }
    return events;
  }

  /** Hands the events of every deal, one deal at a time, in deal id order, to the consumer. */
  static void forEachDeal(Connection connection, Consumer<List<DealEvent>> consumer) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SELECT_ALL)) {
      List<DealEvent> events = new ArrayList<>();
      String dealId = null;
      while (rows.next()) {
        String id = rows.getString(1);
        if (!id.equals(dealId)) {
          if (dealId != null) {
            consumer.accept(List.copyOf(events));
          }
          events.clear();
          dealId = id;
        }
        events.add(read(rows, events.size() + 1));
      }
      if (dealId != null) {
        consumer.accept(List.copyOf(events));
      }
    }
  }

  /** Returns the latest stored version of a deal, 0 if the deal is unknown. */
  static int version(Connection connection, String dealId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT_VERSION)) {
      select.setString(1, dealId);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /**
   * Inserts the events as versions {@code expectedVersion + 1, + 2, …}. Throws the database's
   * unique-key violation if another writer already stored one of those versions.
   */
  static void append(Connection connection, String dealId, int expectedVersion, List<DealEvent> events)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      int version = expectedVersion;
      for (DealEvent event : events) {
        insert.setString(1, dealId);
        insert.setInt(2, ++version);
        insert.setString(3, EventFormat.typeOf(event));
        insert.setObject(4, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
        insert.setString(5, EventFormat.payloadOf(event));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static DealEvent read(ResultSet row, int expectedVersion) throws SQLException {
    String dealId = row.getString(1);
    int version = row.getInt(2);
    if (version != expectedVersion) {
      throw new DealStoreException("deal " + dealId + " has no event of version " + expectedVersion
          + " (next stored version is " + version + "): the table was edited by hand");
    }
    String type = row.getString(3);
    Instant at = row.getObject(4, OffsetDateTime.class).toInstant();
    try {
      return EventFormat.read(dealId, type, at, row.getString(5));
    } catch (IllegalArgumentException e) {
      throw new DealStoreException("event " + version + " of deal " + dealId + " does not read back: "
          + e.getMessage(), e);
    }
  }
}
