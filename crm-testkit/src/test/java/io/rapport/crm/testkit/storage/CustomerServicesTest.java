package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.CustomerRepositoryContract.register;
import static io.rapport.crm.testkit.storage.CustomerRepositoryContract.stamp;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.AttributeSchema;
import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.CustomerDraft;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.MergeJournal;
import io.rapport.crm.customer.Survivorship;
import io.rapport.crm.customer.TimelineCursor;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.customer.TimelinePage;
import io.rapport.crm.customer.TimelineSource;
import io.rapport.crm.kernel.ActivityId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.customer.CustomerMerges;
import io.rapport.crm.persistence.customer.CustomerRepository;
import io.rapport.crm.persistence.customer.CustomerTimeline;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.rapport.crm.persistence.customer.MergeJournalRepository;
import io.rapport.crm.persistence.memory.InMemoryCrmStore;
import io.rapport.crm.persistence.work.ActivityRepository;
import io.rapport.crm.work.Activity;
import io.rapport.crm.work.ActivityDraft;
import io.rapport.crm.work.ActivityType;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The customer services over a store: the timeline, overdue work, merge and its undo. */
class CustomerServicesTest {

  static Interaction call(String id, String customer, Instant at) {
    return Interaction.record(InteractionId.parse(id), CustomerId.parse(customer),
        Channel.Call.validated(Channel.Direction.INBOUND, Duration.ofMinutes(4),
            Channel.CallOutcome.ANSWERED, Option.none(), Option.none()),
        at, Option.of(EmployeeId.parse("E-1")), "asked about a 紫檀 table", HashSet.empty(),
        EventStamp.of(stamp(400).eventId(), at.plusSeconds(60), stamp(400).by())).get().state();
  }

  static Activity followUp(String id, String customer, Instant due) {
    return Activity.schedule(ActivityId.parse(id), ActivityDraft.of(ActivityType.FOLLOW_UP,
        "Call back about delivery", EmployeeId.parse("E-1")).withDue(due)
        .withRelated(RecordRef.to(CustomerId.parse(customer))), stamp(0)).get().state();
  }

  @Test
  void theTimelinePagesThroughInteractionsAndOtherSourcesNewestFirst() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      InteractionRepository interactions = InteractionRepository.in(store);
      Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
      for (int n = 0; n < 120; n++) {
        interactions.save(call(String.format("I-%04d", n), n % 3 == 0 ? "C-2" : "C-1",
            t0.plusSeconds(3600L * (n / 2))), Version.NEW);
      }
      TimelineSource opportunities = TimelineSource.of(List.range(0, 10).map(n -> new TimelineEntry(
          t0.plusSeconds(3600L * n * 5), RecordRef.to(OpportunityId.parse("O-" + n)),
          "opportunity.won", "Won", Option.none())));
      CustomerTimeline timeline = CustomerTimeline.of(store)
          .with(customer -> customer.value().equals("C-1") ? opportunities
              : TimelineSource.of(List.empty()));

      List<TimelineEntry> seen = List.empty();
      Option<TimelineCursor> after = Option.none();
      do {
        TimelinePage page = timeline.page(CustomerId.parse("C-1"), after, 7);
        assertThat(page.entries().size()).isLessThanOrEqualTo(7);
        seen = seen.appendAll(page.entries());
        after = page.next();
      } while (after.isDefined());

