package io.rapport.crm.testkit.storage;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import java.util.Currency;

/** The in-memory reference store keeps the repository contract. */
class InMemoryTallyRepositoryContractTest implements RepositoryContract<CustomerId, Tally> {

  @Override
  public CrmStore newStore() {
    return InMemoryCrmStore.create();
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
    return new Tally(tally.id(), tally.count() + 1, tally.total().plus(tally.total()), tally.note() + "!");
  }
}
