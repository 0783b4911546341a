package io.rapport.crm.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2 (embedded, file or in-memory): a revive-then-insert for new aggregates and, since H2 has no
 * advisory locks, a lock in this JVM per database for outbox order. An H2 database is opened by
 * one process at a time, so that lock is enough.
 */
final class H2Dialect extends Dialect {

  private static final Map<String, ReentrantLock> OUTBOX_LOCKS = new ConcurrentHashMap<>();

  private final ReentrantLock outboxLock;

  H2Dialect(String url) {
    this.outboxLock = OUTBOX_LOCKS.computeIfAbsent(url, key -> new ReentrantLock(true));
  }

  @Override
  String name() {
    return "H2";
  }

  @Override
  String migrationLocation() {
    return "classpath:io/rapport/crm/persistence/jdbc/migration/h2";
  }

  @Override
  Runnable beginSnapshot(Connection connection) throws SQLException {
    int before = connection.getTransactionIsolation();
    if (before == Connection.TRANSACTION_REPEATABLE_READ) {
      return () -> { };
    }
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    return () -> {
      try {
        connection.setTransactionIsolation(before);
      } catch (SQLException ignored) {
        // the connection is being closed after a failure; nothing to restore
      }
    };
  }

  @Override
  long insertNew(Connection connection, String type, String id, String document)
      throws SQLException {
    try (PreparedStatement revive = connection.prepareStatement("UPDATE rapport_aggregate"
        + " SET version = version + 1, document = ?"
        + " WHERE aggregate_type = ? AND id = ? AND document IS NULL")) {
      revive.setString(1, document);
      revive.setString(2, type);
      revive.setString(3, id);
      if (revive.executeUpdate() == 1) {
        try (PreparedStatement read = connection.prepareStatement(
            "SELECT version FROM rapport_aggregate WHERE aggregate_type = ? AND id = ?")) {
          read.setString(1, type);
          read.setString(2, id);
          try (ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rapport_aggregate"
        + " (aggregate_type, id, version, document) VALUES (?, ?, 1, ?)")) {
      insert.setString(1, type);
      insert.setString(2, id);
      insert.setString(3, document);
      insert.executeUpdate();
      return 1;
    } catch (SQLException failed) {
      if (isDuplicateKey(failed)) {
        return 0;
      }
      throw failed;
    }
  }

  @Override
  Runnable lockOutbox(Connection connection) {
    outboxLock.lock();
    return outboxLock::unlock;
  }

  @Override
  String nextSequenceSql() {
    return "SELECT NEXT VALUE FOR rapport_outbox_sequence";
  }

  @Override
  boolean isConcurrentChange(SQLException error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        SQLException sql = (SQLException) cause;
        int code = sql.getErrorCode();
        // 90131 concurrent update, 40001 deadlock, 50200 lock timeout
        if (code == 90131 || code == 40001 || code == 50200 || "40001".equals(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }
}
