package io.rapport.crm.persistence.access;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.access.AccessDecision;
import io.rapport.crm.access.Permission;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.StorageException;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.Function;

/**
 * A repository that applies one actor's policy to every call. At the top level ({@code root} set)
 * save and erase check and write in one transaction of the root store, so the record checked is
 * the record written; inside a transaction they use its snapshot.
 */
final class SecuredRepository<I extends TypedId, A extends Aggregate<I>>
    extends ForwardingRepository<I, A> {

  /** The smallest page read from the delegate, so hidden runs are skipped in few reads. */
  private static final int MIN_FETCH = 16;

  /** How often a top-level erase is retried when the record changes under it. */
  private static final int ERASE_ATTEMPTS = 16;

  /** Stands for a record the actor may not read: an update answers it as not found. */
  private static final Rejection HIDDEN = new Rejection() {
    @Override
    public String code() {
      return "access.hidden";
    }

    @Override
    public String message() {
      return "No such record";
    }
  };

  private final Guard guard;
  private final MaskedValues maskedValues;
  private final CrmStore root;
  private final String typeName;
  private final Guard.Gate gate;

  SecuredRepository(Repository<I, A> delegate, Guard guard, MaskedValues maskedValues,
      CrmStore root) {
    super(delegate);
    this.guard = guard;
    this.maskedValues = maskedValues;
    this.root = root;
    this.typeName = delegate.type().name();
    this.gate = guard.gate(typeName);
  }

  @Override
  public Option<Versioned<A>> find(I id) {
    requireNonNull(id, "id");
    Option<Versioned<A>> found = delegate().find(id);
    if (found.isEmpty() || !gate.readable(found.get().value())) {
      return Option.none();
    }
    Versioned<A> shown = gate.shown(found.get());
    return shown == found.get() ? found : Option.some(shown);
  }

  @Override
  public Either<VersionConflict, Version> save(A aggregate, Version expectedVersion) {
    requireNonNull(aggregate, "aggregate");
    requireNonNull(expectedVersion, "expectedVersion");
    if (root == null) {
      return saveIn(delegate(), aggregate, expectedVersion);
    }
    Either<Rejection, Either<VersionConflict, Version>> outcome = root.inTransaction(
        tx -> Either.right(saveIn(tx.repository(type()), aggregate, expectedVersion)));
    return outcome.fold(rejection -> Either.left(conflict(rejection)), saved -> saved);
  }

  private Either<VersionConflict, Version> saveIn(Repository<I, A> repository, A aggregate,
      Version expectedVersion) {
    Option<Versioned<A>> stored = repository.find(aggregate.id());
    A toSave = aggregate;
    if (stored.isDefined()) {
      guard.require(Permission.WRITE, typeName, stored.get().value());
      if (!stored.get().version().equals(expectedVersion)) {
        // answered here, so a masked copy read before the change never reaches the store
        return Either.left(new VersionConflict(typeName, aggregate.id(), expectedVersion,
            stored.get().version()));
      }
      toSave = guard.restore(typeName, aggregate, stored.get().value());
    }
    guard.require(Permission.WRITE, typeName, toSave);
    Option<MaskedValueRefused> masked = maskedValues.refusal(typeName, toSave, List.empty());
    if (masked.isDefined()) {
      if (stored.isEmpty() && !expectedVersion.equals(Version.NEW)) {
        return Either.left(new VersionConflict(typeName, aggregate.id(), expectedVersion,
            Version.NEW));
      }
      throw new MaskedValueException(masked.get());
    }
    return repository.save(toSave, expectedVersion);
  }

  @Override
  public boolean erase(I id) {
    requireNonNull(id, "id");
    if (root == null) {
      return eraseIn(delegate(), id);
    }
    for (int attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
      Either<Rejection, Boolean> outcome =
          root.inTransaction(tx -> Either.right(eraseIn(tx.repository(type()), id)));
      if (outcome.isRight()) {
        return outcome.get();
      }
      conflict(outcome.getLeft());
    }
    throw new StorageException(typeName + " " + id + " kept changing while being erased");
  }

  private boolean eraseIn(Repository<I, A> repository, I id) {
    Option<Versioned<A>> stored = repository.find(id);
    if (stored.isEmpty() || !guard.readable(typeName, stored.get().value())) {
      return false;
    }
    guard.require(Permission.DELETE, typeName, stored.get().value());
    return repository.erase(id);
  }

  private static VersionConflict conflict(Rejection rejection) {
    if (rejection instanceof VersionConflict) {
      return (VersionConflict) rejection;
    }
    throw new StorageException("The store refused a secured write: " + rejection.message());
  }

  @Override
  public Either<UpdateFailure, Versioned<A>> update(
      I id, Function<? super A, ? extends Either<? extends Rejection, Transition<A>>> command) {
    requireNonNull(id, "id");
    requireNonNull(command, "command");
    Either<UpdateFailure, Versioned<A>> outcome = delegate().update(id, current -> {
      if (!guard.readable(typeName, current)) {
        return Either.left(HIDDEN);
      }
      AccessDecision before = guard.decide(Permission.WRITE, typeName, current);
      if (!before.allowed()) {
        return Either.left(guard.denial(Permission.WRITE, typeName, current, before));
      }
      Either<? extends Rejection, Transition<A>> result =
          requireNonNull(command.apply(guard.mask(typeName, current)), "the command's result");
      if (result.isLeft()) {
        return Either.left(result.getLeft());
      }
      A next = guard.restore(typeName, result.get().state(), current);
      AccessDecision after = guard.decide(Permission.WRITE, typeName, next);
      if (!after.allowed()) {
        return Either.left(guard.denial(Permission.WRITE, typeName, next, after));
      }
      Option<MaskedValueRefused> changed = maskedValues.changedMasked(typeName,
          result.get().state(), next, current, guard.maskedFields(typeName));
      if (changed.isDefined()) {
        return Either.left(changed.get());
      }
      Seq<DomainEvent> events = maskedValues.restoreEvents(typeName, result.get().events(),
          current, guard.maskedFields(typeName));
      Option<MaskedValueRefused> masked = maskedValues.refusal(typeName, next, events);
      if (masked.isDefined()) {
        return Either.left(masked.get());
      }
      return Either.right(new Transition<>(next, events));
    });
    if (outcome.isLeft() && outcome.getLeft().rejection().exists(r -> r == HIDDEN)) {
      return Either.left(new UpdateFailure(
          UpdateFailure.Reason.NOT_FOUND, id, Option.none(), outcome.getLeft().attempts()));
    }
    return outcome.map(saved -> guard.shown(typeName, saved));
  }

  @Override
  public Page<Versioned<A>, I> list(Option<I> after, int limit) {
    requireNonNull(after, "after");
    if (limit < 1 || limit > IndexQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "A page holds 1 to " + IndexQuery.MAX_LIMIT + " items, not " + limit);
    }
    return refill(after, limit, (cursor, size) -> delegate().list(cursor, size),
        (item, page, position, cursor) -> item.value().id());
  }

  @Override
  public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
    requireNonNull(query, "query");
    return refill(query.after(), query.limit(),
        (cursor, size) -> delegate().query(new IndexQuery(query.index(), query.key(), query.from(),
            query.until(), cursor, size, query.descending())),
        (item, page, position, cursor) -> cursorOf(query.after(cursor), item, page, position));
  }

  /** Reads the position of an item on a page of the delegate: its entry under the query's key. */
  private IndexCursor cursorOf(IndexQuery query, Versioned<A> item, Page<Versioned<A>, IndexCursor> page,
      int position) {
    String id = item.value().id().value();
    Index<? super A> index = type().index(query.index()).getOrElseThrow(
        () -> new IllegalArgumentException(typeName + " has no index named " + query.index()));
    Comparator<IndexEntry> order = Comparator.comparing(IndexEntry::sortKey);
    Seq<IndexEntry> entries = index.entriesOf(item.value())
        .filter(entry -> entry.key().equals(query.key()) && query.admits(entry.sortKey(), id))
        .sorted(query.descending() ? order.reversed() : order);
    if (entries.isEmpty()) {
      if (position == page.items().size() - 1 && page.next().isDefined()) {
        return page.next().get();
      }
      throw new StorageException("The store answered " + typeName + " " + id
          + " for a query of " + query.index() + " it is not filed under");
    }
    if (entries.size() == 1) {
      return new IndexCursor(entries.head().sortKey(), id);
    }
    int earlier = page.items().take(position)
        .count(other -> other.value().id().value().equals(id));
    return new IndexCursor(entries.get(Math.min(earlier, entries.size() - 1)).sortKey(), id);
  }

  /** Reads a page of the delegate. */
  @FunctionalInterface
  private interface Fetch<A, K> {
    Page<Versioned<A>, K> page(Option<K> after, int size);
  }

  /** Tells the cursor of an item: after it, the next page starts. */
  @FunctionalInterface
  private interface CursorOf<A, K> {
    K of(Versioned<A> item, Page<Versioned<A>, K> page, int position, Option<K> pageAfter);
  }

  /**
   * Fills a page with readable items from the delegate's pages, reading on past hidden ones, and
   * gives it a next cursor only when a readable item follows, so neither the page's size nor its
   * cursor tells how many records were hidden.
   */
  private <K> Page<Versioned<A>, K> refill(Option<K> after, int limit, Fetch<A, K> fetch,
      CursorOf<A, K> cursorOf) {
    java.util.List<Versioned<A>> items = new ArrayList<>(Math.min(limit, 256));
    Option<K> cursor = after;
    K last = null;
    while (true) {
      int size = Math.min(IndexQuery.MAX_LIMIT, Math.max(limit - items.size() + 1, MIN_FETCH));
      Page<Versioned<A>, K> page = fetch.page(cursor, size);
      int position = 0;
      for (Versioned<A> item : page.items()) {
        if (gate.readable(item.value())) {
          if (items.size() == limit) {
            return new Page<>(List.ofAll(items), Option.some(last));
          }
          items.add(gate.shown(item));
          if (items.size() == limit) {
            last = cursorOf.of(item, page, position, cursor);
          }
        }
        position++;
      }
      if (page.isLast()) {
        return new Page<>(List.ofAll(items), Option.none());
      }
      cursor = page.next();
    }
  }
}
