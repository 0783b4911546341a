package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.IndexQueryContract;

/** The JDBC adapter keeps the index query contract on H2. */
class H2IndexQueryContractTest implements IndexQueryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
