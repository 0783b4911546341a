package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.PrivacyRecords.T0;
import static io.rapport.crm.testkit.storage.PrivacyRecords.customer;
import static io.rapport.crm.testkit.storage.PrivacyRecords.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.kernel.LoyaltyAccountId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.audit.AuditLog;
import io.rapport.crm.persistence.audit.AuditedCrmStore;
import io.rapport.crm.persistence.customer.CustomerErasure;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.customer.MergeJournalRepository;
import io.rapport.crm.persistence.host.CrmServices;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.knowledge.ArticleRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyProgramRepository;
import io.rapport.crm.persistence.pricing.PriceBookRepository;
import io.rapport.crm.persistence.privacy.ErasureParticipants;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PipelineRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.service.SlaPolicyRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.rapport.crm.persistence.work.EmployeeRepository;
import io.rapport.crm.persistence.work.TeamRepository;
import io.rapport.crm.testkit.Theories;
import io.rapport.crm.testkit.storage.PrivacyRecords.Person;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The contract of erasure on an adapter: after {@link ErasureParticipants#everywhere} erases a
 * customer, no personal value of theirs (name, email, phone, street, city, tax id, a free-text
 * mention planted in every kind of record) appears anywhere in the store, while another
 * customer's values stay. "Anywhere" is every stored document of every aggregate type (through
 * {@link CrmStore#streamAll}), the events the erasure published, and whatever the adapter stores
 * beneath its ports, as {@link #storedText} reads it: a database adapter answers every row of
 * every table (documents with tombstones, index keys and sort keys, outbox payloads), since an
 * index key holding an email is personal data too.
 *
 * <p>The records are planted as a host would write them: the customer, calls recorded through
 * their command (their events naming the customer, delivered to a listener before the erasure),
 * tickets, purchases, an opportunity, a held and a converted lead, a loyalty account with a
 * manual adjustment whose reason names the customer (and its event), work activities about the
 * customer, a ticket and a lead (subject, description, note, hand-off note), and optionally a
 * merge whose journal holds the customer's snapshot. A second contract method runs the erasure
 * through an {@link AuditedCrmStore} with {@link ErasureParticipants#auditLog}, so every audit
 * entry is scanned too. A third keeps every event pending (the listener fails) and checks that the
 * erasure redacts the customer's pending events in place and leaves another customer's alone.
 *
 * <p>An adapter runs it by implementing {@link #newStore()} (and {@link #storedText} when it
 * stores anything beneath its documents) in a test class named {@code …Contract…}.
 */
public interface ErasureContract {

  /** Every aggregate type Rapport stores, the audit log's entries included. */
  List<AggregateType<?, ?>> TYPES = List.of(CustomerRepository.TYPE,
      InteractionRepository.TYPE, MergeJournalRepository.TYPE, LeadRepository.TYPE,
      OpportunityRepository.TYPE, PipelineRepository.TYPE, PurchaseRepository.TYPE,
      TicketRepository.TYPE, SlaPolicyRepository.TYPE, LoyaltyAccountRepository.TYPE,
      LoyaltyProgramRepository.TYPE, EmployeeRepository.TYPE, TeamRepository.TYPE,
      ActivityRepository.TYPE, ArticleRepository.TYPE, PriceBookRepository.TYPE, AuditLog.TYPE);

  /** Returns a new, empty store of the adapter under test; each example opens and closes its own. */
  CrmStore newStore();

  /**
   * Returns every text the adapter holds for a store beneath its ports, one element per stored
   * row or entry: for a database, every column of every row of every table it writes (documents,
   * tombstones, index keys, sort keys, outbox payloads). The default, for an adapter that holds
   * nothing but the documents {@link CrmStore#streamAll} answers, is empty.
   *
   * @param store a store of {@link #newStore()}, still open
   * @return the texts
   */
  default Seq<String> storedText(CrmStore store) {
    return List.empty();
  }

  /**
   * Returns how many random examples the property runs: the {@code rapport.examples} system
   * property, else 60; a slow adapter may run fewer.
   */
  default int examples() {
    return Integer.getInteger("rapport.examples", 60);
  }

  /** Returns the codec the documents and events are written in for the scan. */
  default JsonCodec codec() {
    return JsonCodec.standard();
  }

  /**
   * After a customer's erasure no personal value of theirs remains in any document, stored row
   * or event the erasure published, and another customer's values are all still there.
   */
  @Test
  default void noPersonalValueOfAnErasedCustomerRemainsAnywhereInTheStore() {
    int spread = 33_000_000;
    Theories.qt().withExamples(examples()).forAll(integers().between(0, spread - 1),
        integers().between(1, 3), integers().between(0, 2), integers().between(0, 7))
        .checkAssert((n, interactions, tickets, extras) -> {
          Person subject = Person.of("C-subject", n);
          Person bystander = Person.of("C-bystander", n + spread);
          Person duplicate = Person.of("C-duplicate", n + 2 * spread);
          try (CrmStore store = newStore()) {
            AtomicBoolean delivering = new AtomicBoolean(true);
            store.subscribe(entry -> {
              if (!delivering.get()) {
                throw new IllegalStateException("keeps the erasure's events pending");
              }
            });
            Erasures.fill(store, subject, interactions, tickets, extras);
            Erasures.fill(store, bystander, interactions, tickets, extras);
            if ((extras & 4) != 0) {
              // the subject absorbed a duplicate: the merge journal holds the subject's snapshots
              Erasures.fill(store, duplicate, 0, 0, 0);
              LoyaltyAccountRepository.in(store).erase(LoyaltyAccountId.parse("LA-duplicate"));
              CrmServices.merges(store).merge(subject.customerId(), duplicate.customerId(),
                  Survivorship.standard(), stamp(T0.plus(Duration.ofDays(3)))).get();
            }
            assertThat(Erasures.documents(store, codec())).contains(subject.name());
            assertThat(Erasures.joinedLower(storedText(store)))
                .as("what the adapter stores beneath its ports, before the erasure")
                .satisfiesAnyOf(text -> assertThat(text).isEmpty(),
                    text -> assertThat(text).contains(Erasures.lowerAll(subject.values())));
            delivering.set(false);

            Customer erased = ErasureParticipants.everywhere(store).erase(subject.customerId(),
                AttributeSchema.EMPTY, stamp(T0.plus(Duration.ofDays(40)))).get();

            assertThat(erased.isErased()).isTrue();
            String documents = Erasures.documents(store, codec());
            String stored = Erasures.joinedLower(storedText(store));
            List<OutboxEntry> pending = store.pendingEvents().toList();
            assertThat(pending).isNotEmpty();
            String events = pending.map(e -> codec().encode(e.event())).mkString("\n");
            for (String value : subject.values()) {
              assertThat(documents).as("stored documents").doesNotContain(value);
              assertThat(stored).as("stored rows").doesNotContain(Erasures.lower(value));
              assertThat(events).as("the erasure's events").doesNotContain(value);
            }
            for (String value : bystander.values()) {
              assertThat(documents).as("another customer's values").contains(value);
            }
          }
        });
  }

  /**
   * Events of the erased customer still waiting for a listener when the erasure commits are
   * redacted in the outbox: no personal value of theirs is in any pending event or stored row,
   * the entries keep their sequences, event ids and order, another customer's pending events are
   * untouched, and a listener that recovers receives every entry, none naming the customer. Half
   * of the examples erase through an {@link AuditedCrmStore}, whose transactions the store runs.
   */
  @Test
  default void pendingEventsOfAnErasedCustomerAreRedactedNotDeliveredAsTheyWere() {
    int spread = 33_000_000;
    Theories.qt().withExamples(Math.max(4, examples() / 4)).forAll(
        integers().between(0, spread - 1), integers().between(1, 2), booleans().all())
        .checkAssert((n, calls, throughAudit) -> {
          Person subject = Person.of("C-subject", n);
          Person bystander = Person.of("C-bystander", n + spread);
          try (CrmStore store = newStore()) {
            AtomicBoolean failing = new AtomicBoolean(true);
            java.util.List<OutboxEntry> received = new CopyOnWriteArrayList<>();
            store.subscribe(entry -> {
              if (failing.get()) {
                throw new IllegalStateException("the listener is down");
              }
              received.add(entry);
            });
            Erasures.fillWithEvents(store, subject, calls);
            Erasures.fillWithEvents(store, bystander, calls);
            List<OutboxEntry> before = store.pendingEvents().toList();
            Predicate<OutboxEntry> ofBystander =
                e -> e.event().aggregateId().value().contains("bystander");
            assertThat(Erasures.encoded(before, codec()))
                .as("the pending events before the erasure")
                .contains(subject.values().toJavaArray(String[]::new));

            CustomerErasure erasure;
            if (throughAudit) {
              AuditedCrmStore audited = AuditedCrmStore.over(store, codec(), PrivacyRecords.HOST,
                  Clock.fixed(T0, ZoneOffset.UTC));
              erasure = ErasureParticipants.everywhere(audited)
                  .with(ErasureParticipants.auditLog(audited.auditLog()));
            } else {
              erasure = ErasureParticipants.everywhere(store);
            }
            erasure.erase(subject.customerId(), AttributeSchema.EMPTY,
                stamp(T0.plus(Duration.ofDays(40)))).get();

            List<OutboxEntry> after = store.pendingEvents().toList();
            String events = Erasures.encoded(after, codec());
            String stored = Erasures.joinedLower(storedText(store));
            for (String value : subject.values()) {
              assertThat(events).as("pending events after the erasure").doesNotContain(value);
              assertThat(stored).as("stored rows after the erasure")
                  .doesNotContain(Erasures.lower(value));
            }
            assertThat(after.filter(ofBystander)).as("another customer's pending events")
                .isEqualTo(before.filter(ofBystander));
            assertThat(Erasures.encoded(after.filter(ofBystander), codec()))
                .contains(bystander.values().toJavaArray(String[]::new));
            assertThat(after.take(before.size()).map(e -> e.sequence() + " " + e.event().eventId()))
                .as("sequences and event ids, in order")
                .isEqualTo(before.map(e -> e.sequence() + " " + e.event().eventId()));
            assertThat(after.size()).as("the erasure's own events follow")
                .isGreaterThan(before.size());

            failing.set(false);
            store.dispatchPending();

            assertThat(List.ofAll(received).map(OutboxEntry::sequence))
                .as("what the recovered listener received")
                .isEqualTo(after.map(OutboxEntry::sequence));
            assertThat(store.pendingEvents()).isEmpty();
            String delivered = Erasures.encoded(List.ofAll(received), codec());
            for (String value : subject.values()) {
              assertThat(delivered).as("delivered events").doesNotContain(value);
            }
          }
        });
  }

  /**
   * Erasure through an audited store with the audit participant leaves no personal value in any
   * audit entry (the erasure's own entries included), document or stored row.
   */
  @Test
  default void auditedErasureLeavesNoPersonalValueInTheAuditTrail() {
    Person li = Person.of("C-0001", 4711);
    try (CrmStore store = newStore()) {
      String everything = Erasures.auditedAfterErasure(store, codec(), li,
          audited -> ErasureParticipants.everywhere(audited)
              .with(ErasureParticipants.auditLog(audited.auditLog())));
      String stored = Erasures.joinedLower(storedText(store));
      assertThat(everything).contains("[scrubbed]");
      for (String value : li.values()) {
        assertThat(everything).as("documents and audit entries after erasure")
            .doesNotContain(value);
        assertThat(stored).as("stored rows after erasure").doesNotContain(Erasures.lower(value));
      }
    }
  }

  /** Without the audit participant the audit trail keeps the values: the scan above can fail. */
  @Test
  default void withoutTheAuditParticipantTheAuditTrailStillHoldsThem() {
    Person li = Person.of("C-0001", 4711);
    try (CrmStore store = newStore()) {
      String everything = Erasures.auditedAfterErasure(store, codec(), li,
          ErasureParticipants::everywhere);
      assertThat(everything).contains(li.name(), li.email(), li.mention());
    }
  }
}
