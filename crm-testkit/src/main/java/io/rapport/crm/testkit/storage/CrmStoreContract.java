package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CrmStore} must keep across aggregates: transactions are all or nothing
 * with snapshot reads, events reach listeners after commit only, at least once and in order, and
 * concurrent updates lose nothing. It stores {@link Tally} aggregates. An adapter runs it by
 * implementing {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface CrmStoreContract {

  /** Returns a new, empty store of the adapter under test; each test opens and closes its own. */
  CrmStore newStore();

  /** Returns a tally with a distinct id for {@code n}. */
  static Tally tally(int n) {
    return new Tally(CustomerId.parse(String.format("t-%05d", n)), 0,
        Money.zero(java.util.Currency.getInstance("CNY")), "tally " + n);
  }

  /** Returns an increment command of one yuan, with a fresh event id. */
  static java.util.function.Function<Tally, Either<Rejection, io.rapport.crm.kernel.Transition<Tally>>>
      incrementBy(AtomicLong events, long limit) {
    return t -> t.increment(Money.of("1.00", java.util.Currency.getInstance("CNY")), limit,
        EventId.parse("e-" + events.incrementAndGet()), Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Test
  default void aTransactionCommitsEverythingAtOnce() {
    try (CrmStore store = newStore()) {
      Either<Rejection, String> outcome = store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(tally(1), Version.NEW);
        tx.repository(Tally.TYPE).save(tally(2), Version.NEW);
        return Either.right("done");
      });
      assertThat(outcome).isEqualTo(Either.right("done"));
      assertThat(store.repository(Tally.TYPE).find(tally(1).id()).isDefined()).isTrue();
      assertThat(store.repository(Tally.TYPE).find(tally(2).id()).isDefined()).isTrue();
    }
  }

  @Test
  default void aFailureMidwayLeavesNothing() {
    try (CrmStore store = newStore()) {
      assertThatThrownBy(() -> store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(tally(1), Version.NEW);
        tx.publish(List.of(new Tally.Incremented(EventId.parse("e-1"), tally(1).id(),
            Instant.EPOCH, io.rapport.crm.kernel.ActorId.parse("tck"), 1)));
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      assertThat(store.repository(Tally.TYPE).find(tally(1).id()).isEmpty()).isTrue();
      assertThat(store.pendingEvents().isEmpty()).isTrue();
    }
  }

  @Test
  default void aRejectionLeavesNothing() {
    try (CrmStore store = newStore()) {
      Either<Rejection, Object> outcome = store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(tally(1), Version.NEW);
        return Either.left(new Tally.LimitReached(0));
      });
      assertThat(outcome.isLeft()).isTrue();
      assertThat(outcome.getLeft().code()).isEqualTo("tally.limit_reached");
      assertThat(store.repository(Tally.TYPE).find(tally(1).id()).isEmpty()).isTrue();
    }
  }

  @Test
  default void aConflictAtCommitLeavesNothing() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      tallies.save(tally(2), Version.NEW);
      Either<Rejection, Object> outcome = store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(tally(1), Version.NEW);
        Versioned<Tally> two = tx.repository(Tally.TYPE).find(tally(2).id()).get();
        // Someone else changes tally 2 after this transaction read it.
        tallies.save(new Tally(two.value().id(), 5, two.value().total(), "other"), Version.of(1));
        tx.repository(Tally.TYPE).save(new Tally(two.value().id(), 1, two.value().total(), "mine"),
            two.version());
        return Either.right("should not commit");
      });
      assertThat(outcome.isLeft()).isTrue();
      assertThat(outcome.getLeft()).isInstanceOf(VersionConflict.class);
      assertThat(tallies.find(tally(1).id()).isEmpty()).as("nothing of the transaction").isTrue();
      assertThat(tallies.find(tally(2).id()).get().value().note()).isEqualTo("other");
    }
  }

  @Test
  default void aTransactionReadsItsSnapshotAndItsOwnWrites() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      tallies.save(tally(1), Version.NEW);
      store.inTransaction(tx -> {
        Repository<CustomerId, Tally> mine = tx.repository(Tally.TYPE);
        Tally before = mine.find(tally(1).id()).get().value();
        tallies.save(new Tally(before.id(), 9, before.total(), "outside"), Version.of(1));
        assertThat(mine.find(tally(1).id()).get().value()).as("snapshot").isEqualTo(before);
        mine.save(tally(3), Version.NEW);
        assertThat(mine.find(tally(3).id()).isDefined()).as("own write").isTrue();
        assertThat(tallies.find(tally(3).id()).isEmpty()).as("not visible outside yet").isTrue();
        return Either.right(0);
      });
    }
  }

  @Test
  default void eventsReachListenersAfterCommitOnlyAndInOrder() {
    try (CrmStore store = newStore()) {
      List<OutboxEntry> delivered = Collections.synchronizedList(new ArrayList<>());
      store.subscribe(delivered::add);
      store.repository(Tally.TYPE).save(tally(1), Version.NEW);
      AtomicLong events = new AtomicLong();
      store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).update(tally(1).id(), incrementBy(events, 10));
        tx.repository(Tally.TYPE).update(tally(1).id(), incrementBy(events, 10));
        assertThat(delivered).as("nothing before commit").isEmpty();
        return Either.right(0);
      });
      store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).update(tally(1).id(), incrementBy(events, 10));
        return Either.left(new Tally.LimitReached(0));
      });
      store.repository(Tally.TYPE).update(tally(1).id(), incrementBy(events, 10));
      assertThat(delivered).extracting(e -> ((Tally.Incremented) e.event()).countAfter())
          .containsExactly(1L, 2L, 3L);
      assertThat(delivered).extracting(OutboxEntry::sequence).isSorted().doesNotHaveDuplicates();
      assertThat(store.pendingEvents().isEmpty()).isTrue();
    }
  }

  @Test
  default void aFailingListenerGetsTheEventAgain() {
    try (CrmStore store = newStore()) {
      List<String> seen = new ArrayList<>();
      boolean[] fail = {true};
      store.subscribe(entry -> {
        seen.add(entry.event().eventId().value());
        if (fail[0]) {
          fail[0] = false;
          throw new IllegalStateException("listener down");
        }
      });
      store.repository(Tally.TYPE).save(tally(1), Version.NEW);
      store.repository(Tally.TYPE).update(tally(1).id(), incrementBy(new AtomicLong(), 10));
      assertThat(store.pendingEvents().size()).isEqualTo(1);
      assertThat(store.dispatchPending()).isEqualTo(1);
      assertThat(seen).containsExactly("e-1", "e-1");
      assertThat(store.pendingEvents().isEmpty()).isTrue();
    }
  }

  @Test
  default void updateReportsAMissingAggregateAndARefusalAndChangesNothing() {
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      AtomicLong events = new AtomicLong();
      Either<UpdateFailure, Versioned<Tally>> missing = tallies.update(tally(1).id(), incrementBy(events, 1));
      assertThat(missing.getLeft().reason()).isEqualTo(UpdateFailure.Reason.NOT_FOUND);
      tallies.save(tally(1), Version.NEW);
      assertThat(tallies.update(tally(1).id(), incrementBy(events, 1)).isRight()).isTrue();
      Either<UpdateFailure, Versioned<Tally>> refused = tallies.update(tally(1).id(), incrementBy(events, 1));
      assertThat(refused.getLeft().reason()).isEqualTo(UpdateFailure.Reason.REJECTED);
      assertThat(refused.getLeft().rejection().get().code()).isEqualTo("tally.limit_reached");
      assertThat(tallies.find(tally(1).id()).get().version()).isEqualTo(Version.of(2));
      assertThat(tallies.find(tally(1).id()).get().value().count()).isEqualTo(1);
    }
  }

  @Test
  default void concurrentUpdatesLoseNothing() throws Exception {
    int threads = 4;
    int increments = 250;
    try (CrmStore store = newStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      tallies.save(tally(1), Version.NEW);
      AtomicLong events = new AtomicLong();
      AtomicLong delivered = new AtomicLong();
      store.subscribe(entry -> delivered.incrementAndGet());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          results.add(pool.submit(() -> {
            start.await();
            int conflicts = 0;
            for (int i = 0; i < increments; i++) {
              while (tallies.update(tally(1).id(), incrementBy(events, Long.MAX_VALUE)).isLeft()) {
                conflicts++; // gave up after its attempts: try again, nothing may be lost
              }
            }
            return conflicts;
          }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
          result.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      Versioned<Tally> last = tallies.find(tally(1).id()).get();
      assertThat(last.value().count()).isEqualTo(threads * increments);
      assertThat(last.value().total()).isEqualTo(Money.of(String.valueOf(threads * increments),
          java.util.Currency.getInstance("CNY")));
      assertThat(last.version()).isEqualTo(Version.of(1 + threads * increments));
      store.dispatchPending();
      assertThat(delivered.get()).isGreaterThanOrEqualTo(threads * increments);
    }
  }

  @Test
  default void streamsEveryAggregateInIdOrder() {
    try (CrmStore store = newStore()) {
      for (int n = 2500; n >= 1; n--) {
        store.repository(Tally.TYPE).save(tally(n), Version.NEW);
      }
      try (Stream<Versioned<Tally>> all = store.streamAll(Tally.TYPE)) {
        List<String> ids = all.map(v -> v.value().id().value()).collect(Collectors.toList());
        assertThat(ids).hasSize(2500).isSorted().doesNotHaveDuplicates();
      }
    }
  }
}
