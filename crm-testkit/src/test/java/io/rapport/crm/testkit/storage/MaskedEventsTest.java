package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.access.AccessPolicy;
import io.rapport.crm.access.Actor;
import io.rapport.crm.access.ConfigurablePolicy;
import io.rapport.crm.access.FieldMasker;
import io.rapport.crm.access.FieldMaskers;
import io.rapport.crm.access.Permission;
import io.rapport.crm.access.StandardAccessFacts;
import io.rapport.crm.customer.AcquisitionSource;
import io.rapport.crm.customer.AttributeDefinition;
import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.AttributeValue;
import io.rapport.crm.customer.ConsentChannel;
import io.rapport.crm.customer.ConsentPurpose;
import io.rapport.crm.customer.ConsentRecord;
import io.rapport.crm.customer.ContactKind;
import io.rapport.crm.customer.ContactPoint;
import io.rapport.crm.customer.ContactValue;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerName;
import io.rapport.crm.customer.EmailAddress;
import io.rapport.crm.customer.LifecyclePolicy;
import io.rapport.crm.customer.LifecycleStage;
import io.rapport.crm.customer.MaskedContact;
import io.rapport.crm.customer.PhoneNumber;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.DomainEvent;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.StampedEvent;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.TypedId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.OutboxEntry;
import io.rapport.crm.persistence.UpdateFailure;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.access.AccessDeniedException;
import io.rapport.crm.persistence.access.MaskedValueException;
import io.rapport.crm.persistence.access.MaskedValueRefused;
import io.rapport.crm.persistence.access.SecuredCrmStore;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.sales.LeadRepository;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.Qualification;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Commands run through a secured view on the masked state, and what they publish: every command
 * of a customer and a lead (the types with masked contact values), run by an agent of the
 * record's team who sees every contact value masked, on the in-memory store, with every published
 * event and the stored record encoded by the JSON codec as the JDBC store would; then a host's own
 * event that copies a contact value, which the view restores through the masker or refuses.
 */
class MaskedEventsTest {

  private static final PrivacyRecords.Person LI = PrivacyRecords.Person.of("C-0001", 4711);
  private static final EmployeeId OWNER = EmployeeId.parse("E-1");
  private static final TeamId TEAM = TeamId.parse("T-1");
  private static final Actor AGENT =
      Actor.employee(EmployeeId.parse("E-2"), HashSet.of(TEAM), HashSet.of("agent"));
  private static final JsonCodec CODEC = JsonCodec.standard();
  private static final String SECOND_PHONE = "+8613900001234";

  private static EventStamp stamp() {
    return PrivacyRecords.stamp(PrivacyRecords.T0.plusSeconds(3_600));
  }

  private static Customer owned() {
    Customer c = PrivacyRecords.customer(LI);
    return new Customer(c.id(), c.kind(), c.name(), c.parent(), c.organizationName(), c.taxId(),
        c.contactPoints().append(ContactPoint.of(PhoneNumber.ofE164(SECOND_PHONE))),
        c.lifecycle(), Option.some(OWNER), Option.some(TEAM), c.tags(),
        c.attributes(), c.source(), c.consent(), c.createdAt(), c.updatedAt(), c.erasedAt(),
        c.mergedInto());
  }

  private static Lead ownedLead() {
    Lead l = PrivacyRecords.leadHolding("L-1", LI, PrivacyRecords.T0);
    return new Lead(l.id(), l.status(), l.name(), l.organizationName(), l.contactPoints().append(
        ContactPoint.of(PhoneNumber.ofE164(LI.phone()))), l.source(), l.qualification(),
        l.interests(), l.estimatedValue(), l.attributes(), l.score(), Option.some(OWNER),
        Option.some(TEAM), l.disqualification(), l.conversion(), l.createdAt(), l.createdBy(),
        l.updatedAt());
  }

  private static ContactValue firstValue(Seq<ContactPoint> points, ContactKind kind) {
    return points.find(point -> point.kind() == kind).get().value();
  }

  private static ContactValue lastValue(Seq<ContactPoint> points, ContactKind kind) {
    return points.findLast(point -> point.kind() == kind).get().value();
  }

