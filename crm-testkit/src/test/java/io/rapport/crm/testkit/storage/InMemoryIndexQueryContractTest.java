package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.IndexQueryContract.readAll;
import static io.rapport.crm.testkit.storage.IndexQueryContract.tally;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** The in-memory reference store keeps the index query contract, and queries a snapshot. */
class InMemoryIndexQueryContractTest implements IndexQueryContract {

  @Override
  public CrmStore newStore() {
    return InMemoryCrmStore.create();
  }

  @Test
  void aTransactionKeepsQueryingItsSnapshotWhileOthersCommit() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> outside = store.repository(Tally.TYPE);
      outside.save(tally(1, 1, "CNY", "gold"), Version.NEW);
      outside.save(tally(2, 2, "CNY", "gold"), Version.NEW);
      Either<?, List<List<String>>> seen = store.inTransaction(tx -> {
        Repository<CustomerId, Tally> inside = tx.repository(Tally.TYPE);
        List<String> before = readAll(inside, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 10));
        outside.save(tally(1, 1, "CNY", "silver"), Version.of(1));
        outside.erase(CustomerId.parse("q-00002"));
        outside.save(tally(3, 3, "CNY", "gold"), Version.NEW);
        List<String> during = readAll(inside, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 10));
        return Either.right(List.of(before, during));
      });
      assertThat(seen.get().get(0)).containsExactly("q-00001", "q-00002");
      assertThat(seen.get().get(1)).containsExactly("q-00001", "q-00002");
      assertThat(readAll(outside, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 10)))
          .containsExactly("q-00003");
      assertThat(readAll(outside, IndexQuery.of(Tally.BY_NOTE_WORD, "silver", 10)))
          .containsExactly("q-00001");
    }
  }
}
