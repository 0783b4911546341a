package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.storage.ErasureContract;
import io.vavr.collection.Seq;

/**
 * The erasure contract on one of the test databases: after an erasure no personal value of the
 * customer is in any row of the adapter's tables, documents, tombstones, index keys and outbox
 * payloads included.
 */
interface JdbcErasureContract extends ErasureContract {

  /** Returns the database the contract runs on. */
  TestDatabase database();

  @Override
  default CrmStore newStore() {
    return database().fresh();
  }

  @Override
  default Seq<String> storedText(CrmStore store) {
    return StoredRows.of(database().unpooled());
  }

  @Override
  default int examples() {
    return 15;
  }

  @Override
  default JsonCodec codec() {
    return Databases.CODEC;
  }
}
