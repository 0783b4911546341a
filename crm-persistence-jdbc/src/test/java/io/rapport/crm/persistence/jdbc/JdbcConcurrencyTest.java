package io.rapport.crm.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.testkit.storage.Tally;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads writing the same few aggregates at once lose nothing, on both databases: through
 * the store's retrying {@code update}, every successful update is counted in the aggregate and its
 * event is in the outbox exactly once, in version order; through {@code inTransaction} transfers,
 * totals are conserved and every lost race is answered as a {@link VersionConflict}.
 */
class JdbcConcurrencyTest {

  private static final int THREADS = 8;
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void concurrentUpdatesLoseNothingAndPublishEachEventOnceInVersionOrder(TestDatabase database)
      throws Exception {
    int perThread = 15;
    try (JdbcCrmStore store = database.fresh()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      List<CustomerId> ids = List.range(1, 4).map(JdbcConcurrencyTest::id);
      ids.forEach(id -> assertThat(tallies.save(tally(id, 0), Version.NEW).isRight()).isTrue());
      AtomicLong eventIds = new AtomicLong();
      java.util.Set<String> committed = ConcurrentHashMap.newKeySet();
      java.util.List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger gaveUp = new AtomicInteger();

      runThreads(thread -> {
        for (int i = 0; i < perThread; i++) {
          CustomerId id = ids.get((thread + i) % ids.size());
          String[] lastEvent = new String[1];
          Either<UpdateFailure, Versioned<Tally>> outcome = tallies.update(id, t -> {
            lastEvent[0] = "e-" + eventIds.incrementAndGet();
            return t.increment(Money.of("1.00", CNY), Long.MAX_VALUE, EventId.parse(lastEvent[0]), AT);
          });
          if (outcome.isRight()) {
            if (!committed.add(lastEvent[0])) {
              duplicates.add(lastEvent[0]);
            }
          } else {
            assertThat(outcome.getLeft().reason()).isEqualTo(UpdateFailure.Reason.CONFLICT);
            gaveUp.incrementAndGet();
          }
        }
      });

      assertThat(duplicates).isEmpty();
      assertThat(committed.size() + gaveUp.get()).isEqualTo(THREADS * perThread);
      long counted = 0;
      for (CustomerId id : ids) {
        Versioned<Tally> last = tallies.find(id).get();
        assertThat(last.version()).isEqualTo(Version.of(last.value().count() + 1));
        assertThat(last.value().total()).isEqualTo(Money.of(String.valueOf(last.value().count()), CNY));
        counted += last.value().count();
      }
      assertThat(counted).isEqualTo(committed.size());

      List<OutboxEntry> outbox = List.ofAll(store.pendingEvents());
      assertThat(outbox.map(e -> e.event().eventId().value()))
          .as("every committed event exactly once, nothing of the retried attempts")
          .containsExactlyInAnyOrderElementsOf(committed);
      assertThat(outbox.map(OutboxEntry::sequence).sliding(2).filter(pair -> pair.size() == 2)
          .forAll(pair -> pair.get(0) < pair.get(1))).as("sequences strictly increase").isTrue();
      for (CustomerId id : ids) {
        List<Long> counts = outbox.map(OutboxEntry::event)
            .filter(e -> e.aggregateId().equals(id))
            .map(e -> ((Tally.Incremented) e).countAfter());
        assertThat(counts).as("events of %s in version order", id)
            .isEqualTo(List.rangeClosed(1L, tallies.find(id).get().value().count()));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void concurrentTransfersConserveTheTotalAndAnswerConflictsAsVersionConflicts(
      TestDatabase database) throws Exception {
    int perThread = 12;
    long start = 1_000;
    try (JdbcCrmStore store = database.fresh()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      List<CustomerId> ids = List.range(1, 5).map(JdbcConcurrencyTest::id);
      ids.forEach(id -> assertThat(tallies.save(tally(id, start), Version.NEW).isRight()).isTrue());
      AtomicInteger conflicts = new AtomicInteger();
      AtomicInteger transfers = new AtomicInteger();
      java.util.List<Rejection> others = Collections.synchronizedList(new ArrayList<>());

      runThreads(thread -> {
        for (int i = 0; i < perThread; i++) {
          CustomerId from = ids.get((thread + i) % ids.size());
          CustomerId to = ids.get((thread + 2 * i + 1) % ids.size());
          if (from.equals(to)) {
            to = ids.get((ids.indexOf(from) + 1) % ids.size());
          }
          CustomerId target = to;
          long amount = 1 + (thread + i) % 7;
          while (true) {
            Either<Rejection, Long> outcome = store.inTransaction(tx -> {
              Repository<CustomerId, Tally> repository = tx.repository(Tally.TYPE);
              Versioned<Tally> a = repository.find(from).get();
              Versioned<Tally> b = repository.find(target).get();
              Tally debited = tally(from, a.value().count() - amount);
              Tally credited = tally(target, b.value().count() + amount);
              // saved in id order, as a host would, so PostgreSQL has no deadlock to time out
              boolean fromFirst = from.value().compareTo(target.value()) < 0;
              return repository.save(fromFirst ? debited : credited, fromFirst ? a.version() : b.version())
                  .flatMap(v -> repository.save(fromFirst ? credited : debited,
                      fromFirst ? b.version() : a.version()))
                  .map(v -> amount);
            });
            if (outcome.isRight()) {
              transfers.incrementAndGet();
              break;
            }
            if (outcome.getLeft() instanceof VersionConflict) {
              conflicts.incrementAndGet();
            } else {
              others.add(outcome.getLeft());
              break;
            }
          }
        }
      });

      assertThat(others).as("refusals other than version conflicts").isEmpty();
      assertThat(transfers.get()).isEqualTo(THREADS * perThread);
      List<Versioned<Tally>> after = ids.map(id -> tallies.find(id).get());
      assertThat(after.map(v -> v.value().count()).sum().longValue())
          .as("the total is conserved").isEqualTo(start * ids.size());
      assertThat(after.map(v -> v.version().value() - 1).sum().longValue())
          .as("each transfer wrote two versions").isEqualTo(2L * transfers.get());
    }
  }

  private static CustomerId id(int n) {
    return CustomerId.parse(String.format("c-%03d", n));
  }

  private static Tally tally(CustomerId id, long count) {
    return new Tally(id, count, Money.of(String.valueOf(count), CNY), "busy");
  }

  /** Runs work on THREADS threads at once and waits, rethrowing any thread's failure. */
  private static void runThreads(ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(THREADS);
      java.util.List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          ready.countDown();
          ready.await();
          work.run(thread);
          return null;
        }));
      }
      for (Future<?> each : done) {
        each.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface ThreadWork {
    void run(int thread) throws Exception;
  }
}
