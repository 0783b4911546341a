package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.TicketRepositoryContract;

/** The JDBC adapter keeps the Ticket repository contract on Postgres. */
class PostgresTicketRepositoryContractTest implements TicketRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
