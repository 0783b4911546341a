package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.LoyaltyProgramRepositoryContract;

/** The JDBC adapter keeps the LoyaltyProgram repository contract on Postgres. */
class PostgresLoyaltyProgramRepositoryContractTest implements LoyaltyProgramRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
