package io.rapport.crm.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryCrmStoreTest {

  record Note(TicketId id, String text) implements Aggregate<TicketId> {}

  record Noted(EventId eventId, TicketId aggregateId, Instant occurredAt, ActorId actor)
      implements DomainEvent {}

  record Other(TicketId id) implements Aggregate<TicketId> {}

  static final AggregateType<TicketId, Note> NOTES = AggregateType.of("note", Note.class, TicketId.KIND);

  static final TicketId ONE = TicketId.parse("n-1");

  private final AtomicInteger events = new AtomicInteger();

  private Either<Rejection, Transition<Note>> append(Note note, String text) {
    return Either.right(Transition.of(new Note(note.id(), note.text() + text),
        new Noted(EventId.parse("e-" + events.incrementAndGet()), note.id(), Instant.EPOCH,
            ActorId.parse("test"))));
  }

  @Test
  void keepsOnlyTheVersionsARunningTransactionCanSee() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    Repository<TicketId, Note> notes = store.repository(NOTES);
    notes.save(new Note(ONE, ""), Version.NEW);
    for (int i = 0; i < 1000; i++) {
      notes.update(ONE, note -> append(note, "x"));
    }
    assertThat(chainLength(store.latest(NOTES, ONE))).isEqualTo(1);
    store.inTransaction(tx -> {
      tx.repository(NOTES).find(ONE);
      // Commits while this transaction is open must keep the version it sees.
      for (int i = 0; i < 10; i++) {
        notes.update(ONE, note -> append(note, "y"));
      }
      assertThat(tx.repository(NOTES).find(ONE).get().value().text()).doesNotContain("y");
      assertThat(chainLength(store.latest(NOTES, ONE))).isLessThanOrEqualTo(11);
      return Either.right(0);
    });
    notes.update(ONE, note -> append(note, "z"));
    assertThat(chainLength(store.latest(NOTES, ONE))).isEqualTo(1);
  }

  @Test
  void aListenerMayRunCommandsThatPublishMoreEvents() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    Repository<TicketId, Note> notes = store.repository(NOTES);
    notes.save(new Note(ONE, ""), Version.NEW);
    List<String> seen = new ArrayList<>();
    store.subscribe(entry -> {
      seen.add(entry.event().eventId().value());
      if (entry.event().eventId().value().equals("e-1")) {
        notes.update(ONE, note -> append(note, "policy"));
      }
    });
    notes.update(ONE, note -> append(note, "command"));
    assertThat(seen).containsExactly("e-1", "e-2");
    assertThat(notes.find(ONE).get().value().text()).isEqualTo("commandpolicy");
  }

  @Test
  void refusesOneNameForTwoAggregateClasses() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    store.repository(NOTES);
    assertThatThrownBy(() -> store.repository(AggregateType.of("note", Other.class, TicketId.KIND)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already used");
  }

  @Test
  void refusesWorkAfterClose() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    store.close();
    assertThatThrownBy(() -> store.repository(NOTES).find(ONE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesATransactionUsedAfterItEnded() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    Repository<TicketId, Note>[] leaked = new Repository[1];
    store.inTransaction(tx -> {
      leaked[0] = tx.repository(NOTES);
      return Either.right(0);
    });
    assertThatThrownBy(() -> leaked[0].find(ONE)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesACommandThatChangesTheId() {
    InMemoryCrmStore store = InMemoryCrmStore.create();
    store.repository(NOTES).save(new Note(ONE, ""), Version.NEW);
    assertThatThrownBy(() -> store.repository(NOTES).update(ONE,
        note -> Either.right(Transition.of(new Note(TicketId.parse("n-2"), "")))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.repository(NOTES).find(TicketId.parse("n-2")).isEmpty()).isTrue();
  }

  @Test
  void givesUpOnABusyAggregateAfterItsAttempts() {
    InMemoryCrmStore store = InMemoryCrmStore.withMaxUpdateAttempts(3);
    Repository<TicketId, Note> notes = store.repository(NOTES);
    notes.save(new Note(ONE, ""), Version.NEW);
    AtomicInteger attempts = new AtomicInteger();
    Either<UpdateFailure, Versioned<Note>> outcome = notes.update(ONE, note -> {
      attempts.incrementAndGet();
      // Someone else always gets there first.
      Versioned<Note> now = notes.find(ONE).get();
      notes.save(new Note(ONE, now.value().text() + "!"), now.version());
      return append(note, "mine");
    });
    assertThat(outcome.getLeft().reason()).isEqualTo(UpdateFailure.Reason.CONFLICT);
    assertThat(outcome.getLeft().attempts()).isEqualTo(3);
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(notes.find(ONE).get().value().text()).isEqualTo("!!!");
    assertThat(store.pendingEvents().isEmpty()).isTrue();
  }

  private static int chainLength(Node node) {
    int length = 0;
    for (Node n = node; n != null; n = n.older) {
      length++;
    }
    return length;
  }
}
