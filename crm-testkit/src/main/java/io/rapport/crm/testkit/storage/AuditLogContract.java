package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.audit.AuditAppendOnlyException;
import io.rapport.crm.persistence.audit.AuditEntry;
import io.rapport.crm.persistence.audit.AuditLog;
import io.rapport.crm.persistence.audit.AuditReplay;
import io.rapport.crm.persistence.audit.AuditedCrmStore;
import io.rapport.crm.persistence.audit.FieldChange;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.testkit.Theories;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The contract of the audit trail on an adapter: an {@link AuditedCrmStore} over the adapter's
 * store records every change in the same transaction (entries vanish with a rolled-back one),
 * reads a record's history in order page by page, restores an earlier value as a new audited
 * change, scrubs every value for erasure, and its log replays to every record's current state. It
 * stores {@link Tally} aggregates. An adapter runs it by implementing {@link #newStore()} in a
 * test class named {@code …Contract…}.
 */
public interface AuditLogContract {

  /** The time every change is recorded at. */
  Instant NOW = Instant.parse("2026-11-23T09:30:00Z");

  /** The actor the audited store acts for. */
  ActorId CLERK = ActorId.parse("employee:E-7");

  /** Returns a new, empty store of the adapter under test; each test opens and closes its own. */
  CrmStore newStore();

  /** Returns the codec to diff documents with; it must know tallies and their event. */
  default JsonCodec codec() {
    return JsonCodec.standard().register("tally", Tally.class)
        .register("tally.incremented", Tally.Incremented.class);
  }

  /** Returns the audited store over a new store, acting for {@link #CLERK} at {@link #NOW}. */
  default AuditedCrmStore newAuditedStore() {
    return AuditedCrmStore.over(newStore(), codec(), CLERK, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Returns a tally with a distinct id for {@code n}. */
  static Tally tally(int n, String note) {
    return new Tally(CustomerId.parse(String.format("a-%04d", n)), n,
        Money.ofMinor(n * 100L, Currency.getInstance("CNY")), note);
  }

  /** Returns a record's whole history, read page by page. */
  static Seq<AuditEntry> historyOf(AuditLog log, CustomerId id, int pageSize) {
    List<AuditEntry> all = List.empty();
    Option<Long> after = Option.none();
    do {
      Page<AuditEntry, Long> page = log.history(Tally.TYPE, id, after, pageSize);
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      all = all.appendAll(page.items());
      after = page.next();
    } while (after.isDefined());
    return all;
  }

  @Test
  default void everyChangeIsRecordedWithActorTimeCommandAndChangedFieldsOnly() {
    try (AuditedCrmStore store = newAuditedStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      Tally first = tally(1, "rosewood");
      tallies.save(first, Version.NEW);
      tallies.update(first.id(), t -> t.increment(Money.of("2.50", Currency.getInstance("CNY")),
          100, EventId.parse("e-1"), NOW));
      tallies.erase(first.id());
      Seq<AuditEntry> history = store.auditLog().history(Tally.TYPE, first.id(), Option.none(), 10)
          .items();
      assertThat(history.map(AuditEntry::command)).containsExactly("save", "tally.incremented",
          "erase");
      assertThat(history.map(AuditEntry::sequence)).containsExactly(1L, 2L, 3L);
      assertThat(history.map(AuditEntry::actor).distinct()).containsExactly(CLERK);
      assertThat(history.map(AuditEntry::at).distinct()).containsExactly(NOW);
      assertThat(history.get(0).changes().map(FieldChange::before).distinct())
          .containsExactly(Option.none());
      assertThat(history.get(0).changes()).contains(FieldChange.of("$.note", null, "\"rosewood\""));
      assertThat(history.get(1).changes()).containsExactlyInAnyOrder(
          FieldChange.of("$.count", "1", "2"),
          FieldChange.of("$.total.amount", "\"1.00\"", "\"3.50\""));
      assertThat(history.get(2).changes().map(FieldChange::after).distinct())
          .containsExactly(Option.none());
      assertThat(history.get(2).changes().map(FieldChange::path))
          .containsExactlyElementsOf(history.get(0).changes().map(FieldChange::path));
    }
  }

  @Test
  default void entriesCommitWithTheirTransactionAndVanishWithARolledBackOne() {
    try (AuditedCrmStore store = newAuditedStore()) {
      Tally kept = tally(1, "kept");
      Tally dropped = tally(2, "dropped");
      Either<Rejection, String> committed = store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(kept, Version.NEW);
        tx.repository(Tally.TYPE).save(tally(1, "kept twice"), Version.of(1));
        return Either.right("ok");
      });
      Either<Rejection, String> rolledBack = store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(dropped, Version.NEW);
        return Either.left(new Tally.LimitReached(0));
      });
      assertThatThrownBy(() -> store.inTransaction(tx -> {
        tx.repository(Tally.TYPE).save(dropped, Version.NEW);
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      assertThat(committed.isRight()).isTrue();
      assertThat(rolledBack.isLeft()).isTrue();
      assertThat(historyOf(store.auditLog(), kept.id(), 10).map(AuditEntry::sequence))
          .containsExactly(1L, 2L);
      assertThat(historyOf(store.auditLog(), dropped.id(), 10)).isEmpty();
      assertThat(store.repository(AuditLog.TYPE).list(Option.none(), 100).items()).hasSize(2);
    }
  }

  @Test
  default void aRefusedSaveOrAnAbsentEraseRecordsNothing() {
    try (AuditedCrmStore store = newAuditedStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      Tally first = tally(1, "one");
      tallies.save(first, Version.NEW);
      assertThat(tallies.save(tally(1, "stale"), Version.NEW).isLeft()).isTrue();
      assertThat(tallies.erase(tally(9, "never").id())).isFalse();
      assertThat(tallies.update(first.id(), t -> t.increment(Money.of("1.00",
          Currency.getInstance("CNY")), 0, EventId.parse("e-1"), NOW)).isLeft()).isTrue();
      assertThat(historyOf(store.auditLog(), first.id(), 5).map(AuditEntry::command))
          .containsExactly("save");
      assertThat(historyOf(store.auditLog(), tally(9, "never").id(), 5)).isEmpty();
    }
  }

  @Test
  default void historyComesInOrderPageByPage() {
    try (AuditedCrmStore store = newAuditedStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      Tally other = tally(2, "other");
      tallies.save(other, Version.NEW);
      for (int i = 0; i < 7; i++) {
        tallies.save(tally(1, "note " + i), Version.of(i));
      }
      Page<AuditEntry, Long> first = store.auditLog().history(Tally.TYPE, tally(1, "").id(),
          Option.none(), 3);
      assertThat(first.items().map(AuditEntry::sequence)).containsExactly(1L, 2L, 3L);
      assertThat(first.next()).isEqualTo(Option.some(3L));
      Seq<AuditEntry> all = historyOf(store.auditLog(), tally(1, "").id(), 3);
      assertThat(all.map(AuditEntry::sequence)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
      assertThat(all.map(e -> e.changes().find(c -> c.path().equals("$.note")).get().after().get()))
          .containsExactly("\"note 0\"", "\"note 1\"", "\"note 2\"", "\"note 3\"", "\"note 4\"",
              "\"note 5\"", "\"note 6\"");
      assertThat(historyOf(store.auditLog(), other.id(), 3)).hasSize(1);
    }
  }

  @Test
  default void restoreWritesTheEarlierValueBackAsANewAuditedChange() {
    try (AuditedCrmStore store = newAuditedStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      tallies.save(tally(1, "rosewood chair"), Version.NEW);
      tallies.save(tally(1, "rosewood table"), Version.of(1));
      ActorId manager = ActorId.parse("employee:E-1");
      Instant later = NOW.plusSeconds(60);
      Either<Rejection, AuditEntry> restored = store.auditLog().restore(Tally.TYPE,
          tally(1, "").id(), 2, "$.note", manager, later);
      assertThat(restored.isRight()).as("%s", restored).isTrue();
      assertThat(restored.get().command()).isEqualTo("restore");
      assertThat(restored.get().sequence()).isEqualTo(3L);
      assertThat(restored.get().actor()).isEqualTo(manager);
      assertThat(restored.get().at()).isEqualTo(later);
      assertThat(restored.get().changes()).containsExactly(
          FieldChange.of("$.note", "\"rosewood table\"", "\"rosewood chair\""));
      Versioned<Tally> now = tallies.find(tally(1, "").id()).get();
      assertThat(now.value()).isEqualTo(tally(1, "rosewood chair"));
      assertThat(now.version()).isEqualTo(Version.of(3));
      assertThat(historyOf(store.auditLog(), tally(1, "").id(), 10)).last().isEqualTo(restored.get());
    }
  }

  @Test
  default void restoreRefusesWhatItCannotDo() {
    try (AuditedCrmStore store = newAuditedStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      tallies.save(tally(1, "one"), Version.NEW);
      tallies.save(tally(1, "two"), Version.of(1));
      AuditLog log = store.auditLog();
      CustomerId id = tally(1, "").id();
      assertThat(log.restore(Tally.TYPE, id, 9, "$.note", CLERK, NOW).getLeft().code())
          .isEqualTo("audit.restore.entry_not_found");
      assertThat(log.restore(Tally.TYPE, id, 2, "$.count", CLERK, NOW).getLeft().code())
          .isEqualTo("audit.restore.path_not_changed");
      assertThat(log.restore(Tally.TYPE, id, 1, "$.note", CLERK, NOW).getLeft().code())
          .isEqualTo("audit.restore.invalid_value");
      tallies.erase(id);
      assertThat(log.restore(Tally.TYPE, id, 2, "$.note", CLERK, NOW).getLeft().code())
          .isEqualTo("audit.restore.record_absent");
      assertThat(historyOf(log, id, 10).map(AuditEntry::command))
          .containsExactly("save", "save", "erase");
    }
  }

  @Test
  default void scrubLeavesNoValueBehind() {
    try (AuditedCrmStore store = newAuditedStore()) {
      Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
      Tally secret = tally(1, "wang.xiaoming@example.com");
      tallies.save(secret, Version.NEW);
      tallies.save(tally(1, "+8613800138000"), Version.of(1));
      tallies.erase(secret.id());
      tallies.save(tally(2, "wang.xiaoming@example.com"), Version.NEW);
      AuditLog log = store.auditLog();
      assertThat(log.scrub(Tally.TYPE, secret.id())).isEqualTo(3);
      Seq<AuditEntry> scrubbed = historyOf(log, secret.id(), 2);
      assertThat(scrubbed).hasSize(3).allMatch(AuditEntry::scrubbed);
      assertThat(scrubbed.flatMap(AuditEntry::changes)).isNotEmpty().allMatch(change ->
          change.before().forAll(AuditEntry.SCRUBBED::equals)
              && change.after().forAll(AuditEntry.SCRUBBED::equals));
      assertThat(scrubbed.mkString()).doesNotContain("xiaoming").doesNotContain("8613800138000");
      assertThat(log.restore(Tally.TYPE, secret.id(), 2, "$.note", CLERK, NOW).getLeft().code())
          .isEqualTo("audit.restore.scrubbed");
      assertThat(log.scrub(Tally.TYPE, secret.id())).isZero();
      assertThat(historyOf(log, tally(2, "").id(), 5).single().changes().mkString())
          .contains("xiaoming");
    }
  }

  @Test
  default void theLogIsAppendOnlyThroughTheStore() {
    try (AuditedCrmStore store = newAuditedStore()) {
      store.repository(Tally.TYPE).save(tally(1, "one"), Version.NEW);
      AuditEntry entry = historyOf(store.auditLog(), tally(1, "").id(), 5).single();
      assertThatThrownBy(() -> store.repository(AuditLog.TYPE).erase(entry.id()))
          .isInstanceOfSatisfying(AuditAppendOnlyException.class,
              refused -> assertThat(refused.code()).isEqualTo("audit.append_only"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> store.inTransaction(tx -> Either.right(
          tx.repository(AuditLog.TYPE).save(entry.scrub(), Version.of(1)))))
          .isInstanceOf(AuditAppendOnlyException.class);
      assertThatThrownBy(() -> store.repository(AuditLog.TYPE).update(entry.id(),
          current -> Either.right(new io.rapport.crm.kernel.Transition<>(current.scrub(),
              io.vavr.collection.List.empty()))))
          .isInstanceOf(AuditAppendOnlyException.class);
      assertThat(historyOf(store.auditLog(), tally(1, "").id(), 5).single()).isEqualTo(entry);
    }
  }

  @Test
  default void theLogReplaysToEveryRecordsCurrentState() {
    Gen<int[]> step = SourceDSL.integers().between(0, 5).zip(SourceDSL.integers().between(0, 2),
        SourceDSL.integers().between(0, 7), (kind, record, word) -> new int[] {kind, record, word});
    Gen<java.util.List<int[]>> scripts = SourceDSL.lists().of(step).ofSizeBetween(1, 12);
    String[] words = {"", "a", "rosewood", "zitan.chair", "王", "it's", "[x]", "a b"};
    Theories.qt().withExamples(Integer.getInteger("rapport.audit.examples", 30)).forAll(scripts)
        .checkAssert(script -> {
          try (AuditedCrmStore store = newAuditedStore()) {
            Repository<CustomerId, Tally> tallies = store.repository(Tally.TYPE);
            AtomicLong events = new AtomicLong();
            for (int[] s : script) {
              CustomerId id = tally(s[1], "").id();
              Option<Versioned<Tally>> current = tallies.find(id);
              Version version = current.map(Versioned::version).getOrElse(Version.NEW);
              if (s[0] <= 1) {
                tallies.save(tally(s[1], words[s[2]]), version);
              } else if (s[0] <= 3) {
                tallies.update(id, t -> t.increment(Money.ofMinor(s[2] * 37L,
                    Currency.getInstance("CNY")), 1000, EventId.parse("e-" + events.incrementAndGet()),
                    NOW));
              } else if (s[0] == 4) {
                tallies.erase(id);
              } else {
                store.inTransaction(tx -> {
                  Repository<CustomerId, Tally> inTx = tx.repository(Tally.TYPE);
                  inTx.save(tally(s[1], words[s[2]] + "!"), version);
                  inTx.save(tally(s[1], words[s[2]] + "?"), version.next());
                  return Either.right(true);
                });
              }
            }
            for (int r = 0; r <= 2; r++) {
              CustomerId id = tally(r, "").id();
              Option<String> replayed = AuditReplay.replay(historyOf(store.auditLog(), id, 4));
              Option<String> actual = tallies.find(id).map(v -> codec().encode(v.value()));
              assertThat(replayed.isDefined()).as("record %s present", id).isEqualTo(actual.isDefined());
              if (actual.isDefined()) {
                assertThat(AuditReplay.sameDocument(replayed.get(), actual.get()))
                    .as("%s replays to %s", replayed.get(), actual.get()).isTrue();
              }
            }
          }
        });
  }
}
