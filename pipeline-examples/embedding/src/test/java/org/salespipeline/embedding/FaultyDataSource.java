package org.salespipeline.embedding;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Wraps a real data source so that a command fails part-way through its transaction, after the
 * database has really taken its rows: a write error after the insert, or the process dying just
 * before the commit.
 */
final class FaultyDataSource {

  private FaultyDataSource() {}

  /** The insert of events goes through, then the driver reports an I/O error. */
  static DataSource failingAfterInsert(DataSource real) {
    return dataSource(real, (connection, method, args) -> {
      Object result = invoke(connection, method, args);
      if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith("INSERT")) {
        PreparedStatement insert = (PreparedStatement) result;
        return proxy(PreparedStatement.class, (statement, m, a) -> {
          Object r = invoke(insert, m, a);
          if (m.getName().equals("executeBatch")) {
            throw new SQLException("disk full (simulated, after the rows were inserted)", "HY000");
          }
          return r;
        });
      }
      return result;
    });
  }

  /** Just before the commit, the database dies as if the process was killed. */
  static DataSource crashingBeforeCommit(DataSource real) {
    return dataSource(real, (connection, method, args) -> {
      if (method.getName().equals("commit")) {
        Connection c = (Connection) connection;
        try (Statement statement = c.createStatement()) {
          statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
          // the connection dies with the database
        }
        throw new SQLException("connection lost (simulated crash before commit)", "08006");
      }
      return invoke(connection, method, args);
    });
  }

  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static DataSource dataSource(DataSource real, Handler onConnection) {
    return proxy(DataSource.class, (ds, method, args) -> {
      Object result = invoke(real, method, args);
      if (method.getName().equals("getConnection")) {
        Connection connection = (Connection) result;
        return proxy(Connection.class, (c, m, a) -> onConnection.handle(connection, m, a));
      }
      return result;
    });
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
