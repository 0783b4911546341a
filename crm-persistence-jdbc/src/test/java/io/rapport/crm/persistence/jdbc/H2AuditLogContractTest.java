package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.storage.AuditLogContract;

/** The JDBC adapter keeps the audit log contract on H2: entries commit with their change. */
class H2AuditLogContractTest implements AuditLogContract {

  @Override
  public CrmStore newStore() {
    return Databases.freshH2();
  }

  @Override
  public JsonCodec codec() {
    return Databases.CODEC;
  }
}
