package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.PrivacyRecords.T0;
import static io.rapport.crm.testkit.storage.PrivacyRecords.customer;
import static io.rapport.crm.testkit.storage.PrivacyRecords.stamp;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.LeadId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.loyalty.LoyaltyAccount;
import io.rapport.crm.loyalty.LoyaltyProgram;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.audit.AuditedCrmStore;
import io.rapport.crm.persistence.customer.CustomerErasure;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.loyalty.LoyaltyAccountRepository;
import io.rapport.crm.persistence.loyalty.LoyaltyProgramRepository;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.persistence.sales.OpportunityRepository;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.rapport.crm.testkit.storage.PrivacyRecords.Person;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The steps of the {@link ErasureContract}: filling a store, erasing, scanning. */
final class Erasures {

  private Erasures() {}

  /** Returns every stored document of every type, as the codec writes it. */
  static String documents(CrmStore store, JsonCodec codec) {
    return ErasureContract.TYPES.flatMap(type -> documentsOf(store, type, codec)).mkString("\n");
  }

  private static <I extends TypedId, A extends Aggregate<I>> List<String> documentsOf(
      CrmStore store, AggregateType<I, A> type, JsonCodec codec) {
    try (Stream<String> docs = store.streamAll(type)
        .map(v -> codec.encodeDocument(v.value()))) {
      return List.ofAll(docs.collect(Collectors.toList()));
    }
  }

