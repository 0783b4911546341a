package io.rapport.crm.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.access.AccessDecision;
import io.rapport.crm.access.AccessFacts;
import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.FieldAccess;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.access.Permission;
import io.rapport.crm.access.RecordFacts;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexEntry;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecuredCrmStoreTest {

  /** A small owned record with one sensitive field: a local stand-in for the standard types. */
  record Card(CustomerId id, Option<EmployeeId> owner, Option<TeamId> team, String phone,
      String note) implements Aggregate<CustomerId> {

    Card withNote(String text) {
      return new Card(id, owner, team, phone, text);
    }

    Card withOwner(EmployeeId employee) {
      return new Card(id, Option.some(employee), team, phone, note);
    }
  }

  static final AggregateType<CustomerId, Card> CARD =
      AggregateType.of("card", Card.class, CustomerId.KIND)
          .withIndex(Index.sorted("by_note", card -> List.of(new IndexEntry("all", card.note()))));

  static final AggregateType<CustomerId, Card> UNREGISTERED =
      AggregateType.of("unregistered", Card.class, CustomerId.KIND);

  static final AccessFacts<Card> FACTS =
      card -> new RecordFacts("card", card.id().value(), card.owner(), card.team());

  static final FieldMasker<Card> MASKER = new FieldMasker<>() {
    @Override
    public Set<String> fields() {
      return HashSet.of("phone");
    }

    @Override
    public Card mask(Card value, Set<String> masked) {
      return masked.contains("phone")
          ? new Card(value.id(), value.owner(), value.team(), "***", value.note()) : value;
    }

    @Override
    public Card restore(Card changed, Card stored, Set<String> masked) {
      return masked.contains("phone")
          ? new Card(changed.id(), changed.owner(), changed.team(), stored.phone(), changed.note())
          : changed;
    }
  };

  /** Owners may do anything; team members may read; finance sees phone numbers. */
  static final AccessPolicy POLICY = new AccessPolicy() {
    @Override
    public AccessDecision decide(Actor actor, Permission permission, RecordFacts record) {
      if (record.owner().isDefined() && actor.employee().equals(record.owner())) {
        return AccessDecision.allow("access.owner", "owner");
      }
      if (permission == Permission.READ && record.team().exists(actor.teams()::contains)) {
        return AccessDecision.allow("access.team", "team");
      }
      return AccessDecision.deny("not yours: " + record.id());
    }

    @Override
    public FieldAccess field(Actor actor, String type, String field) {
      return actor.roles().contains("finance") ? FieldAccess.VISIBLE : FieldAccess.MASKED;
    }
  };

  static final EmployeeId ANN = EmployeeId.parse("e-ann");
  static final EmployeeId BOB = EmployeeId.parse("e-bob");
  static final TeamId EAST = TeamId.parse("t-east");

  final InMemoryCrmStore store = InMemoryCrmStore.create();
  final Repository<CustomerId, Card> bare = store.repository(CARD);
  final SecuredCrmStore secured = SecuredCrmStore.of(store, POLICY, HashMap.of("card", FACTS),
      HashMap.of("card", MASKER));
  final SecuredView ann = secured.as(Actor.employee(ANN, HashSet.empty(), HashSet.empty()));
  final SecuredView annInFinance =
      secured.as(Actor.employee(ANN, HashSet.empty(), HashSet.of("finance")));
  final SecuredView bob = secured.as(Actor.employee(BOB, HashSet.of(EAST), HashSet.empty()));

  @AfterEach
  void close() {
    store.close();
  }

  static Card card(int n, EmployeeId owner) {
    return new Card(CustomerId.parse(String.format("c-%02d", n)), Option.some(owner),
        Option.none(), "+86 21 5555 01" + String.format("%02d", n), "note " + n);
  }

  @Test
  void findShowsOwnRecordsMaskedAndAnswersOthersAsIfMissing() {
    Card mine = card(1, ANN);
    Card his = card(2, BOB);
    bare.save(mine, Version.NEW);
    bare.save(his, Version.NEW);

    assertThat(ann.repository(CARD).find(mine.id()).map(Versioned::value))
        .contains(MASKER.mask(mine, HashSet.of("phone")));
    assertThat(annInFinance.repository(CARD).find(mine.id()).map(Versioned::value))
        .contains(mine);
    assertThat(ann.repository(CARD).find(his.id())).isEqualTo(Option.none())
        .isEqualTo(ann.repository(CARD).find(CustomerId.parse("c-99")));
    assertThat(ann.maskedFields(CARD)).containsExactly("phone");
    assertThat(annInFinance.maskedFields(CARD)).isEmpty();
  }

  @Test
  void listRefillsPagesPastHiddenRecordsAndEndsWithoutACursor() {
    for (int n = 0; n < 10; n++) {
      bare.save(card(n, n % 3 == 0 ? ANN : BOB), Version.NEW);
    }
    Repository<CustomerId, Card> mine = ann.repository(CARD);

    Page<Versioned<Card>, CustomerId> first = mine.list(Option.none(), 3);
    Page<Versioned<Card>, CustomerId> second = mine.list(first.next(), 3);

    assertThat(first.items().map(item -> item.value().id().value()))
        .containsExactly("c-00", "c-03", "c-06");
    assertThat(first.next()).contains(CustomerId.parse("c-06"));
    assertThat(second.items().map(item -> item.value().id().value())).containsExactly("c-09");
    assertThat(second.isLast()).isTrue();
  }

  @Test
  void aFullPageHasNoCursorWhenOnlyHiddenRecordsFollow() {
    bare.save(card(1, ANN), Version.NEW);
    bare.save(card(2, ANN), Version.NEW);
    bare.save(card(3, BOB), Version.NEW);
    bare.save(card(4, BOB), Version.NEW);

    Page<Versioned<Card>, CustomerId> page = ann.repository(CARD).list(Option.none(), 2);
    Page<Versioned<Card>, IndexCursor> byNote =
        ann.repository(CARD).query(IndexQuery.of("by_note", "all", 2));

    assertThat(page.items()).hasSize(2);
    assertThat(page.isLast()).isTrue();
    assertThat(byNote.items()).hasSize(2);
    assertThat(byNote.isLast()).isTrue();
  }

  @Test
  void queryPagesCarryTheCursorOfTheirLastVisibleRecord() {
    for (int n = 0; n < 12; n++) {
      bare.save(card(n, n % 2 == 0 ? ANN : BOB).withNote("note " + (20 - n)), Version.NEW);
    }
    Repository<CustomerId, Card> mine = ann.repository(CARD);
    IndexQuery query = IndexQuery.of("by_note", "all", 4).newestFirst();

    Page<Versioned<Card>, IndexCursor> first = mine.query(query);
    Page<Versioned<Card>, IndexCursor> second = mine.query(query.after(first.next()));

    assertThat(first.items().map(item -> item.value().note()))
        .containsExactly("note 20", "note 18", "note 16", "note 14");
    assertThat(first.next()).contains(new IndexCursor("note 14", "c-06"));
    assertThat(second.items().map(item -> item.value().note()))
        .containsExactly("note 12", "note 10");
    assertThat(second.isLast()).isTrue();
  }

  @Test
  void streamAllLeavesOutHiddenRecordsAndMasks() {
    bare.save(card(1, ANN), Version.NEW);
    bare.save(card(2, BOB), Version.NEW);

    assertThat(ann.streamAll(CARD).map(Versioned::value).collect(Collectors.toList()))
        .containsExactly(MASKER.mask(card(1, ANN), HashSet.of("phone")));
  }

  @Test
  void aSaveBackOfAMaskedReadKeepsTheStoredValue() {
    Card mine = card(1, ANN);
    bare.save(mine, Version.NEW);
    Versioned<Card> read = ann.repository(CARD).find(mine.id()).get();

    ann.repository(CARD).save(read.value().withNote("called back"), read.version());

    assertThat(bare.find(mine.id()).map(Versioned::value)).contains(mine.withNote("called back"));
  }

  @Test
  void aSaveWithoutWriteIsRefusedAndWritesNothing() {
    Card his = new Card(CustomerId.parse("c-01"), Option.some(ANN), Option.some(EAST), "1",
        "shared");
    Versioned<Card> stored = new Versioned<>(his, bare.save(his, Version.NEW).get());
    Repository<CustomerId, Card> reader = bob.repository(CARD);

    assertThat(reader.find(his.id())).isNotEmpty();
    assertThatThrownBy(() -> reader.save(his.withNote("mine now"), stored.version()))
        .isInstanceOfSatisfying(AccessDeniedException.class, refused -> {
          assertThat(refused.code()).isEqualTo("access.denied");
          assertThat(refused.denial()).isEqualTo(
              new AccessDenied("card", "c-01", Permission.WRITE, "not yours: c-01"));
        });
    assertThat(bare.find(his.id())).contains(stored);
  }

  @Test
  void noOneSavesARecordIntoAnOwnershipTheyMayNotWrite() {
    Card mine = card(1, ANN);
    Version version = bare.save(mine, Version.NEW).get();

    assertThatThrownBy(() -> ann.repository(CARD).save(mine.withOwner(BOB), version))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> ann.repository(CARD).save(card(2, BOB), Version.NEW))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(bare.find(mine.id())).contains(new Versioned<>(mine, version));
    assertThat(bare.find(card(2, BOB).id())).isEmpty();
  }

  @Test
  void aDeniedUpdateIsRejectedWithAccessDenied() {
    Card shared = new Card(CustomerId.parse("c-01"), Option.some(ANN), Option.some(EAST), "1",
        "shared");
    bare.save(shared, Version.NEW);

    Either<UpdateFailure, Versioned<Card>> outcome = bob.repository(CARD).update(shared.id(),
        card -> Either.right(Transition.of(card.withNote("changed"))));

    assertThat(outcome.getLeft().reason()).isEqualTo(UpdateFailure.Reason.REJECTED);
    assertThat(outcome.getLeft().rejection().get().code()).isEqualTo("access.denied");
    assertThat(outcome.getLeft().rejection().get().message()).contains("not yours: c-01");
    assertThat(bare.find(shared.id()).get().value()).isEqualTo(shared);
  }

  @Test
  void anUpdateSeesTheMaskedStateAndCannotGiveTheRecordAway() {
    Card mine = card(1, ANN);
    bare.save(mine, Version.NEW);

    Either<UpdateFailure, Versioned<Card>> changed = ann.repository(CARD).update(mine.id(),
        card -> Either.right(Transition.of(card.withNote(card.phone()))));
    Either<UpdateFailure, Versioned<Card>> givenAway = ann.repository(CARD).update(mine.id(),
        card -> Either.right(Transition.of(card.withOwner(BOB))));

    assertThat(changed.get().value()).isEqualTo(new Card(mine.id(), mine.owner(), mine.team(),
        "***", "***"));
    assertThat(bare.find(mine.id()).get().value()).isEqualTo(mine.withNote("***"));
    assertThat(givenAway.getLeft().rejection().map(r -> r.code())).contains("access.denied");
  }

  @Test
  void anUpdateOrEraseOfAHiddenRecordAnswersAsForAMissingOne() {
    Card his = card(1, BOB);
    bare.save(his, Version.NEW);

    Either<UpdateFailure, Versioned<Card>> outcome = ann.repository(CARD).update(his.id(),
        card -> Either.right(Transition.of(card.withNote("x"))));

    assertThat(outcome.getLeft().reason()).isEqualTo(UpdateFailure.Reason.NOT_FOUND);
    assertThat(ann.repository(CARD).erase(his.id())).isFalse();
    assertThat(bare.find(his.id()).get().value()).isEqualTo(his);
  }

  @Test
  void eraseNeedsDelete() {
    Card shared = new Card(CustomerId.parse("c-01"), Option.some(ANN), Option.some(EAST), "1",
        "shared");
    bare.save(shared, Version.NEW);

    assertThatThrownBy(() -> bob.repository(CARD).erase(shared.id()))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            refused -> assertThat(refused.denial().permission()).isEqualTo(Permission.DELETE));
    assertThat(bare.find(shared.id())).isNotEmpty();
    assertThat(ann.repository(CARD).erase(shared.id())).isTrue();
    assertThat(bare.find(shared.id())).isEmpty();
  }

  @Test
  void transactionsAreSecuredTheSameWayAndADenialRollsBack() {
    Card mine = card(1, ANN);
    Card his = card(2, BOB);
    bare.save(his, Version.NEW);

    Either<?, Option<Versioned<Card>>> seen = ann.inTransaction(tx ->
        Either.right(tx.repository(CARD).find(his.id())));
    assertThatThrownBy(() -> ann.inTransaction(tx -> {
      tx.repository(CARD).save(mine, Version.NEW);
      return Either.right(tx.repository(CARD).save(his.withNote("x"), Version.of(1)));
    })).isInstanceOf(AccessDeniedException.class);

    assertThat(seen.get()).isEmpty();
    assertThat(bare.find(mine.id())).isEmpty();
    assertThat(bare.find(his.id()).get().value()).isEqualTo(his);
  }

  @Test
  void aTypeWithoutFactsIsDeniedToEveryone() {
    Card mine = card(1, ANN);
    store.repository(UNREGISTERED).save(mine, Version.NEW);

    assertThat(annInFinance.repository(UNREGISTERED).find(mine.id())).isEmpty();
    assertThatThrownBy(() -> annInFinance.repository(UNREGISTERED).save(card(2, ANN), Version.NEW))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("No access facts");
  }

  @Test
  void closingAViewLeavesTheStoreOpen() {
    ann.close();

    assertThat(bare.save(card(1, ANN), Version.NEW).isRight()).isTrue();
  }
}
