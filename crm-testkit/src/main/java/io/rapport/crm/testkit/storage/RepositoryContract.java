package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every repository of every adapter must keep, whatever the aggregate: round trip,
 * optimistic versions, erase, and keyset paging. Each aggregate's contract (such as
 * {@code CustomerRepositoryContract}) extends this one and adds its queries; an adapter runs it by
 * implementing the hooks in a test class.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public interface RepositoryContract<I extends TypedId, A extends Aggregate<I>> {

  /** Returns a new, empty store of the adapter under test; each test opens and closes its own. */
  CrmStore newStore();

  /** Returns the repository under test, from the given store. */
  Repository<I, A> repositoryOf(CrmStore store);

  /**
   * Returns an aggregate with every field filled, distinct for each {@code n}, with an id whose
   * value sorts by {@code n} (for example {@code "c-" + zero-padded n}).
   */
  A anAggregate(int n);

  /** Returns the aggregate with at least one field changed, same id. */
  A changed(A aggregate);

  @Test
  default void savesAndFindsEveryField() {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      A aggregate = anAggregate(1);
      assertThat(repository.save(aggregate, Version.NEW)).isEqualTo(Either.right(Version.of(1)));
      Option<Versioned<A>> found = repository.find(aggregate.id());
      assertThat(found.isDefined()).as("found").isTrue();
      assertThat(found.get().value()).isEqualTo(aggregate);
      assertThat(found.get().version()).isEqualTo(Version.of(1));
      A changed = changed(aggregate);
      assertThat(repository.save(changed, Version.of(1))).isEqualTo(Either.right(Version.of(2)));
      assertThat(repository.find(aggregate.id()).get()).isEqualTo(new Versioned<>(changed, Version.of(2)));
    }
  }

  @Test
  default void findsNothingForAnUnknownId() {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      assertThat(repository.find(anAggregate(7).id()).isEmpty()).isTrue();
    }
  }

  @Test
  default void refusesToCreateTwice() {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      A aggregate = anAggregate(1);
      repository.save(aggregate, Version.NEW);
      Either<VersionConflict, Version> second = repository.save(changed(aggregate), Version.NEW);
      assertThat(second.isLeft()).isTrue();
      assertThat(second.getLeft().expected()).isEqualTo(Version.NEW);
      assertThat(second.getLeft().actual()).isEqualTo(Version.of(1));
      assertThat(repository.find(aggregate.id()).get().value()).isEqualTo(aggregate);
    }
  }

  @Test
  default void refusesAStaleSaveAndKeepsTheNewerState() {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      A aggregate = anAggregate(1);
      repository.save(aggregate, Version.NEW);
      A first = changed(aggregate);
      repository.save(first, Version.of(1));
      Either<VersionConflict, Version> stale = repository.save(changed(first), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(stale.getLeft().actual()).isEqualTo(Version.of(2));
      assertThat(stale.getLeft().code()).isEqualTo("storage.version_conflict");
      assertThat(repository.find(aggregate.id()).get()).isEqualTo(new Versioned<>(first, Version.of(2)));
    }
  }

  @Test
  default void erasesWhateverTheVersion() {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      A aggregate = anAggregate(1);
      repository.save(aggregate, Version.NEW);
      repository.save(changed(aggregate), Version.of(1));
      assertThat(repository.erase(aggregate.id())).isTrue();
      assertThat(repository.find(aggregate.id()).isEmpty()).isTrue();
      assertThat(repository.erase(aggregate.id())).isFalse();
      assertThat(repository.erase(anAggregate(99).id())).isFalse();
    }
  }

  @Test
  default void aSaveThatReadTheErasedRecordConflicts() {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      A aggregate = anAggregate(1);
      repository.save(aggregate, Version.NEW);
      repository.erase(aggregate.id());
      Either<VersionConflict, Version> stale = repository.save(changed(aggregate), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(stale.getLeft().actual()).isEqualTo(Version.NEW);
      Either<VersionConflict, Version> recreated = repository.save(aggregate, Version.NEW);
      assertThat(recreated.isRight()).isTrue();
      // The record's new life must not be mistaken for its old one: versions keep counting.
      assertThat(recreated.get()).isGreaterThan(Version.of(1));
      assertThat(repository.save(changed(aggregate), Version.of(1)).isLeft()).isTrue();
    }
  }

  @Test
  default void listsInIdOrderPageByPageWithoutGapsOrDuplicates() {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      java.util.List<A> saved = new ArrayList<>();
      for (int n = 250; n >= 1; n--) {
        A aggregate = anAggregate(n);
        repository.save(aggregate, Version.NEW);
        saved.add(0, aggregate);
      }
      List<A> seen = List.empty();
      Option<I> after = Option.none();
      int pages = 0;
      do {
        Page<Versioned<A>, I> page = repository.list(after, 37);
        seen = seen.appendAll(page.items().map(Versioned::value));
        after = page.next();
        pages++;
        assertThat(page.items().size()).isLessThanOrEqualTo(37);
      } while (after.isDefined() && pages < 100);
      assertThat(seen.map(a -> a.id().value()).toJavaList())
          .containsExactlyElementsOf(List.ofAll(saved).map(a -> a.id().value()));
      assertThat(pages).isEqualTo(7);
    }
  }

  @Test
  default void pagesWithoutGapsOrDuplicatesWhileOthersInsert() throws Exception {
    try (CrmStore store = newStore()) {
      Repository<I, A> repository = repositoryOf(store);
      for (int n = 1; n <= 400; n += 2) {
        repository.save(anAggregate(n), Version.NEW);
      }
      ExecutorService writer = Executors.newSingleThreadExecutor();
      CountDownLatch started = new CountDownLatch(1);
      try {
        Future<?> inserts = writer.submit(() -> {
          started.countDown();
          for (int n = 2; n <= 400; n += 2) {
            repositoryOf(store).save(anAggregate(n), Version.NEW);
          }
        });
        started.await(10, TimeUnit.SECONDS);
        java.util.List<String> seen = new ArrayList<>();
        Option<I> after = Option.none();
        do {
          Page<Versioned<A>, I> page = repository.list(after, 13);
          page.items().forEach(v -> seen.add(v.value().id().value()));
          after = page.next();
        } while (after.isDefined());
        inserts.get(30, TimeUnit.SECONDS);
        assertThat(seen).doesNotHaveDuplicates().isSorted();
        for (int n = 1; n <= 400; n += 2) {
          assertThat(seen).contains(anAggregate(n).id().value());
        }
      } finally {
        writer.shutdownNow();
      }
    }
  }
}
