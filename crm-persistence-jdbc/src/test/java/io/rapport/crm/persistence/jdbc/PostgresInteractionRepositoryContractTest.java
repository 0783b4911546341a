package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.InteractionRepositoryContract;

/** The JDBC adapter keeps the Interaction repository contract on Postgres. */
class PostgresInteractionRepositoryContractTest implements InteractionRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
