package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.testkit.Theories;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The contract of secondary-index queries ({@link Repository#query(IndexQuery)}) that every
 * adapter must keep: a query returns exactly the aggregates whose current state files them under
 * the key, in sort-key then id order, ascending or descending, within the range, page by page
 * without gaps or repeats; a change or an erasure moves or removes an aggregate at once; inside a
 * transaction the query sees the transaction's own writes. It stores {@link Tally} aggregates
 * with the indexes of {@link Tally#TYPE}. An adapter runs it by implementing {@link #newStore()}
 * in a test class named {@code …Contract…}.
 */
public interface IndexQueryContract {

  /** Returns a new, empty store of the adapter under test; each test opens and closes its own. */
  CrmStore newStore();

  /** Returns a tally with a distinct id for {@code n}, a count, a currency and a note. */
  static Tally tally(int n, long count, String currency, String note) {
    return new Tally(CustomerId.parse(String.format("q-%05d", n)), count,
        Money.zero(Currency.getInstance(currency)), note);
  }

  /** Reads every page of a query and returns the ids in the order read. */
  static List<String> readAll(Repository<CustomerId, Tally> repository, IndexQuery first) {
    List<String> ids = List.empty();
    Option<IndexCursor> after = Option.none();
    int pages = 0;
    do {
      Page<Versioned<Tally>, IndexCursor> page = repository.query(first.after(after));
      assertThat(page.items().size()).isLessThanOrEqualTo(first.limit());
      ids = ids.appendAll(page.items().map(v -> v.value().id().value()));
      after = page.next();
      pages++;
    } while (after.isDefined() && pages < 10_000);
    return ids;
  }

  @Test
  default void findsByKeyInIdOrderPageByPage() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> repository = store.repository(Tally.TYPE);
      for (int n = 60; n >= 1; n--) {
        repository.save(tally(n, n, "CNY", n % 3 == 0 ? "gold vip" : "silver"), Version.NEW);
      }
      List<String> gold = readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 7));
      assertThat(gold.toJavaList()).hasSize(20).isSorted().doesNotHaveDuplicates();
      assertThat(gold.toJavaList()).containsExactlyElementsOf(
          List.rangeClosed(1, 60).filter(n -> n % 3 == 0).map(n -> String.format("q-%05d", n)));
      assertThat(readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, "bronze", 5))).isEmpty();
    }
  }

  @Test
  default void ordersBySortKeyEitherWayAndWithinARange() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> repository = store.repository(Tally.TYPE);
      for (int n = 1; n <= 40; n++) {
        repository.save(tally(n, (n * 7) % 40, n % 2 == 0 ? "CNY" : "EUR", "x"), Version.NEW);
      }
      List<Long> ascending = counts(repository, IndexQuery.of(Tally.BY_COUNT, "CNY", 6));
      assertThat(ascending.toJavaList()).hasSize(20).isSorted();
      List<Long> descending = counts(repository, IndexQuery.of(Tally.BY_COUNT, "CNY", 6).newestFirst());
      assertThat(descending.toJavaList()).containsExactlyElementsOf(ascending.reverse());
      List<Long> ranged = counts(repository, IndexQuery.of(Tally.BY_COUNT, "CNY", 4)
          .between(Option.of(Tally.countKey(10)), Option.of(Tally.countKey(20))));
      assertThat(ranged.toJavaList()).containsExactlyElementsOf(
          ascending.filter(c -> c >= 10 && c < 20));
      List<Long> rangedDown = counts(repository, IndexQuery.of(Tally.BY_COUNT, "CNY", 4)
          .between(Option.of(Tally.countKey(10)), Option.of(Tally.countKey(20))).newestFirst());
      assertThat(rangedDown.toJavaList()).containsExactlyElementsOf(ranged.reverse());
    }
  }

  @Test
  default void aChangeMovesAndAnErasureRemovesAtOnce() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> repository = store.repository(Tally.TYPE);
      Tally first = tally(1, 1, "CNY", "gold");
      repository.save(first, Version.NEW);
      repository.save(tally(2, 2, "CNY", "gold"), Version.NEW);
      repository.save(new Tally(first.id(), 1, first.total(), "silver"), Version.of(1));
      assertThat(readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 10)))
          .containsExactly("q-00002");
      assertThat(readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, "silver", 10)))
          .containsExactly("q-00001");
      repository.erase(CustomerId.parse("q-00002"));
      assertThat(readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 10))).isEmpty();
      repository.save(new Tally(first.id(), 1, first.total(), "gold"), Version.of(2));
      assertThat(readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 10)))
          .containsExactly("q-00001");
      assertThat(readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, "silver", 10))).isEmpty();
    }
  }

  @Test
  default void aTransactionQueriesItsOwnWrites() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> outside = store.repository(Tally.TYPE);
      outside.save(tally(1, 1, "CNY", "gold"), Version.NEW);
      outside.save(tally(2, 2, "CNY", "gold"), Version.NEW);
      Either<?, List<String>> seen = store.inTransaction(tx -> {
        Repository<CustomerId, Tally> inside = tx.repository(Tally.TYPE);
        inside.save(tally(3, 3, "CNY", "gold"), Version.NEW);
        inside.save(tally(2, 2, "CNY", "silver"), Version.of(1));
        inside.erase(CustomerId.parse("q-00001"));
        inside.save(tally(4, 4, "CNY", "gold"), Version.NEW);
        return Either.right(readAll(inside, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 1)));
      });
      assertThat(seen.get()).containsExactly("q-00003", "q-00004");
      assertThat(readAll(outside, IndexQuery.of(Tally.BY_NOTE_WORD, "gold", 10)))
          .containsExactly("q-00003", "q-00004");
    }
  }

  @Test
  default void anUnknownIndexIsAnArgumentError() {
    try (CrmStore store = newStore()) {
      assertThatThrownBy(() -> store.repository(Tally.TYPE)
          .query(IndexQuery.of("by_colour", "red", 10)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("by_colour");
    }
  }

  @Test
  default void agreesWithAModelAfterAnySequenceOfWrites() {
    Gen<Integer> steps = SourceDSL.integers().between(0, 1199);
    Theories.qt().withExamples(40).forAll(SourceDSL.lists().of(steps).ofSizeBetween(1, 120))
        .checkAssert(ops -> {
          try (CrmStore store = newStore()) {
            Repository<CustomerId, Tally> repository = store.repository(Tally.TYPE);
            Map<Integer, Tally> model = new HashMap<>();
            String[] words = {"gold", "silver", "gold vip", "vip", ""};
            for (int op : ops) {
              int id = op % 12;
              int word = (op / 12) % 5;
              boolean erase = (op / 60) % 4 == 0;
              long count = op % 7;
              Option<Versioned<Tally>> current = repository.find(tally(id, 0, "CNY", "").id());
              if (erase) {
                repository.erase(tally(id, 0, "CNY", "").id());
                model.remove(id);
              } else {
                Tally next = tally(id, count, "CNY", words[word]);
                repository.save(next, current.map(Versioned::version).getOrElse(Version.NEW));
                model.put(id, next);
              }
            }
            for (String word : List.of("gold", "silver", "vip")) {
              List<String> expected = List.ofAll(model.values())
                  .filter(t -> t.noteWords().contains(word)).map(t -> t.id().value()).sorted();
              assertThat(readAll(repository, IndexQuery.of(Tally.BY_NOTE_WORD, word, 3)))
                  .as("under %s", word).containsExactlyElementsOf(expected);
            }
            Seq<Long> expectedCounts = List.ofAll(model.values()).map(Tally::count).sorted();
            assertThat(counts(repository, IndexQuery.of(Tally.BY_COUNT, "CNY", 5)))
                .containsExactlyElementsOf(expectedCounts);
          }
        });
  }

  private static List<Long> counts(Repository<CustomerId, Tally> repository, IndexQuery first) {
    List<Long> counts = List.empty();
    Option<IndexCursor> after = Option.none();
    do {
      Page<Versioned<Tally>, IndexCursor> page = repository.query(first.after(after));
      counts = counts.appendAll(page.items().map(v -> v.value().count()));
      after = page.next();
    } while (after.isDefined());
    return counts;
  }
}
