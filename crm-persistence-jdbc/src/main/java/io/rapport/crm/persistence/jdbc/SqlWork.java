package io.rapport.crm.persistence.jdbc;

import java.sql.SQLException;

/** Work done with a session's connection, which may fail with an SQL error. */
@FunctionalInterface
interface SqlWork<T> {

  /** Does the work. */
  T run(JdbcSession session) throws SQLException;
}
