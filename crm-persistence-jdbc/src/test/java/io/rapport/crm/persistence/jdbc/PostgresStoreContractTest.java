package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.CrmStoreContract;

/** The JDBC adapter keeps the store contract (transactions, outbox, concurrency) on Postgres. */
class PostgresStoreContractTest implements CrmStoreContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
