package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.FieldAccess;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.access.Permission;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.access.SecuredCrmStore;
import io.rapport.crm.testkit.Theories;
import io.rapport.crm.testkit.generators.AccessGenerators;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;

/**
 * Checks that a store decorator enforces access policies, for random actors, records and
 * table-driven policies ({@link AccessGenerators}): reads never show a record the policy denies
 * or a field it masks unmasked, writes the policy denies change nothing, a reader never stores a
 * masked value, updates never publish one, and pages never reveal how many records were hidden. Run them against
 * {@link SecuredCrmStore} on your own adapter, or against your own decorator.
 *
 * <p>Each check runs {@link Theories#qt()} and throws an {@link AssertionError} with the
 * falsifying scenario and the seed. Each example opens a fresh store from the supplier, stores
 * the generated records through it directly, and closes it.
 *
 * @param <I> the id type
 * @param <A> the aggregate type
 */
public final class AccessLaws<I extends TypedId, A extends Aggregate<I>> {

  /** Puts a decorator under test: secures a store for one actor. */
  @FunctionalInterface
  public interface Securing {

    /**
     * Returns the view of a store an actor is allowed.
     *
     * @param store the bare store
     * @param policy the policy
     * @param facts the facts of each aggregate type, by type name
     * @param maskers the field maskers, by type name
     * @param actor who acts
     * @return the actor's view
     */
    CrmStore secure(CrmStore store, AccessPolicy policy, Map<String, AccessFacts<?>> facts,
        Map<String, FieldMasker<?>> maskers, Actor actor);
  }

  private final AggregateType<I, A> type;
  private final Gen<A> records;
  private final AccessFacts<A> facts;
  private final FieldMasker<A> masker;
  private final Supplier<? extends CrmStore> stores;
  private final Securing securing;

  private AccessLaws(AggregateType<I, A> type, Gen<A> records, AccessFacts<A> facts,
      FieldMasker<A> masker, Supplier<? extends CrmStore> stores, Securing securing) {
    this.type = type;
    this.records = records;
    this.facts = facts;
    this.masker = masker;
    this.stores = stores;
    this.securing = securing;
  }

  /** Returns {@link SecuredCrmStore} as the decorator under test. */
  public static Securing securedCrmStore() {
    return (store, policy, facts, maskers, actor) ->
        SecuredCrmStore.of(store, policy, facts, maskers).as(actor);
  }

  /**
   * Prepares the laws for one aggregate type.
   *
   * @param type the aggregate type, with the indexes the laws query (every key they file under)
   * @param records random records of the type; draw their ids from a small pool (about ten) so
   *     that writes meet stored records, and their owners and teams from
   *     {@link AccessGenerators#owners()} and {@link AccessGenerators#owningTeams()}
   * @param facts reads a record's owners
   * @param masker masks the type's sensitive fields
   * @param stores opens a fresh, empty store for each example
   * @param securing the decorator under test, such as {@link #securedCrmStore()}
   * @param <I> the id type
   * @param <A> the aggregate type
   * @return the laws
   * @throws NullPointerException if an argument is null
   */
  public static <I extends TypedId, A extends Aggregate<I>> AccessLaws<I, A> of(
      AggregateType<I, A> type, Gen<A> records, AccessFacts<A> facts, FieldMasker<A> masker,
      Supplier<? extends CrmStore> stores, Securing securing) {
    return new AccessLaws<>(requireNonNull(type, "type"), requireNonNull(records, "records"),
        requireNonNull(facts, "facts"), requireNonNull(masker, "masker"),
        requireNonNull(stores, "stores"), requireNonNull(securing, "securing"));
  }

  /**
   * Checks that every read (find, list, every key of every index, streamAll, also inside a
   * transaction) returns exactly the records the policy lets the actor read, in the store's
   * order, each with exactly the fields the policy masks masked.
   *
   * @throws AssertionError if a read shows a denied record or an unmasked field, or hides an
   *     allowed record
   */
  public void readsShowOnlyWhatThePolicyAllows() {
    Theories.qt().forAll(scenarios()).checkAssert(scenario -> run(scenario, (bare, view) -> {
      Repository<I, A> plain = bare.repository(type);
      List<A> expected = plain.list(Option.none(), IndexQuery.MAX_LIMIT).items()
          .filter(stored -> scenario.readable(stored.value()))
          .map(stored -> scenario.shown(stored.value())).toList();
      checkReads(scenario, plain, view.repository(type), expected, "outside a transaction");
      assertThat(view.streamAll(type).map(Versioned::value).collect(Collectors.toList()))
          .as("streamAll of %s", scenario).containsExactlyElementsOf(expected);
      view.inTransaction(tx -> {
        checkReads(scenario, plain, tx.repository(type), expected, "inside a transaction");
        return Either.right(true);
      });
    }));
  }

