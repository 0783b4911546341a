package io.rapport.crm.persistence.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases the adapter speaks to: where their migrations are, how a new
 * aggregate is inserted (or an erased one revived), how outbox sequences are taken in commit order,
 * and which errors mean a concurrent change rather than a failure. Everything else is plain SQL
 * shared by both.
 */
abstract class Dialect {

  /** Returns the dialect of the database behind a connection. */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgresql")) {
      return new PostgresDialect();
    }
    if (product.equals("h2")) {
      return new H2Dialect(meta.getURL());
    }
    throw new IllegalArgumentException("The JDBC adapter supports PostgreSQL and H2, not "
        + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
  }

  /** Returns the database's name, as in messages. */
  abstract String name();

  /** Returns the classpath folder of this database's Flyway migrations. */
  abstract String migrationLocation();

  /**
   * Starts a snapshot (repeatable read) transaction on a connection whose auto-commit is off.
   *
   * @return a task that restores the connection's isolation afterwards
   */
  abstract Runnable beginSnapshot(Connection connection) throws SQLException;

  /**
   * Inserts a new aggregate at version 1, or revives an erased one at its next version.
   *
   * @return the version written, or 0 if a live aggregate has that id
   */
  abstract long insertNew(Connection connection, String type, String id, String document)
      throws SQLException;

  /**
   * Takes the lock under which outbox sequences are drawn, held until the transaction ends.
   *
   * @return a task that releases it after commit or rollback (nothing to do if the database
   *     releases it with the transaction)
   */
  abstract Runnable lockOutbox(Connection connection) throws SQLException;

  /** Returns the SQL that draws the next outbox sequence number. */
  abstract String nextSequenceSql();

  /** Returns whether an error means that rows changed concurrently (serialization, deadlock). */
  abstract boolean isConcurrentChange(SQLException error);

  /** Returns whether an error is a duplicate primary key. */
  static boolean isDuplicateKey(SQLException error) {
    return "23505".equals(error.getSQLState());
  }
}
