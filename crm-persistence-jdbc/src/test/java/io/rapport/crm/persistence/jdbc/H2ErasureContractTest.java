package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.storage.ErasureContract;
import io.vavr.collection.Seq;

/**
 * The JDBC adapter keeps the erasure contract on H2: after an erasure no personal value of
 * the customer is in any row of its tables, documents, tombstones, index keys and outbox payloads
 * included.
 */
class H2ErasureContractTest implements ErasureContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }

  @Override
  public Seq<String> storedText(CrmStore store) {
    return StoredRows.of(Databases.h2());
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
