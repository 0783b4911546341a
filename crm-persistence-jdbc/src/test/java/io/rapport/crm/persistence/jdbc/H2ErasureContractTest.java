package io.rapport.crm.persistence.jdbc;

/** The JDBC adapter keeps the erasure contract on H2 (see {@link JdbcErasureContract}). */
class H2ErasureContractTest implements JdbcErasureContract {

  @Override
  public TestDatabase database() {
    return TestDatabase.H2;
  }
}
