package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.LoyaltyAccountRepositoryContract;

/** The JDBC adapter keeps the LoyaltyAccount repository contract on H2. */
class H2LoyaltyAccountRepositoryContractTest implements LoyaltyAccountRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
