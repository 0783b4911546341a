package io.rapport.crm.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.customer.Interaction;
import io.rapport.crm.customer.TimelineCursor;
import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.customer.TimelineSource;
import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.EventId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InteractionId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.customer.InteractionRepository;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of interaction storage every adapter must keep: the generic repository contract for
 * interactions, a customer's interactions newest first (ties in id order) with paging, the
 * interactions linked to a record, the timeline source agreeing with a plain sort, and a merge's
 * move to another customer taking the interaction along. An adapter runs it by implementing
 * {@link #newStore()} in a test class named {@code …Contract…}.
 */
public interface InteractionRepositoryContract extends RepositoryContract<InteractionId, Interaction> {

  /** Returns an answered inbound call with a customer at an instant. */
  static Interaction call(String id, String customer, Instant at) {
    return Interaction.record(InteractionId.parse(id), CustomerId.parse(customer),
        Channel.Call.validated(Channel.Direction.INBOUND, Duration.ofMinutes(4),
            Channel.CallOutcome.ANSWERED, Option.none(), Option.none()),
        at, Option.of(EmployeeId.parse("E-1")), "asked about delivery", HashSet.empty(),
        EventStamp.of(EventId.parse("rec-" + id), at.plusSeconds(60), ActorId.parse("tck")))
        .get().state();
  }

  @Override
  default Repository<InteractionId, Interaction> repositoryOf(CrmStore store) {
    return InteractionRepository.in(store);
  }

  @Override
  default Interaction anAggregate(int n) {
    return call(String.format("I-%06d", n), "C-" + (n % 5),
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(600L * n));
  }

  @Override
  default Interaction changed(Interaction interaction) {
    return interaction.link(RecordRef.to(TicketId.parse("T-" + (interaction.links().size() + 1))),
        EventStamp.of(EventId.parse("link-" + interaction.id()), interaction.recordedAt()
            .plusSeconds(60), ActorId.parse("tck"))).get().state();
  }

  @Test
  default void listsACustomersInteractionsNewestFirstPageByPage() {
    try (CrmStore store = newStore()) {
      InteractionRepository interactions = InteractionRepository.in(store);
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      for (int n = 0; n < 60; n++) {
        interactions.save(call(String.format("I-%03d", n), n % 2 == 0 ? "C-1" : "C-2",
            t0.plusSeconds(3600L * (n / 4))), Version.NEW);
      }
      List<Interaction> seen = List.empty();
      Option<io.rapport.crm.persistence.IndexCursor> after = Option.none();
      do {
        var page = interactions.ofCustomer(CustomerId.parse("C-1"), after, 4);
        seen = seen.appendAll(page.items().map(v -> v.value()));
        after = page.next();
      } while (after.isDefined());
      assertThat(seen).hasSize(30);
      assertThat(seen.map(Interaction::timelineEntry).toJavaList())
          .isSortedAccordingTo(TimelineEntry.ORDER);
    }
  }

  @Test
  default void theTimelineSourceAgreesWithASortFromAnyCursor() {
    try (CrmStore store = newStore()) {
      InteractionRepository interactions = InteractionRepository.in(store);
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      for (int n = 0; n < 30; n++) {
        interactions.save(call(String.format("I-%03d", n), "C-1", t0.plusSeconds(60L * (n / 3))),
            Version.NEW);
      }
      TimelineSource source = interactions.timeline(CustomerId.parse("C-1"));
      Seq<TimelineEntry> all = source.after(Option.none(), 100);
      assertThat(all.toJavaList()).hasSize(30).isSortedAccordingTo(TimelineEntry.ORDER);
      TimelineCursor foreign = new TimelineCursor(t0.plusSeconds(60L * 5),
          RecordRef.to(TicketId.parse("T-1")), "ticket.opened");
      for (TimelineCursor cursor : all.map(TimelineEntry::cursor).append(foreign)) {
        assertThat(source.after(Option.of(cursor), 100))
            .containsExactlyElementsOf(all.filter(entry -> entry.isAfter(cursor)));
      }
    }
  }

  @Test
  default void findsInteractionsByLinkAndFollowsAMove() {
    try (CrmStore store = newStore()) {
      InteractionRepository interactions = InteractionRepository.in(store);
      Interaction first = anAggregate(1);
      interactions.save(first, Version.NEW);
      interactions.save(changed(first), Version.of(1));
      interactions.save(anAggregate(2), Version.NEW);
      assertThat(interactions.linkedTo(RecordRef.to(TicketId.parse("T-1")), Option.none(), 10)
          .items().map(v -> v.value().id())).containsExactly(first.id());
      interactions.update(first.id(), i -> i.moveTo(CustomerId.parse("C-9"),
          EventStamp.of(EventId.parse("mv-1"), Instant.parse("2027-01-01T00:00:00Z"),
              ActorId.parse("tck"))));
      assertThat(interactions.ofCustomer(CustomerId.parse("C-9"), Option.none(), 10).items()
          .map(v -> v.value().id())).containsExactly(first.id());
      assertThat(interactions.ofCustomer(CustomerId.parse("C-1"), Option.none(), 10).items())
          .isEmpty();
    }
  }
}
