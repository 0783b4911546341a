package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.LoyaltyAccountRepositoryContract;

/** The JDBC adapter keeps the LoyaltyAccount repository contract on Postgres. */
class PostgresLoyaltyAccountRepositoryContractTest implements LoyaltyAccountRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
