package io.rapport.crm.benchmarks;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store. Targets (docs/benchmarks.md): {@code find} ≥ 2 M ops/s and {@code save}
 * ≥ 500 k ops/s on one thread; {@code update} under 2 threads with zero lost updates (checked at
 * tear-down: the counter must equal the number of successful updates).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InMemoryStoreBenchmark {

  /** A small aggregate: a counter per customer. */
  public record Counter(CustomerId id, long count) implements Aggregate<CustomerId> {}

  static final AggregateType<CustomerId, Counter> COUNTERS =
      AggregateType.of("counter", Counter.class, CustomerId.KIND);

  /** A store with 100 000 counters, read and written by one thread. */
  @State(Scope.Thread)
  public static class SingleThread {
    Repository<CustomerId, Counter> counters;
    CustomerId[] ids;
    Version[] versions;
    int next;

    @Setup(Level.Trial)
    public void fill() {
      counters = InMemoryCrmStore.create().repository(COUNTERS);
      ids = new CustomerId[100_000];
      versions = new Version[ids.length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = CustomerId.parse(String.format("c-%06d", i));
        versions[i] = counters.save(new Counter(ids[i], 0), Version.NEW).get();
      }
    }
  }

  /** A store with one counter that two threads update. */
  @State(Scope.Benchmark)
  public static class Contended {
    Repository<CustomerId, Counter> counters;
    final CustomerId id = CustomerId.parse("hot");
    final AtomicLong succeeded = new AtomicLong();

    @Setup(Level.Trial)
    public void create() {
      counters = InMemoryCrmStore.withMaxUpdateAttempts(1000).repository(COUNTERS);
      counters.save(new Counter(id, 0), Version.NEW);
    }

    @TearDown(Level.Trial)
    public void checkNothingWasLost() {
      long stored = counters.find(id).get().value().count();
      if (stored != succeeded.get()) {
        throw new IllegalStateException("Lost updates: " + succeeded.get() + " succeeded, "
            + stored + " stored");
      }
      System.out.println("\n[update under 2 threads] " + stored + " updates, none lost");
    }
  }

  /** Finds one of 100 000 counters by id. */
  @Benchmark
  public Option<Versioned<Counter>> find(SingleThread state) {
    int i = state.next++ % state.ids.length;
    return state.counters.find(state.ids[i]);
  }

  /** Saves a new state of one of 100 000 counters at its current version. */
  @Benchmark
  public Version save(SingleThread state) {
    int i = state.next++ % state.ids.length;
    Version saved = state.counters.save(new Counter(state.ids[i], state.next), state.versions[i]).get();
    state.versions[i] = saved;
    return saved;
  }

  /** Increments one counter from two threads at once through {@code update}. */
  @Benchmark
  @Threads(2)
  public boolean updateUnderTwoThreads(Contended state) {
    Either<?, Versioned<Counter>> outcome = state.counters.update(state.id,
        counter -> Either.<Rejection, Transition<Counter>>right(
            Transition.of(new Counter(counter.id(), counter.count() + 1))));
    if (outcome.isRight()) {
      state.succeeded.incrementAndGet();
    }
    return outcome.isRight();
  }
}
