package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.testkit.storage.ArticleRepositoryContract;

/** The JDBC adapter keeps the Article repository contract on Postgres. */
class PostgresArticleRepositoryContractTest implements ArticleRepositoryContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }
}