  /**
   * Checks that no page of {@code list} or of an index query reveals hidden records: every page
   * holds as many readable records as its size allows, and has a next cursor exactly when more
   * readable records follow.
   *
   * @throws AssertionError if a page is short while readable records follow, or its cursor
   *     disagrees with what follows
   */
  public void pagesNeverLeakCounts() {
    Theories.qt().forAll(scenarios()).checkAssert(scenario -> run(scenario, (bare, view) -> {
      Repository<I, A> plain = bare.repository(type);
      Repository<I, A> secured = view.repository(type);
      int readable = plain.list(Option.none(), IndexQuery.MAX_LIMIT).items()
          .count(stored -> scenario.readable(stored.value()));
      AccessLaws.<A, I>checkPages(scenario, readable, "list",
          after -> secured.list(after, scenario.pageSize()));
      for (IndexQuery query : queriesOf(plain)) {
        int filed = plain.query(query).items().count(stored -> scenario.readable(stored.value()));
        AccessLaws.<A, io.rapport.crm.persistence.IndexCursor>checkPages(scenario, filed, query.index() + " " + query.key(),
            after -> secured.query(pageOf(query, scenario.pageSize()).after(after)));
      }
    }));
  }

  /**
   * Checks writes: a save, update or erase the policy denies (WRITE on the stored record or on the
   * new state, DELETE on the stored record) leaves every record and version as it was, however
   * the decorator refuses (a value or an exception); and saving back what was read, or updating
   * with the state as read, never stores a masked value.
   *
   * @throws AssertionError if a denied write changed the store, or a masked value was stored
   */
  public void deniedWritesChangeNothing() {
    Gen<List<Tuple2<Integer, A>>> attempts = lists().of(integers().between(0, 4).zip(records,
        Tuple::of)).ofSizeBetween(1, 8).map(drawn -> List.<Tuple2<Integer, A>>ofAll(drawn));
    Theories.qt().forAll(scenarios(), attempts).checkAssert((scenario, writes) ->
        run(scenario, (bare, view) -> {
          Repository<I, A> plain = bare.repository(type);
          Repository<I, A> secured = view.repository(type);
          for (Tuple2<Integer, A> write : writes) {
            Map<String, Versioned<A>> before = snapshot(bare);
            A candidate = write._2;
            Option<Versioned<A>> stored = plain.find(candidate.id());
            String what = "write " + write + " by " + scenario;
            boolean denied = attempt(write._1, candidate, stored, scenario, secured);
            Map<String, Versioned<A>> after = snapshot(bare);
            if (denied) {
              assertThat(after).as("the store after the denied %s", what).isEqualTo(before);
            }
            if (write._1 >= 3 && stored.isDefined()) {
              assertThat(after.get(candidate.id().value()).map(Versioned::value))
                  .as("the record after the reader saved back what they read, %s", what)
                  .isEqualTo(Option.some(stored.get().value()));
            }
          }
        }));
  }

