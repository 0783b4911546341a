package io.rapport.crm.persistence.jdbc;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.testkit.storage.RepositoryContract;
import io.rapport.crm.testkit.storage.Tally;
import java.util.Currency;

/** The JDBC adapter keeps the generic repository contract on Postgres. */
class PostgresTallyRepositoryContractTest implements RepositoryContract<CustomerId, Tally> {

  @Override
  public CrmStore newStore() {
    return Databases.freshPostgres();
  }

  @Override
  public Repository<CustomerId, Tally> repositoryOf(CrmStore store) {
    return store.repository(Tally.TYPE);
  }

  @Override
  public Tally anAggregate(int n) {
    return new Tally(CustomerId.parse(String.format("c-%06d", n)), n,
        Money.ofMinor(n * 101L, Currency.getInstance("EUR")), "note " + n);
  }

  @Override
  public Tally changed(Tally tally) {
    return new Tally(tally.id(), tally.count() + 1, tally.total().plus(tally.total()),
        tally.note() + "!");
  }
}
