package io.rapport.crm.persistence.jdbc;

/** The JDBC adapter keeps the erasure contract on PostgreSQL (see {@link JdbcErasureContract}). */
class PostgresErasureContractTest implements JdbcErasureContract {

  @Override
  public TestDatabase database() {
    return TestDatabase.POSTGRESQL;
  }
}
