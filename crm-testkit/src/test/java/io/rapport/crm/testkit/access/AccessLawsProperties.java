package io.rapport.crm.testkit.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.Permission;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.EventListener;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.access.SecuredCrmStore;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.testkit.laws.AccessLaws;
import io.vavr.collection.HashMap;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the access laws on the in-memory store behind {@link SecuredCrmStore}, and shows that each
 * law catches a decorator with a planted bug.
 */
class AccessLawsProperties {

  private static AccessLaws<?, Dossier> laws(AccessLaws.Securing securing) {
    return AccessLaws.of(Dossier.TYPE, Dossier.dossiers(), Dossier.FACTS, Dossier.MASKER,
        InMemoryCrmStore::create, securing);
  }

  @Test
  void theSecuredStoreNeverPublishesAMaskedValue() {
    assertThatCode(() -> laws(AccessLaws.securedCrmStore())
        .updatesNeverPublishAMaskedValue(Dossier.REPORT)).doesNotThrowAnyException();
  }

  @Test
  void theEventLawCatchesAMaskerWhoseEventsPassUnrestored() {
    AccessLaws<?, Dossier> blind = AccessLaws.of(Dossier.TYPE, Dossier.dossiers(), Dossier.FACTS,
        Dossier.EVENT_BLIND_MASKER, InMemoryCrmStore::create, AccessLaws.securedCrmStore());
    assertThatThrownBy(() -> blind.updatesNeverPublishAMaskedValue(Dossier.REPORT))
        .isInstanceOf(AssertionError.class).hasMessageContaining("events published")
        .hasMessageContaining(Dossier.MASK);
  }

  @Test
  void theSecuredStoreShowsOnlyWhatThePolicyAllows() {
    assertThatCode(() -> laws(AccessLaws.securedCrmStore()).readsShowOnlyWhatThePolicyAllows())
        .doesNotThrowAnyException();
  }

  @Test
  void theSecuredStoreNeverLeaksCountsThroughPages() {
    assertThatCode(() -> laws(AccessLaws.securedCrmStore()).pagesNeverLeakCounts())
        .doesNotThrowAnyException();
  }

  @Test
  void theSecuredStoreRefusesDeniedWritesAndNeverStoresAMaskedValue() {
    assertThatCode(() -> laws(AccessLaws.securedCrmStore()).deniedWritesChangeNothing())
        .doesNotThrowAnyException();
  }

  @Test
  void theReadLawCatchesADecoratorThatForgetsToFilterQueries() {
    AccessLaws.Securing buggy = (store, policy, facts, maskers, actor) -> rewired(
        SecuredCrmStore.of(store, policy, facts, maskers).as(actor),
        new Rewire() {
          @Override
          public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> wrap(
              AggregateType<I, A> type, Repository<I, A> secured) {
            return new ForwardingRepository<>(secured) {
              @Override
              public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
                return store.repository(type).query(query);
              }
            };
          }
        });
    assertThatThrownBy(() -> laws(buggy).readsShowOnlyWhatThePolicyAllows())
        .isInstanceOf(AssertionError.class).hasMessageContaining("query");
  }

  @Test
  void theReadLawCatchesADecoratorThatForgetsToMask() {
    AccessLaws.Securing buggy = (store, policy, facts, maskers, actor) ->
        SecuredCrmStore.of(store, policy, facts, HashMap.empty()).as(actor);
    assertThatThrownBy(() -> laws(buggy).readsShowOnlyWhatThePolicyAllows())
        .isInstanceOf(AssertionError.class).hasMessageContaining(Dossier.MASK.substring(0, 1));
  }

  @Test
  void thePageLawCatchesADecoratorThatFiltersPagesWithoutRefillingThem() {
    AccessLaws.Securing buggy = (store, policy, facts, maskers, actor) -> rewired(
        SecuredCrmStore.of(store, policy, facts, maskers).as(actor),
        new Rewire() {
          @Override
          public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> wrap(
              AggregateType<I, A> type, Repository<I, A> secured) {
            return new ForwardingRepository<>(secured) {
              @Override
              public Page<Versioned<A>, IndexCursor> query(IndexQuery query) {
                Page<Versioned<A>, IndexCursor> page = store.repository(type).query(query);
                return new Page<>(page.items().flatMap(item -> secured.find(item.value().id())),
                    page.next());
              }
            };
          }
        });
    assertThatCode(() -> laws(buggy).readsShowOnlyWhatThePolicyAllows())
        .as("the pages still add up").doesNotThrowAnyException();
    assertThatThrownBy(() -> laws(buggy).pagesNeverLeakCounts())
        .isInstanceOf(AssertionError.class).hasMessageContaining("page");
  }

  @Test
  void theWriteLawCatchesADecoratorThatChecksOnlyTheStoredRecord() {
    AccessLaws.Securing buggy = (store, policy, facts, maskers, actor) -> rewired(
        SecuredCrmStore.of(store, policy, facts, maskers).as(actor),
        new Rewire() {
          @Override
          @SuppressWarnings("unchecked")
          public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> wrap(
              AggregateType<I, A> type, Repository<I, A> secured) {
            AccessFacts<A> factsOf = (AccessFacts<A>) facts.get(type.name()).get();
            return new ForwardingRepository<>(secured) {
              @Override
              public Either<VersionConflict, Version> save(A aggregate, Version expected) {
                Repository<I, A> bare = store.repository(type);
                boolean writable = bare.find(aggregate.id()).forAll(stored -> policy.decide(
                    actor, Permission.WRITE, factsOf.of(stored.value())).allowed());
                return writable ? bare.save(aggregate, expected)
                    : secured.save(aggregate, expected);
              }
            };
          }
        });
    assertThatThrownBy(() -> laws(buggy).deniedWritesChangeNothing())
        .isInstanceOf(AssertionError.class).hasMessageContaining("write");
  }

  /** Wraps each repository a view hands out, outside transactions. */
  private interface Rewire {
    <I extends TypedId, A extends Aggregate<I>> Repository<I, A> wrap(AggregateType<I, A> type,
        Repository<I, A> secured);
  }

  private static CrmStore rewired(CrmStore view, Rewire rewire) {
    return new CrmStore() {
      @Override
      public <I extends TypedId, A extends Aggregate<I>> Repository<I, A> repository(
          AggregateType<I, A> type) {
        return rewire.wrap(type, view.repository(type));
      }

      @Override
      public <R> Either<Rejection, R> inTransaction(
          Function<? super Transaction, ? extends Either<? extends Rejection, ? extends R>> work) {
        return view.inTransaction(work);
      }

      @Override
      public <I extends TypedId, A extends Aggregate<I>> Stream<Versioned<A>> streamAll(
          AggregateType<I, A> type) {
        return view.streamAll(type);
      }

      @Override
      public void subscribe(EventListener listener) {
        view.subscribe(listener);
      }

      @Override
      public int dispatchPending() {
        return view.dispatchPending();
      }

      @Override
      public Seq<OutboxEntry> pendingEvents() {
        return view.pendingEvents();
      }

      @Override
      public void close() {
        view.close();
      }
    };
  }
}
