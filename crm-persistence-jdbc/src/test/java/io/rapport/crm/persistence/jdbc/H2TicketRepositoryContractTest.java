package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.TicketRepositoryContract;

/** The JDBC adapter keeps the Ticket repository contract on H2. */
class H2TicketRepositoryContractTest implements TicketRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