  /** Every command of a customer, as the agent would call it with the values they see. */
  private static List<Tuple2<String, Function<Customer, Either<? extends Rejection,
      Transition<Customer>>>>> customerCommands() {
    return List.of(
        Tuple.of("rename", c -> c.rename(CustomerName.of("Ilsa Renamed"), stamp())),
        Tuple.of("changeOrganization", c -> c.changeOrganization(Option.some("Rosewood Ltd"),
            c.taxId(), Option.none(), stamp())),
        Tuple.of("changeSource", c -> c.changeSource(Option.some(new AcquisitionSource(
            "store-visit", Option.none(), Option.none(), Option.none())), stamp())),
        Tuple.of("changeAttributes", c -> c.changeAttributes(
            HashMap.of("wood", new AttributeValue.Text("zitan")),
            AttributeSchema.of(AttributeDefinition.text("wood")), stamp())),
        Tuple.of("addContactPoint", c -> c.addContactPoint(
            ContactPoint.of(EmailAddress.parse("second.mail@example.org")), stamp())),
        Tuple.of("removeContactPoint", c -> c.removeContactPoint(
            firstValue(c.contactPoints(), ContactKind.PHONE), stamp())),
        Tuple.of("verifyContactPoint", c -> c.verifyContactPoint(
            firstValue(c.contactPoints(), ContactKind.PHONE), stamp())),
        Tuple.of("makePrimary", c -> c.makePrimary(
            lastValue(c.contactPoints(), ContactKind.PHONE), stamp())),
        Tuple.of("moveTo", c -> c.moveTo(LifecycleStage.PROSPECT, "called back",
            LifecyclePolicy.standard(), stamp())),
        Tuple.of("assign", c -> c.assign(AGENT.employee(), Option.some(TEAM), stamp())),
        Tuple.of("tag", c -> c.tag(List.of("vip"), List.empty(), stamp())),
        Tuple.of("recordConsent", c -> c.recordConsent(ConsentRecord.of(ConsentPurpose.MARKETING,
            ConsentChannel.EMAIL, ConsentRecord.Status.GRANTED, PrivacyRecords.T0, "store",
            "signed form"), stamp())),
        Tuple.of("erase", c -> Either.right(c.erase(AttributeSchema.EMPTY, stamp()))));
  }

  /** Every command of a lead, as the agent would call it with the values they see. */
  private static List<Tuple2<String, Function<Lead, Either<? extends Rejection,
      Transition<Lead>>>>> leadCommands() {
    return List.of(
        Tuple.of("startWorking", l -> l.startWorking(stamp())),
        Tuple.of("qualify", l -> l.qualify(stamp())),
        Tuple.of("updateQualification", l -> l.updateQualification(
            Qualification.UNKNOWN.withNeed(Option.of("two chairs")), stamp())),
        Tuple.of("addContactPoint", l -> l.addContactPoint(
            ContactPoint.of(EmailAddress.parse("second.mail@example.org")), stamp())),
        Tuple.of("setAttribute", l -> l.setAttribute("wood", "zitan", stamp())),
        Tuple.of("removeAttribute", l -> l.removeAttribute("note", stamp())),
        Tuple.of("assign", l -> l.assign(AGENT.employee(), Option.some(TEAM), stamp())),
        Tuple.of("rescore", l -> l.rescore(70, stamp())),
        Tuple.of("disqualify", l -> l.disqualify("no-budget", Option.none(), stamp())),
        Tuple.of("convert", l -> l.convert(LI.customerId(), false,
            Option.some(OpportunityId.parse("O-1")), stamp())));
  }

  /** Asserts that nothing in an encoded document is masked. */
  private static void assertUnmasked(Object value, String what) {
    assertThatCode(() -> CODEC.encodeDocument(value)).as("encoding %s", what)
        .doesNotThrowAnyException();
    assertThat(CODEC.encodeDocument(value)).as("%s as stored", what).doesNotContain("***");
  }

  /**
   * Runs each command through the agent's view on a fresh store holding the record, and answers
   * for each the fields of the refusal, empty when it was accepted. An accepted command published
   * events and stored a state that all encode with no masked value; a refused one is an
   * {@code access.masked_value} refusal that changed and published nothing and names no real
   * value.
   */
  private static <I extends TypedId, A extends Aggregate<I>> Map<String, Seq<String>> runEach(
      A record, AggregateType<I, A> type, AccessPolicy policy,
      List<Tuple2<String, Function<A, Either<? extends Rejection, Transition<A>>>>> commands) {
    Map<String, Seq<String>> refused = LinkedHashMap.empty();
    for (Tuple2<String, Function<A, Either<? extends Rejection, Transition<A>>>> command
        : commands) {
      try (CrmStore store = InMemoryCrmStore.create()) {
        Version version = store.repository(type).save(record, Version.NEW).get();
        Seq<OutboxEntry> before = store.pendingEvents();
        CrmStore view = SecuredCrmStore.standard(store, policy).as(AGENT);

        Either<UpdateFailure, Versioned<A>> outcome =
            view.repository(type).update(record.id(), command._2);

        if (outcome.isLeft()) {
          assertThat(outcome.getLeft().rejection().map(Rejection::code))
              .as("%s: %s", command._1, outcome).contains("access.masked_value");
          MaskedValueRefused refusal = (MaskedValueRefused) outcome.getLeft().rejection().get();
          assertThat(refusal.problem()).isEqualTo(MaskedValueRefused.Problem.CHANGED);
          assertThat(refusal.message() + refusal)
              .doesNotContain(LI.phone(), LI.phone().substring(3), LI.email(), LI.taxId(),
                  LI.street(), SECOND_PHONE);
          assertThat(store.pendingEvents()).as("%s publishes", command._1).isEqualTo(before);
          assertThat(store.repository(type).find(record.id()).get())
              .isEqualTo(new Versioned<>(record, version));
          refused = refused.put(command._1, refusal.fields());
        } else {
          Seq<DomainEvent> published =
              store.pendingEvents().drop(before.size()).map(OutboxEntry::event);
          assertThat(published).as("%s publishes", command._1).isNotEmpty();
          for (DomainEvent event : published) {
            assertUnmasked(event, command._1 + " event " + event);
          }
          assertUnmasked(store.repository(type).find(record.id()).get().value(),
              command._1 + " state");
          assertThat(outcome.get().value().toString()).as("%s answers", command._1)
              .doesNotContain(LI.phone(), LI.email(), SECOND_PHONE);
          refused = refused.put(command._1, List.empty());
        }
      }
    }
    return refused;
  }

