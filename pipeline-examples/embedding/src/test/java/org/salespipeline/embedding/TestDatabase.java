package org.salespipeline.embedding;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A real H2 database in files under a test's temporary directory, with a connection pool, a way
 * to crash it like a killed process, and plain SQL for assertions that do not trust the service.
 */
final class TestDatabase implements AutoCloseable {

  /**
   * WRITE_DELAY=0: H2 writes every commit to the file at once (the default, 500 ms, loses the
   * last half second of commits in a crash); LOCK_TIMEOUT: a writer waits for a concurrent one.
   */
  static final String OPTIONS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";

  private final String url;
  private final JdbcConnectionPool pool;

  private TestDatabase(String url) {
    this.url = url;
    this.pool = JdbcConnectionPool.create(url, "sa", "");
    this.pool.setMaxConnections(16);
  }

  static TestDatabase in(Path dir) {
    return new TestDatabase("jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + OPTIONS);
  }

  DataSource dataSource() {
    return pool;
  }

  /**
   * Kills the database as a power failure or a killed process would: no flush, no cleanup, every
   * open connection and transaction gone. H2's SHUTDOWN IMMEDIATELY exists for such tests.
   */
  void crash() {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN IMMEDIATELY");
    } catch (SQLException e) {
      // expected: the connection dies with the database
    }
    pool.dispose();
  }

  /** Opens the same database files again, as a restarted process would. */
  TestDatabase reopen() {
    pool.dispose();
    return new TestDatabase(url);
  }

  int count(String sql, Object... parameters) {
    try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  int rows() {
    return count("SELECT COUNT(*) FROM deal_events");
  }

  int rows(String dealId) {
    return count("SELECT COUNT(*) FROM deal_events WHERE deal_id = ?", dealId);
  }

  void execute(String sql) {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
