package io.rapport.crm.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** PostgreSQL: upserts with ON CONFLICT, an advisory lock for outbox order, SQLSTATE 40001/40P01. */
final class PostgresDialect extends Dialect {

  /** The advisory lock key of the outbox: "rapport" in ASCII, as a number. */
  private static final long OUTBOX_LOCK = 0x72_61_70_70_6f_72_74L;

  static final String INSERT_NEW = "INSERT INTO rapport_aggregate (aggregate_type, id, version, document)"
      + " VALUES (?, ?, 1, ?) ON CONFLICT (aggregate_type, id) DO UPDATE"
      + " SET version = rapport_aggregate.version + 1, document = EXCLUDED.document"
      + " WHERE rapport_aggregate.document IS NULL";

  @Override
  String name() {
    return "PostgreSQL";
  }

  @Override
  String migrationLocation() {
    return "classpath:io/rapport/crm/persistence/jdbc/migration/postgresql";
  }

  @Override
  Runnable beginSnapshot(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }
    return () -> { };
  }

  @Override
  long insertNew(Connection connection, String type, String id, String document)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW + " RETURNING version")) {
      insert.setString(1, type);
      insert.setString(2, id);
      insert.setString(3, document);
      try (ResultSet written = insert.executeQuery()) {
        return written.next() ? written.getLong(1) : 0;
      }
    }
  }

  @Override
  Runnable lockOutbox(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, OUTBOX_LOCK);
      lock.execute();
    }
    return () -> { };
  }

  @Override
  String nextSequenceSql() {
    return "SELECT nextval('rapport_outbox_sequence')";
  }

  @Override
  boolean isConcurrentChange(SQLException error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        String state = ((SQLException) cause).getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