  /**
   * Checks that an update through a view never publishes a masked value: for every stored record,
   * a command that reports what it sees in an event (and keeps the state) either publishes
   * exactly the event it would have published on the stored record, with the real values where it
   * saw masked ones, or is refused and publishes nothing. Events are observed by a listener on
   * the bare store.
   *
   * @param report builds the command's event from the state it sees; must not depend on
   *     anything else (a fixed stamp), so that its event on the stored record is the expected one
   * @throws NullPointerException if report is null
   * @throws AssertionError if an update published a masked value or anything but the expected
   *     event, or a refused update published something
   */
  public void updatesNeverPublishAMaskedValue(Function<? super A, ? extends DomainEvent> report) {
    requireNonNull(report, "report");
    Theories.qt().forAll(scenarios()).checkAssert(scenario -> run(scenario, (bare, view) -> {
      java.util.List<DomainEvent> published = new java.util.concurrent.CopyOnWriteArrayList<>();
      bare.subscribe(entry -> published.add(entry.event()));
      bare.dispatchPending();
      for (A each : scenario.stored()) {
        published.clear();
        Either<UpdateFailure, Versioned<A>> outcome = view.repository(type).update(each.id(),
            state -> Either.right(new Transition<>(state, List.of(report.apply(state)))));
        bare.dispatchPending();
        String what = "update of " + each.id() + " by " + scenario + ": " + outcome;
        if (outcome.isRight()) {
          assertThat(List.ofAll(published)).as("the events published by the %s", what)
              .containsExactly(report.apply(each));
        } else {
          assertThat(List.ofAll(published)).as("the events published by the refused %s", what)
              .isEmpty();
        }
      }
    }));
  }

  /** Makes one write; answers whether the policy denies it. */
  private boolean attempt(int kind, A candidate, Option<Versioned<A>> stored, Scenario<A> scenario,
      Repository<I, A> secured) {
    Option<A> current = stored.map(Versioned::value);
    try {
      switch (kind) {
        case 0: {
          Version expected = stored.map(Versioned::version).getOrElse(Version.NEW);
          A next = current.map(old -> masker.restore(candidate, old, scenario.masked()))
              .getOrElse(candidate);
          boolean denied = current.exists(old -> !scenario.allows(Permission.WRITE, old))
              || !scenario.allows(Permission.WRITE, next);
          secured.save(candidate, expected);
          return denied;
        }
        case 1: {
          boolean denied = current.exists(old -> !scenario.allows(Permission.WRITE, old)
              || !scenario.allows(Permission.WRITE,
                  masker.restore(candidate, old, scenario.masked())));
          secured.update(candidate.id(), state -> Either.right(Transition.of(candidate)));
          return denied;
        }
        case 2: {
          boolean denied = current.exists(old -> !scenario.allows(Permission.DELETE, old));
          secured.erase(candidate.id());
          return denied;
        }
        case 3: {
          Option<Versioned<A>> read = secured.find(candidate.id());
          if (read.isDefined()) {
            secured.save(read.get().value(), read.get().version());
          }
          return read.isEmpty();
        }
        default: {
          secured.update(candidate.id(), state -> Either.right(Transition.of(state)));
          return current.exists(old -> !scenario.allows(Permission.WRITE, old));
        }
      }
    } catch (RuntimeException refused) {
      return true; // a refusal by exception; the store is checked all the same
    }
  }

  private Map<String, Versioned<A>> snapshot(CrmStore store) {
    return LinkedHashMap.ofEntries(store.repository(type).list(Option.none(), IndexQuery.MAX_LIMIT)
        .items().map(stored -> Tuple.of(stored.value().id().value(), stored)));
  }

  private void checkReads(Scenario<A> scenario, Repository<I, A> plain, Repository<I, A> secured,
      List<A> expected, String where) {
    for (A each : scenario.stored()) {
      Option<A> found = secured.find(each.id()).map(Versioned::value);
      assertThat(found).as("find %s %s by %s", each.id(), where, scenario)
          .isEqualTo(scenario.readable(each) ? Option.some(scenario.shown(each)) : Option.none());
    }
    assertThat(AccessLaws.<A, I>allPages(after -> secured.list(after, scenario.pageSize())))
        .as("list %s by %s", where, scenario).containsExactlyElementsOf(expected);
    for (IndexQuery query : queriesOf(plain)) {
      List<A> filed = plain.query(query).items().map(Versioned::value)
          .filter(scenario::readable).map(scenario::shown).toList();
      assertThat(AccessLaws.<A, io.rapport.crm.persistence.IndexCursor>allPages(after -> secured.query(pageOf(query, scenario.pageSize()).after(after))))
          .as("query %s %s %s by %s", query.index(), query.key(), where, scenario)
          .containsExactlyElementsOf(filed);
    }
  }