  @Test
  void customerCommandsThroughAMaskedViewPublishOnlyRealValuesOrAreRefused() {
    Map<String, Seq<String>> outcomes =
        runEach(owned(), CustomerRepository.TYPE, ConfigurablePolicy.standard(),
        customerCommands());

    assertThat(outcomes.filterValues(Seq::nonEmpty)).as("refused commands").isEqualTo(
        LinkedHashMap.of("addContactPoint", List.of("email"), "removeContactPoint",
            List.of("phone"), "verifyContactPoint", List.of("phone"), "makePrimary",
            List.of("phone"), "erase",
            List.of("email", "phone", "postal_address", "tax_id")));
    assertThat(outcomes.keySet()).hasSize(customerCommands().size());
  }

  @Test
  void leadCommandsThroughAMaskedViewPublishOnlyRealValuesOrAreRefused() {
    ConfigurablePolicy.Builder masking = ConfigurablePolicy.builder()
        .grant("agent", "lead", Permission.WRITE, ConfigurablePolicy.Scope.TEAM);
    for (String field : List.of("phone", "email", "postal_address", "messaging")) {
      masking.field("lead", field, "manager");
    }
    Map<String, Seq<String>> outcomes = runEach(ownedLead(), LeadRepository.TYPE,
        masking.buildOrThrow(), leadCommands());

    assertThat(outcomes.filterValues(Seq::nonEmpty)).as("refused commands")
        .isEqualTo(LinkedHashMap.of("addContactPoint", List.of("email")));
    assertThat(outcomes.keySet()).hasSize(leadCommands().size());
  }

  /** A host's own event that carries a contact value: what a masked view must never publish. */
  record ContactShared(EventStamp stamp, CustomerId customerId, ContactValue value)
      implements StampedEvent {
    @Override
    public CustomerId aggregateId() {
      return customerId;
    }
  }

  private static Either<? extends Rejection, Transition<Customer>> share(Customer seen) {
    return Either.right(Transition.of(seen, new ContactShared(stamp(), seen.id(),
        firstValue(seen.contactPoints(), ContactKind.PHONE))));
  }

  @Test
  void aHostEventCarryingAMaskedContactIsRefusedAndNothingIsWrittenOrPublished() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      Customer stored = owned();
      Version version = CustomerRepository.in(store).save(stored, Version.NEW).get();
      Seq<OutboxEntry> before = store.pendingEvents();
      CrmStore view = SecuredCrmStore.standard(store, ConfigurablePolicy.standard()).as(AGENT);

      Either<UpdateFailure, Versioned<Customer>> outcome =
          CustomerRepository.in(view).update(stored.id(), MaskedEventsTest::share);

