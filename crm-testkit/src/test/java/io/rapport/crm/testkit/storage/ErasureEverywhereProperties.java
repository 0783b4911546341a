package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.PrivacyRecords.T0;
import static io.rapport.crm.testkit.storage.PrivacyRecords.customer;
import static io.rapport.crm.testkit.storage.PrivacyRecords.stamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.customer.MergeJournalRepository;
import io.rapport.crm.persistence.host.CrmServices;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.knowledge.ArticleRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyProgramRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
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
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After a customer's erasure no personal value of theirs appears in any stored document of any
 * aggregate type, nor in the events the erasure published; another customer's values stay.
 */
class ErasureEverywhereProperties {

  private static final JsonCodec CODEC = JsonCodec.standard();
  private static final int SPREAD = 33_000_000;

  /** Every aggregate type Rapport stores. */
  static final List<AggregateType<?, ?>> TYPES = List.of(CustomerRepository.TYPE,
      InteractionRepository.TYPE, MergeJournalRepository.TYPE, LeadRepository.TYPE,
      OpportunityRepository.TYPE, PipelineRepository.TYPE, PurchaseRepository.TYPE,
      TicketRepository.TYPE, SlaPolicyRepository.TYPE, LoyaltyAccountRepository.TYPE,
      LoyaltyProgramRepository.TYPE, EmployeeRepository.TYPE, TeamRepository.TYPE,
      ActivityRepository.TYPE, ArticleRepository.TYPE, PriceBookRepository.TYPE);

  /** Returns every stored document of every type, as the codec writes it. */
  static List<String> everyDocument(CrmStore store) {
    return TYPES.flatMap(type -> documents(store, type));
  }

  private static <I extends TypedId, A extends Aggregate<I>> List<String> documents(
      CrmStore store, AggregateType<I, A> type) {
    try (Stream<String> docs = store.streamAll(type).map(v -> CODEC.encodeDocument(v.value()))) {
      return List.ofAll(docs.collect(Collectors.toList()));
    }
  }

  /** Stores a person's records in every context; answers how many records were stored. */
  static void fill(CrmStore store, Person p, int interactions, int tickets, int extras) {
    String tag = p.id().substring(2);
    Instant at = T0.plus(Duration.ofDays(1));
    CustomerRepository.in(store).save(customer(p), Version.NEW);
    for (int i = 0; i < interactions; i++) {
      InteractionRepository.in(store).save(PrivacyRecords.call("I-" + tag + "-" + i, p,
          at.plus(Duration.ofHours(i))), Version.NEW);
    }
    for (int i = 0; i < tickets; i++) {
      TicketRepository.in(store).save(PrivacyRecords.ticket("T-" + tag + "-" + i, p, at),
          Version.NEW);
      PurchaseRepository.in(store).save(PrivacyRecords.purchase("P-" + tag + "-" + i, p, at),
          Version.NEW);
    }
    if ((extras & 1) != 0) {
      LeadRepository.in(store).save(PrivacyRecords.leadHolding("L-" + tag + "-held", p, T0),
          Version.NEW);
    }
    if ((extras & 2) != 0) {
      LeadRepository.in(store).save(PrivacyRecords.leadConverted("L-" + tag + "-conv", p, T0),
          Version.NEW);
    }
    LoyaltyProgramRepository.in(store).save(LoyaltyRecords.program("LP-" + tag, "Club " + tag,
        T0), Version.NEW);
    LoyaltyAccountRepository.in(store).save(LoyaltyRecords.account("LA-" + tag, "LP-" + tag,
        p.id(), at, Option.none(), at.plus(Duration.ofDays(365)), Option.none(), Option.none()),
        Version.NEW);
    OpportunityRepository.in(store).save(PrivacyRecords.opportunity("O-" + tag, p, at),
          Version.NEW);
  }

  @Test
  void noPersonalValueOfAnErasedCustomerRemainsInAnyDocumentOrEvent() {
    Theories.qt().withExamples(60).forAll(integers().between(0, SPREAD - 1),
        integers().between(1, 3), integers().between(0, 2), integers().between(0, 7))
        .checkAssert((n, interactions, tickets, extras) -> {
          Person subject = Person.of("C-subject", n);
          Person bystander = Person.of("C-bystander", n + SPREAD);
          Person duplicate = Person.of("C-duplicate", n + 2 * SPREAD);
          try (CrmStore store = InMemoryCrmStore.create()) {
            fill(store, subject, interactions, tickets, extras);
            fill(store, bystander, interactions, tickets, extras);
            if ((extras & 4) != 0) {
              // the subject absorbed a duplicate: the merge journal holds the subject's snapshots
              fill(store, duplicate, 0, 0, 0);
              LoyaltyAccountRepository.in(store).erase(
                  io.rapport.crm.kernel.LoyaltyAccountId.parse("LA-duplicate"));
              CrmServices.merges(store).merge(subject.customerId(), duplicate.customerId(),
                  Survivorship.standard(), stamp(T0.plus(Duration.ofDays(3)))).get();
            }
            assertThat(everyDocument(store).mkString()).contains(subject.name());
            store.subscribe(entry -> {
              throw new IllegalStateException("keeps the erasure's events pending");
            });

            Customer erased = ErasureParticipants.everywhere(store).erase(subject.customerId(),
                AttributeSchema.EMPTY, stamp(T0.plus(Duration.ofDays(40)))).get();

            assertThat(erased.isErased()).isTrue();
            String everything = everyDocument(store).mkString("\n");
            List<OutboxEntry> pending = store.pendingEvents().toList();
            assertThat(pending).isNotEmpty();
            String events = pending.map(e -> CODEC.encode(e.event())).mkString("\n");
            for (String value : subject.values()) {
              assertThat(everything).as("stored documents").doesNotContain(value);
              assertThat(events).as("the erasure's events").doesNotContain(value);
            }
            for (String value : bystander.values()) {
              assertThat(everything).as("another customer's values").contains(value);
            }
          }
        });
  }
}