  private static <A, K> List<A> allPages(Function<Option<K>, Page<Versioned<A>, K>> pages) {
    List<A> all = List.empty();
    Option<K> after = Option.none();
    for (int guard = 0; guard < 1_000; guard++) {
      Page<Versioned<A>, K> page = pages.apply(after);
      all = all.appendAll(page.items().map(Versioned::value));
      if (page.isLast()) {
        return all;
      }
      after = page.next();
    }
    throw new AssertionError("Paging did not end after 1 000 pages: " + all);
  }

  private static <A, K> void checkPages(Scenario<A> scenario, int readable, String what,
      Function<Option<K>, Page<Versioned<A>, K>> pages) {
    int left = readable;
    Option<K> after = Option.none();
    for (int guard = 0; guard <= readable; guard++) {
      Page<Versioned<A>, K> page = pages.apply(after);
      assertThat(page.items().size())
          .as("size of a page of %s with %d readable records left, by %s", what, left, scenario)
          .isEqualTo(Math.min(scenario.pageSize(), left));
      left -= page.items().size();
      assertThat(page.next().isDefined())
          .as("whether a page of %s with %d readable records after it has a next cursor, by %s",
              what, left, scenario)
          .isEqualTo(left > 0);
      if (page.isLast()) {
        return;
      }
      after = page.next();
    }
    throw new AssertionError("Paging " + what + " did not end, by " + scenario);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Seq<IndexQuery> queriesOf(Repository<I, A> plain) {
    Seq<A> all = plain.list(Option.none(), IndexQuery.MAX_LIMIT).items().map(Versioned::value);
    Seq<IndexQuery> queries = List.empty();
    for (Index<? super A> index : type.indexes()) {
      Set<String> keys = all.flatMap(each -> ((Index) index).entriesOf(each))
          .map(entry -> ((io.rapport.crm.persistence.IndexEntry) entry).key()).toLinkedSet();
      for (String key : keys) {
        queries = queries.append(IndexQuery.of(index.name(), key, IndexQuery.MAX_LIMIT));
        queries = queries.append(IndexQuery.of(index.name(), key, IndexQuery.MAX_LIMIT)
            .newestFirst());
      }
    }
    return queries;
  }

  private static IndexQuery pageOf(IndexQuery query, int limit) {
    return new IndexQuery(query.index(), query.key(), query.from(), query.until(), query.after(),
        limit, query.descending());
  }

  private void run(Scenario<A> scenario, Check check) {
    try (CrmStore bare = stores.get()) {
      Repository<I, A> plain = bare.repository(type);
      for (A each : scenario.stored()) {
        plain.save(each, Version.NEW);
      }
      CrmStore view = securing.secure(bare, scenario.policy(), HashMap.of(type.name(), facts),
          HashMap.of(type.name(), masker), scenario.actor());
      check.on(bare, view);
    }
  }

  @FunctionalInterface
  private interface Check {
    void on(CrmStore bare, CrmStore view);
  }

  private Gen<Scenario<A>> scenarios() {
    Gen<List<A>> stored = lists().of(records).ofSizeBetween(0, 12)
        .map(drawn -> List.ofAll(drawn).distinctBy(each -> each.id().value()));
    Seq<String> fields = masker.fields().toList().sorted();
    return stored.zip(AccessGenerators.actors(), AccessGenerators.policies(fields),
        integers().between(1, 4), (all, actor, policy, pageSize) ->
            new Scenario<>(type.name(), all, actor, policy, pageSize, facts, masker));
  }

  /** One example: the stored records, who reads, under which policy, and the page size. */
  private record Scenario<A>(String type, List<A> stored, Actor actor, AccessPolicy policy,
      int pageSize, AccessFacts<A> facts, FieldMasker<A> masker) {

    boolean allows(Permission permission, A record) {
      return policy.decide(actor, permission, facts.of(record)).allowed();
    }

    boolean readable(A record) {
      return allows(Permission.READ, record);
    }

    Set<String> masked() {
      return masker.fields().filter(field -> policy.field(actor, type, field) == FieldAccess.MASKED);
    }

    A shown(A record) {
      Set<String> masked = masked();
      return masked.isEmpty() ? record : masker.mask(record, masked);
    }

    @Override
    public String toString() {
      return actor + " under " + policy + ", pages of " + pageSize + ", records " + stored;
    }
  }
}