      assertThat(outcome.isLeft()).as("%s", outcome).isTrue();
      assertThat(outcome.getLeft().reason()).isEqualTo(UpdateFailure.Reason.REJECTED);
      Rejection refusal = outcome.getLeft().rejection().get();
      assertThat(refusal.code()).isEqualTo("access.masked_value");
      assertThat(((MaskedValueRefused) refusal).fields()).containsExactly("phone");
      assertThat(((MaskedValueRefused) refusal).where()).isEqualTo("event ContactShared");
      assertThat(refusal.message() + outcome.getLeft())
          .doesNotContain(LI.phone(), LI.phone().substring(3), LI.email(), LI.taxId());
      assertThat(store.pendingEvents()).isEqualTo(before);
      assertThat(CustomerRepository.in(store).find(stored.id()).get().version())
          .isEqualTo(version);
    }
  }

  /** The standard customer masker, plus the restoring of the host's ContactShared events. */
  private static final FieldMasker<Customer> HOST_MASKER = new FieldMasker<>() {
    @Override
    public Set<String> fields() {
      return FieldMaskers.CUSTOMER.fields();
    }

    @Override
    public Customer mask(Customer value, Set<String> masked) {
      return FieldMaskers.CUSTOMER.mask(value, masked);
    }

    @Override
    public Customer restore(Customer changed, Customer stored, Set<String> masked) {
      return FieldMaskers.CUSTOMER.restore(changed, stored, masked);
    }

    @Override
    public DomainEvent restoreEvent(DomainEvent event, Customer stored, Set<String> masked) {
      if (event instanceof ContactShared) {
        ContactShared shared = (ContactShared) event;
        return FieldMaskers.unmasked(shared.value(), stored.contactPoints())
            .<DomainEvent>map(real -> new ContactShared(shared.stamp(), shared.customerId(), real))
            .getOrElse(event);
      }
      return event;
    }
  };

  @Test
  void aMaskerThatRestoresTheHostEventPublishesTheStoredValue() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      Customer stored = owned();
      CustomerRepository.in(store).save(stored, Version.NEW).get();
      int before = store.pendingEvents().size();
      Map<String, FieldMasker<?>> maskers = HashMap.of("customer", HOST_MASKER);
      Map<String, io.rapport.crm.access.AccessFacts<?>> facts = HashMap.of("customer",
          StandardAccessFacts.factsOf("customer").get());
      CrmStore view = SecuredCrmStore.of(store, ConfigurablePolicy.standard(), facts, maskers)
          .as(AGENT);

      Either<UpdateFailure, Versioned<Customer>> outcome =
          CustomerRepository.in(view).update(stored.id(), MaskedEventsTest::share);

      assertThat(outcome.isRight()).as("%s", outcome).isTrue();
      Seq<DomainEvent> published = store.pendingEvents().drop(before).map(OutboxEntry::event);
      assertThat(published).hasSize(1);
      assertThat(((ContactShared) published.head()).value())
          .isEqualTo(PhoneNumber.ofE164(LI.phone()));
      JsonCodec codec = JsonCodec.standard().register("contact_shared", ContactShared.class);
      assertThat(codec.encodeDocument(published.head())).contains(LI.phone());
    }
  }

  @Test
  void aSaveThatStillHoldsAMaskedValueIsRefusedWithATypedErrorAndNothingIsStored() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      Customer real = owned();
      MaskedContact hint = MaskedContact.of(firstValue(real.contactPoints(), ContactKind.PHONE));
      Customer copied = new Customer(real.id(), real.kind(), real.name(), real.parent(),
          real.organizationName(), real.taxId(), real.contactPoints().filter(
              point -> point.kind() != ContactKind.PHONE).append(ContactPoint.of(hint)),
          real.lifecycle(), real.owner(), real.team(), real.tags(), real.attributes(),
          real.source(), real.consent(), real.createdAt(), real.updatedAt(), real.erasedAt(),
          real.mergedInto());
      CrmStore view = SecuredCrmStore.standard(store, ConfigurablePolicy.standard()).as(AGENT);

      assertThatThrownBy(() -> CustomerRepository.in(view).save(copied, Version.NEW))
          .isInstanceOf(MaskedValueException.class)
          .isInstanceOf(AccessDeniedException.class)
          .satisfies(thrown -> {
            assertThat(((MaskedValueException) thrown).code()).isEqualTo("access.masked_value");
            assertThat(((MaskedValueException) thrown).refusal().fields())
                .containsExactly("phone");
            assertThat(thrown.getMessage()).doesNotContain(LI.phone(), LI.email());
          });
      assertThat(CustomerRepository.in(store).find(real.id())).isEmpty();
    }
  }

  @Test
  void aMaskedCopySavedBackAfterAChangeMeetsAConflictNotTheStore() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      Customer real = owned();
      Version first = CustomerRepository.in(store).save(real, Version.NEW).get();
      CrmStore view = SecuredCrmStore.standard(store, ConfigurablePolicy.standard()).as(AGENT);
      Versioned<Customer> read = CustomerRepository.in(view).find(real.id()).get();
      Version second = CustomerRepository.in(store).save(real.tag(List.of("moved"), List.empty(),
          stamp()).get().state(), first).get();

      assertThat(CustomerRepository.in(view).save(read.value(), read.version()).getLeft().actual())
          .isEqualTo(second);
      assertThat(CustomerRepository.in(view).save(read.value(), second).isRight()).isTrue();
      assertUnmasked(CustomerRepository.in(store).find(real.id()).get().value(), "saved back");
    }
  }
}
