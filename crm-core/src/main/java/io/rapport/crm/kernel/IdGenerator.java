package io.rapport.crm.kernel;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Supplies fresh ids. The domain never makes ids up itself: the host injects a generator, so tests
 * and replays are deterministic and production can use UUIDs, ULIDs or database sequences.
 *
 * <p>Implementations must be thread-safe and never return the same value twice for one kind.
 */
@FunctionalInterface
public interface IdGenerator {

  /**
   * Returns a fresh id value for a kind: 1 to {@value IdKind#MAX_LENGTH} letters, digits or
   * {@code - _ . :}.
   *
   * @param kind the kind of id wanted
   * @return a value never returned before for that kind
   */
  String nextValue(IdKind<?> kind);

  /**
   * Returns a fresh id of a kind.
   *
   * @param kind the kind of id wanted, such as {@code CustomerId.KIND}
   * @param <I> the id type
   * @return the id
   * @throws InvalidValueException if the generator produced an invalid value
   */
  default <I extends TypedId> I next(IdKind<I> kind) {
    return kind.parse(nextValue(requireNonNull(kind, "kind")));
  }

  /**
   * Returns a thread-safe generator of {@code prefix1}, {@code prefix2}, …, shared by all kinds;
   * for tests, demos and replays.
   *
   * @param prefix the text before the number, possibly empty
   * @return the generator
   * @throws InvalidValueException if the prefix has characters an id may not have
   */
  static IdGenerator sequential(String prefix) {
    requireNonNull(prefix, "prefix");
    if (!prefix.isEmpty()) {
      IdKind.check(prefix, "prefix");
    }
    AtomicLong counter = new AtomicLong();
    return kind -> prefix + counter.incrementAndGet();
  }

  /**
   * Returns a generator that formats UUIDs from a source the host provides, for example
   * {@code IdGenerator.fromUuids(UUID::randomUUID)} in production.
   *
   * @param uuids the source of UUIDs; must be thread-safe
   * @return the generator
   */
  static IdGenerator fromUuids(Supplier<UUID> uuids) {
    requireNonNull(uuids, "uuids");
    return kind -> uuids.get().toString();
  }
}