      assertThat(seen).hasSize(80 + 10);
      assertThat(seen.toJavaList()).isSortedAccordingTo(TimelineEntry.ORDER).doesNotHaveDuplicates();
      assertThat(seen.filter(e -> e.kind().equals("opportunity.won"))).hasSize(10);
    }
  }

  @Test
  void findsOpenWorkAndOverdueActivities() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      ActivityRepository activities = ActivityRepository.in(store);
      Instant t0 = Instant.parse("2026-02-02T09:00:00Z");
      for (int n = 0; n < 10; n++) {
        activities.save(followUp("A-" + n, "C-1", t0.plus(Duration.ofDays(n))), Version.NEW);
      }
      activities.update(ActivityId.parse("A-1"), a -> a.complete(stamp(40)));
      List<String> overdue = activities.dueBefore(t0.plus(Duration.ofDays(4)), Option.none(), 100)
          .items().map(v -> v.value().id().value()).toList();
      assertThat(overdue).containsExactly("A-0", "A-2", "A-3");
      assertThat(activities.openFor(EmployeeId.parse("E-1"), Option.none(), 100).items()).hasSize(9);
      assertThat(activities.relatedTo(RecordRef.to(CustomerId.parse("C-1")), Option.none(), 100)
          .items()).hasSize(10);
    }
  }

  @Test
  void aMergeMovesRelatedRecordsAndItsUndoRestoresEverythingExactly() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      CustomerRepository customers = CustomerRepository.in(store);
      Customer survivor = register("C-1", CustomerDraft.person("王小明").email("xm@example.com", true));
      Customer duplicate = register("C-2", CustomerDraft.person("王小明")
          .phone("13800138000", false).tags("collector"));
      customers.save(survivor, Version.NEW);
      customers.save(duplicate, Version.NEW);
      InteractionRepository interactions = InteractionRepository.in(store);
      Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
      interactions.save(call("I-1", "C-2", t0), Version.NEW);
      interactions.save(call("I-2", "C-1", t0.plusSeconds(60)), Version.NEW);
      ActivityRepository.in(store).save(followUp("A-1", "C-2", t0.plus(Duration.ofDays(3))),
          Version.NEW);
      Versioned<Interaction> before = interactions.find(InteractionId.parse("I-1")).get();

      CustomerMerges merges = CustomerMerges.of(store);
      MergeJournal journal = merges.merge(survivor.id(), duplicate.id(), Survivorship.standard(),
          stamp(500)).get();

      assertThat(journal.repointed()).containsExactlyInAnyOrder(
          RecordRef.to(InteractionId.parse("I-1")), RecordRef.to(ActivityId.parse("A-1")));
      assertThat(interactions.ofCustomer(survivor.id(), Option.none(), 10).items()).hasSize(2);
      assertThat(ActivityRepository.in(store).find(ActivityId.parse("A-1")).get().value().related())
          .isEqualTo(Option.of(RecordRef.to(survivor.id())));
      Customer merged = customers.find(survivor.id()).get().value();
      assertThat(merged.tags()).contains("collector");
      assertThat(customers.find(duplicate.id()).get().value().mergedInto())
          .isEqualTo(Option.of(survivor.id()));
      assertThat(MergeJournalRepository.in(store).of(duplicate.id())).hasSize(1);
      assertThat(store.pendingEvents().map(e -> e.event().getClass().getSimpleName()))
          .containsExactly("Absorbed", "MergedInto", "InteractionReassigned", "ActivityRelinked");

      Either<Rejection, MergeJournal> undone = merges.undo(journal.id(), stamp(501));
      assertThat(undone.get().isUndone()).isTrue();
      assertThat(customers.find(survivor.id()).get().value()).isEqualTo(survivor);
      assertThat(customers.find(duplicate.id()).get().value()).isEqualTo(duplicate);
      assertThat(interactions.find(InteractionId.parse("I-1")).get().value().customer())
          .isEqualTo(before.value().customer());
      assertThat(ActivityRepository.in(store).find(ActivityId.parse("A-1")).get().value().related())
          .isEqualTo(Option.of(RecordRef.to(duplicate.id())));
      assertThat(merges.undo(journal.id(), stamp(502)).getLeft().code())
          .isEqualTo("customer.undo_mismatch");
    }
  }

  @Test
  void aRefusedMergeChangesNothing() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      CustomerRepository customers = CustomerRepository.in(store);
      Customer one = register("C-1", CustomerDraft.person("Ana").email("ana@example.com", false));
      Customer erased = register("C-2", CustomerDraft.person("Ana B")).erase(AttributeSchema.EMPTY,
          stamp(3)).state();
      customers.save(one, Version.NEW);
      customers.save(erased, Version.NEW);
      InteractionRepository.in(store).save(call("I-1", "C-2", Instant.parse("2026-02-01T00:00:00Z")),
          Version.NEW);
      CustomerMerges merges = CustomerMerges.of(store);

      assertThat(merges.merge(one.id(), erased.id(), Survivorship.standard(), stamp(4)).getLeft()
          .code()).isEqualTo("customer.merge_erased");
      assertThat(merges.merge(one.id(), one.id(), Survivorship.standard(), stamp(5)).getLeft()
          .code()).isEqualTo("customer.merge_self");
      assertThat(merges.merge(one.id(), CustomerId.parse("C-404"), Survivorship.standard(),
          stamp(6)).getLeft().code()).isEqualTo("customer.not_found");
      assertThat(customers.find(one.id()).get().version()).isEqualTo(Version.of(1));
      assertThat(InteractionRepository.in(store).find(InteractionId.parse("I-1")).get().value()
          .customer()).isEqualTo(erased.id());
      assertThat(MergeJournalRepository.in(store).of(one.id())).isEmpty();
    }
  }

  @Test
  void erasureScrubsTheCustomerAndTheirInteractionsAndIsHarmlessTwice() {
    try (CrmStore store = InMemoryCrmStore.create()) {
      CustomerRepository customers = CustomerRepository.in(store);
      Customer customer = register("C-1", CustomerDraft.person("王小明").email("xm@example.com", true)
          .phone("13800138000", false));
      customers.save(customer, Version.NEW);
      InteractionRepository interactions = InteractionRepository.in(store);
      interactions.save(call("I-1", "C-1", Instant.parse("2026-02-01T00:00:00Z")), Version.NEW);
      interactions.save(call("I-2", "C-9", Instant.parse("2026-02-01T00:00:00Z")), Version.NEW);
      io.rapport.crm.persistence.json.JsonCodec codec =
          io.rapport.crm.persistence.json.JsonCodec.standard();

      Either<Rejection, Customer> erased = io.rapport.crm.persistence.customer.CustomerErasure
          .of(store).erase(customer.id(), AttributeSchema.EMPTY, stamp(600));

      assertThat(erased.get().isErased()).isTrue();
      String stored = codec.encode(customers.find(customer.id()).get().value())
          + codec.encode(interactions.find(InteractionId.parse("I-1")).get().value());
      assertThat(stored).doesNotContain("王小明", "xm@example.com", "13800138000", "紫檀");
      assertThat(interactions.find(InteractionId.parse("I-1")).get().value().erased()).isTrue();
      assertThat(interactions.find(InteractionId.parse("I-2")).get().value().summary())
          .contains("紫檀");
      int events = store.pendingEvents().size();
      assertThat(events).isEqualTo(2);

      Either<Rejection, Customer> again = io.rapport.crm.persistence.customer.CustomerErasure
          .of(store).erase(customer.id(), AttributeSchema.EMPTY, stamp(601));
      assertThat(again.get()).isEqualTo(erased.get());
      assertThat(store.pendingEvents()).hasSize(events);
      assertThat(customers.find(customer.id()).get().version()).isEqualTo(Version.of(2));
    }
  }
}
