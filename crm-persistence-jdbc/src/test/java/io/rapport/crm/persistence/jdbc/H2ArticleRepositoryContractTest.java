package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.ArticleRepositoryContract;

/** The JDBC adapter keeps the Article repository contract on H2. */
class H2ArticleRepositoryContractTest implements ArticleRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }
}
