package io.rapport.crm.testkit.storage;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import java.util.Currency;

/**
 * The generic repository contract on the suite's own {@link Tally} aggregate, with every hook but
 * {@link #newStore()} filled in: an adapter runs it with a test class that only says how to open
 * an empty store.
 */
public interface TallyRepositoryContract extends RepositoryContract<CustomerId, Tally> {

  @Override
  default Repository<CustomerId, Tally> repositoryOf(CrmStore store) {
    return store.repository(Tally.TYPE);
  }

  @Override
  default Tally anAggregate(int n) {
    return new Tally(CustomerId.parse(String.format("c-%06d", n)), n,
        Money.ofMinor(n * 101L, Currency.getInstance("EUR")), "note " + n);
  }

  @Override
  default Tally changed(Tally tally) {
    return new Tally(tally.id(), tally.count() + 1, tally.total().plus(tally.total()),
        tally.note() + "!");
  }
}
