package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.storage.ErasureContract;
import io.vavr.collection.Seq;

/**
 * The JDBC adapter keeps the erasure contract on PostgreSQL: after an erasure no personal value of
 * the customer is in any row of its tables, documents, tombstones, index keys and outbox payloads
 * included.
 */
class PostgresErasureContractTest implements ErasureContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }

  @Override
  public Seq<String> storedText(CrmStore store) {
    return StoredRows.of(Databases.postgres());
  }

  @Override
  public int examples() {
    return 15;
  }

  @Override
  public JsonCodec codec() {
    return Databases.CODEC;
  }
}