  static String joinedLower(Seq<String> texts) {
    return texts.mkString("\n").toLowerCase(Locale.ROOT);
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  static String[] lowerAll(List<String> values) {
    return values.map(v -> v.toLowerCase(Locale.ROOT)).toJavaArray(String[]::new);
  }

  /** Saves an aggregate with the events of its transition, in one transaction. */
  static <I extends TypedId, A extends Aggregate<I>> void record(CrmStore store,
      AggregateType<I, A> type, Transition<? extends A> transition) {
    store.inTransaction(tx -> {
      tx.repository(type).save(transition.state(), Version.NEW).get();
      tx.publish(transition.events());
      return Either.right(true);
    }).get();
  }

  /** Stores a person's records in every context. */
  static void fill(CrmStore store, Person p, int interactions, int tickets, int extras) {
    String tag = p.id().substring(2);
    Instant at = T0.plus(Duration.ofDays(1));
    CustomerRepository.in(store).save(customer(p), Version.NEW);
    ActivityRepository activities = ActivityRepository.in(store);
    activities.save(PrivacyRecords.activity("A-" + tag, p, RecordRef.to(p.customerId()), at),
        Version.NEW);
    for (int i = 0; i < interactions; i++) {
      Transition<Interaction> call = PrivacyRecords.recordedCall("I-" + tag + "-" + i, p,
          at.plus(Duration.ofHours(i)));
      record(store, InteractionRepository.TYPE, call);
    }
    for (int i = 0; i < tickets; i++) {
      String ticket = "T-" + tag + "-" + i;
      TicketRepository.in(store).save(PrivacyRecords.ticket(ticket, p, at), Version.NEW);
      PurchaseRepository.in(store).save(PrivacyRecords.purchase("P-" + tag + "-" + i, p, at),
          Version.NEW);
      activities.save(PrivacyRecords.activity("A-" + tag + "-" + i, p,
          RecordRef.to(TicketId.parse(ticket)), at), Version.NEW);
    }
    if ((extras & 1) != 0) {
      LeadRepository.in(store).save(PrivacyRecords.leadHolding("L-" + tag + "-held", p, T0),
          Version.NEW);
      activities.save(PrivacyRecords.activity("A-" + tag + "-held", p,
          RecordRef.to(LeadId.parse("L-" + tag + "-held")), at), Version.NEW);
    }
    if ((extras & 2) != 0) {
      LeadRepository.in(store).save(PrivacyRecords.leadConverted("L-" + tag + "-conv", p, T0),
          Version.NEW);
    }
    LoyaltyProgram program = LoyaltyRecords.program("LP-" + tag, "Club " + tag, T0);
    LoyaltyProgramRepository.in(store).save(program, Version.NEW);
    Transition<LoyaltyAccount> account = PrivacyRecords.adjustedAccount("LA-" + tag, program,
        p, at);
    record(store, LoyaltyAccountRepository.TYPE, account);
    OpportunityRepository.in(store).save(PrivacyRecords.opportunity("O-" + tag, p, at),
        Version.NEW);
  }

  /**
   * Stores a person's records through their commands, each with its events: the customer moved
   * on with a reason, calls, an activity about the customer (scheduled, noted, handed off,
   * cancelled) and a manually adjusted loyalty account. Every personal value of the person is
   * in some event.
   */
  static void fillWithEvents(CrmStore store, Person p, int calls) {
    String tag = p.id().substring(2);
    Instant at = T0.plus(Duration.ofDays(1));
    record(store, CustomerRepository.TYPE, PrivacyRecords.movedCustomer(p));
    for (int i = 0; i < calls; i++) {
      record(store, InteractionRepository.TYPE, PrivacyRecords.recordedCall("I-" + tag + "-" + i,
          p, at.plus(Duration.ofHours(i))));
    }
    record(store, ActivityRepository.TYPE, PrivacyRecords.activityHistory("A-" + tag, p,
        RecordRef.to(p.customerId()), at));
    LoyaltyProgram program = LoyaltyRecords.program("LP-" + tag, "Club " + tag, T0);
    LoyaltyProgramRepository.in(store).save(program, Version.NEW);
    record(store, LoyaltyAccountRepository.TYPE,
        PrivacyRecords.adjustedAccount("LA-" + tag, program, p, at));
  }

  /** Returns the events of outbox entries as the codec writes them, one a line. */
  static String encoded(Seq<OutboxEntry> entries, JsonCodec codec) {
    return entries.map(e -> codec.encode(e.event())).mkString("\n");
  }

  /**
   * Writes a person's records through an audited store over a store, erases the person with
   * the given erasure, and returns every document (audit entries included) afterwards.
   */
  static String auditedAfterErasure(CrmStore store, JsonCodec codec, Person p,
      Function<AuditedCrmStore, CustomerErasure> erasure) {
    AuditedCrmStore audited = AuditedCrmStore.over(store, codec, PrivacyRecords.HOST,
        Clock.fixed(T0, ZoneOffset.UTC));
    CustomerRepository.in(audited).save(customer(p), Version.NEW).get();
    InteractionRepository.in(audited).save(
        PrivacyRecords.call("I-1", p, T0.plusSeconds(60)), Version.NEW).get();
    TicketRepository.in(audited).save(
        PrivacyRecords.ticket("T-1", p, T0.plusSeconds(120)), Version.NEW).get();
    OpportunityRepository.in(audited).save(
        PrivacyRecords.opportunity("O-1", p, T0.plusSeconds(180)), Version.NEW).get();
    PurchaseRepository.in(audited).save(
        PrivacyRecords.purchase("P-1", p, T0.plusSeconds(240)), Version.NEW).get();
    LeadRepository.in(audited).save(PrivacyRecords.leadHolding("L-1", p, T0), Version.NEW)
        .get();
    LeadRepository.in(audited).save(PrivacyRecords.leadConverted("L-2", p, T0), Version.NEW)
        .get();
    LoyaltyProgram program = LoyaltyRecords.program("LP-1", "Club", T0);
    LoyaltyProgramRepository.in(audited).save(program, Version.NEW).get();
    LoyaltyAccountRepository.in(audited).save(
        PrivacyRecords.adjustedAccount("LA-1", program, p, T0.plusSeconds(300)).state(),
        Version.NEW).get();
    ActivityRepository.in(audited).save(PrivacyRecords.activity("A-1", p,
        RecordRef.to(LeadId.parse("L-1")), T0.plusSeconds(360)), Version.NEW).get();
    ActivityRepository.in(audited).save(PrivacyRecords.activity("A-2", p,
        RecordRef.to(p.customerId()), T0.plusSeconds(420)), Version.NEW).get();

    erasure.apply(audited).erase(p.customerId(), AttributeSchema.EMPTY,
        stamp(T0.plus(Duration.ofDays(30)))).get();

    return documents(store, codec);
  }
}
