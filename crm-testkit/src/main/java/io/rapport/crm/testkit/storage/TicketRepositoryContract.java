package io.rapport.crm.testkit.storage;

import static io.rapport.crm.testkit.storage.SalesRecords.idsOfAllPages;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EmployeeId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.SurveyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Version;
import io.rapport.crm.persistence.VersionConflict;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.service.TicketRepository;
import io.rapport.crm.service.Ticket;
import io.rapport.crm.service.TicketSla;
import io.rapport.crm.service.TicketStatus;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The contract of ticket storage every adapter must keep: the generic repository contract for
 * tickets, plus their queries (a customer's tickets, a team's and an agent's open queue, tickets
 * whose SLA falls due before a time, children, follow-ups of a cause, tickets an article solved,
 * every active ticket) returning exactly the matching tickets in the documented order, page by
 * page without loss or repeats, and following every change: resolved, closed, merged or spam
 * tickets leave the open and due queries, pending ones stay open, a handed-over ticket moves
 * between queues, a re-reviewed SLA moves in the due order. A stale save is refused and leaves
 * the indexes on the saved state. An adapter runs it by implementing {@link #newStore()} in a
 * test class named {@code …Contract…}.
 */
public interface TicketRepositoryContract extends RepositoryContract<TicketId, Ticket> {

  /** The creation time of ticket 0; ticket n is created n hours later. */
  Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  /** The first SLA due time; ticket n falls due {@code (7n) % 20} hours later. */
  Instant DUE0 = T0.plus(Duration.ofDays(3));

  @Override
  default Repository<TicketId, Ticket> repositoryOf(CrmStore store) {
    return TicketRepository.in(store);
  }

  /**
   * Returns new ticket {@code T-00000n}: customer {@code C-(n % 5)}, assignee {@code E-(n % 3)},
   * team {@code team-a} when n is even, priority LOW, NORMAL, HIGH or URGENT by {@code n % 4},
   * created {@code n} hours after {@link #T0}; its resolution falls due {@code (7n) % 20} hours
   * after {@link #DUE0} unless n is a multiple of 5 (no clock running); parent {@code T-P(n % 2)}
   * when {@code n % 3 == 1}; caused by survey {@code S-(n % 4)} when n is odd; solved by article
   * {@code A-(n % 3)} when {@code n % 4 == 1}.
   */
  @Override
  default Ticket anAggregate(int n) {
    return ServiceRecords.ticket(String.format("T-%06d", n), "C-" + (n % 5),
        n % 2 == 0 ? Option.of("team-a") : Option.none(), Option.of("E-" + (n % 3)),
        Priority.values()[n % 4], T0.plus(Duration.ofHours(n)),
        n % 5 == 0 ? Option.none() : Option.of(DUE0.plus(Duration.ofHours((7L * n) % 20))),
        n % 3 == 1 ? Option.of("T-P" + (n % 2)) : Option.none(),
        n % 2 == 1 ? Option.of(RecordRef.to(SurveyId.parse("S-" + (n % 4)))) : Option.none(),
        n % 4 == 1 ? List.of(ArticleId.parse("A-" + (n % 3))) : List.empty());
  }

  @Override
  default Ticket changed(Ticket ticket) {
    return ServiceRecords.noted(ticket, ticket.updatedAt().plusSeconds(1));
  }

  /** Saves tickets 1 to n, newest first, and returns them in id order. */
  private List<Ticket> saveUpTo(TicketRepository repository, int n) {
    for (int i = n; i >= 1; i--) {
      repository.save(anAggregate(i), Version.NEW);
    }
    return List.rangeClosed(1, n).map(this::anAggregate);
  }

  /** Saves a changed ticket over the stored one, or fails. */
  private static void resave(TicketRepository repository, Ticket changed) {
    Version read = repository.find(changed.id()).get().version();
    assertThat(repository.save(changed, read).isRight()).as("saved").isTrue();
  }

  private Ticket stored(TicketRepository repository, int n) {
    return repository.find(anAggregate(n).id()).get().value();
  }

  private static Instant later(int hours) {
    return T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(hours));
  }

  /** Orders a work queue: most urgent first, then oldest, then by id. */
  private static Comparator<Ticket> queueOrder() {
    return Comparator.comparing((Ticket t) -> Priority.URGENT.ordinal() - t.priority().ordinal())
        .thenComparing(Ticket::createdAt).thenComparing(t -> t.id().value());
  }

  private static Instant due(Ticket t) {
    return t.sla().flatMap(TicketSla::nextDue).get();
  }

  private static List<String> ids(List<Ticket> tickets) {
    return tickets.map(t -> t.id().value());
  }

  private static List<String> firstPage(Page<Versioned<Ticket>, IndexCursor> page) {
    return page.items().map(v -> v.value().id().value()).toList();
  }

  private static List<String> all(
      Function<Option<IndexCursor>, Page<Versioned<Ticket>, IndexCursor>> query, int limit) {
    return idsOfAllPages(query, limit, (Ticket t) -> t.id().value());
  }

  @Test
  default void listsACustomersTicketsOfEveryStatusNewestFirstPageByPage() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      saveUpTo(tickets, 20);
      resave(tickets, ServiceRecords.moved(stored(tickets, 6), TicketStatus.CLOSED, later(1)));
      assertThat(all(after -> tickets.ofCustomer(CustomerId.parse("C-1"), after, 3), 3))
          .containsExactly("T-000016", "T-000011", "T-000006", "T-000001");
      assertThat(firstPage(tickets.ofCustomer(CustomerId.parse("C-9"), Option.none(), 10)))
          .isEmpty();
    }
  }

  @Test
  default void aTeamsOpenQueueRunsMostUrgentFirstThenOldestPageByPage() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      List<Ticket> saved = saveUpTo(tickets, 24);
      TeamId team = TeamId.parse("team-a");
      List<String> expected = ids(saved.filter(t -> t.team().isDefined()).sorted(queueOrder()));
      assertThat(expected).hasSize(12).startsWith("T-000002", "T-000006");
      assertThat(all(after -> tickets.openOfTeam(team, after, 5), 5))
          .containsExactlyElementsOf(expected);
      resave(tickets, ServiceRecords.moved(stored(tickets, 4), TicketStatus.RESOLVED, later(1)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 8), TicketStatus.PENDING_CUSTOMER,
          later(1)));
      resave(tickets, ServiceRecords.assigned(stored(tickets, 12), Option.of("team-b"),
          Option.none(), later(1)));
      resave(tickets, ServiceRecords.reprioritised(stored(tickets, 2), Priority.URGENT,
          later(1)));
      List<String> now = all(after -> tickets.openOfTeam(team, after, 4), 4);
      assertThat(now).hasSize(10).doesNotContain("T-000004", "T-000012")
          .startsWith("T-000002", "T-000006", "T-000010");
      assertThat(firstPage(tickets.openOfTeam(TeamId.parse("team-b"), Option.none(), 10)))
          .containsExactly("T-000012");
    }
  }

  @Test
  default void anAgentsOpenQueueDropsResolvedClosedMergedAndSpamTickets() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      List<Ticket> saved = saveUpTo(tickets, 18);
      EmployeeId agent = EmployeeId.parse("E-0");
      assertThat(all(after -> tickets.openOfAssignee(agent, after, 2), 2))
          .containsExactlyElementsOf(ids(saved.filter(t -> t.assignee().contains(agent))
              .sorted(queueOrder())));
      resave(tickets, ServiceRecords.moved(stored(tickets, 3), TicketStatus.RESOLVED, later(1)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 6), TicketStatus.CLOSED, later(1)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 9), TicketStatus.MERGED, later(1)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 12), TicketStatus.SPAM, later(1)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 15),
          TicketStatus.PENDING_THIRD_PARTY, later(1)));
      resave(tickets, ServiceRecords.assigned(stored(tickets, 1), Option.none(),
          Option.of("E-0"), later(2)));
      assertThat(firstPage(tickets.openOfAssignee(agent, Option.none(), 100)))
          .containsExactly("T-000015", "T-000018", "T-000001");
      resave(tickets, ServiceRecords.moved(stored(tickets, 3), TicketStatus.OPEN, later(3)));
      assertThat(firstPage(tickets.openOfAssignee(agent, Option.none(), 100)))
          .contains("T-000003").hasSize(4);
    }
  }

  @Test
  default void findsTicketsDueBeforeATimeSoonestDueFirstPageByPage() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      List<Ticket> saved = saveUpTo(tickets, 30);
      Instant until = DUE0.plus(Duration.ofHours(9));
      List<String> expected = ids(saved.filter(t -> t.sla().flatMap(TicketSla::nextDue)
          .exists(d -> d.isBefore(until)))
          .sorted(Comparator.comparing((Ticket t) -> due(t)).thenComparing(t -> t.id().value())));
      assertThat(expected).containsExactly("T-000003", "T-000023", "T-000006", "T-000026",
          "T-000009", "T-000029", "T-000012", "T-000018", "T-000001", "T-000021", "T-000004",
          "T-000024");
      assertThat(all(after -> tickets.slaDueBefore(until, after, 4), 4))
          .containsExactlyElementsOf(expected);
      assertThat(saved.filter(t -> t.sla().flatMap(TicketSla::nextDue).contains(until)))
          .as("due exactly then").hasSize(2);
      assertThat(firstPage(tickets.slaDueBefore(DUE0, Option.none(), 100))).isEmpty();
      assertThat(all(after -> tickets.slaDueBefore(DUE0.plus(Duration.ofDays(30)), after, 7), 7))
          .hasSize(24);
    }
  }

  @Test
  default void aResolvedPausedOrReReviewedTicketMovesInOrOutOfTheDueList() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      saveUpTo(tickets, 30);
      Instant until = DUE0.plus(Duration.ofHours(9));
      List<String> before = firstPage(tickets.slaDueBefore(until, Option.none(), 100));
      assertThat(before).hasSize(12).contains("T-000006", "T-000012", "T-000003", "T-000024")
          .doesNotContain("T-000013");
      resave(tickets, ServiceRecords.moved(stored(tickets, 6), TicketStatus.RESOLVED, later(1)));
      resave(tickets, ServiceRecords.reviewed(ServiceRecords.moved(stored(tickets, 12),
          TicketStatus.PENDING_CUSTOMER, later(1)), Option.none(), later(1)));
      resave(tickets, ServiceRecords.reviewed(stored(tickets, 3),
          Option.of(until.plus(Duration.ofHours(5))), later(1)));
      resave(tickets, ServiceRecords.reviewed(stored(tickets, 13), Option.of(DUE0.minusSeconds(1)),
          later(1)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 24), TicketStatus.SPAM, later(1)));
      List<String> after = firstPage(tickets.slaDueBefore(until, Option.none(), 100));
      assertThat(after).doesNotContain("T-000006", "T-000012", "T-000003", "T-000024")
          .startsWith("T-000013", "T-000023").hasSize(9);
      assertThat(firstPage(tickets.slaDueBefore(until.plus(Duration.ofHours(6)), Option.none(),
          100))).contains("T-000003").doesNotContain("T-000006", "T-000012");
      assertThat(firstPage(tickets.active(Option.none(), 100))).contains("T-000012")
          .doesNotContain("T-000006", "T-000024");
    }
  }

  @Test
  default void listsStillResolvedTicketsByTheirResolutionOldestFirst() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      saveUpTo(tickets, 10);
      resave(tickets, ServiceRecords.moved(stored(tickets, 4), TicketStatus.RESOLVED, later(3)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 2), TicketStatus.RESOLVED, later(1)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 8), TicketStatus.RESOLVED, later(2)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 9), TicketStatus.RESOLVED, later(5)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 8), TicketStatus.OPEN, later(4)));
      resave(tickets, ServiceRecords.moved(stored(tickets, 9), TicketStatus.CLOSED, later(6)));

      assertThat(all(after -> tickets.resolvedBefore(later(10), after, 1), 1))
          .as("reopened and closed tickets drop out").containsExactly("T-000002", "T-000004");
      assertThat(firstPage(tickets.resolvedBefore(later(3), Option.none(), 100)))
          .as("the bound is excluded").containsExactly("T-000002");
    }
  }

  @Test
  default void listsChildrenOldestFirst() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      saveUpTo(tickets, 20);
      resave(tickets, ServiceRecords.moved(stored(tickets, 7), TicketStatus.CLOSED, later(1)));
      assertThat(all(after -> tickets.childrenOf(TicketId.parse("T-P1"), after, 2), 2))
          .containsExactly("T-000001", "T-000007", "T-000013", "T-000019");
      assertThat(all(after -> tickets.childrenOf(TicketId.parse("T-P0"), after, 2), 2))
          .containsExactly("T-000004", "T-000010", "T-000016");
      assertThat(firstPage(tickets.childrenOf(TicketId.parse("T-000001"), Option.none(), 10)))
          .isEmpty();
    }
  }

  @Test
  default void findsTheTicketsACauseLedToOldestFirst() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      saveUpTo(tickets, 16);
      RecordRef survey = RecordRef.to(SurveyId.parse("S-3"));
      assertThat(all(after -> tickets.withCause(survey, after, 3), 3))
          .containsExactly("T-000003", "T-000007", "T-000011", "T-000015");
      assertThat(firstPage(tickets.withCause(RecordRef.to(SurveyId.parse("S-2")), Option.none(),
          10))).isEmpty();
      assertThat(firstPage(tickets.withCause(RecordRef.to(TicketId.parse("S-3")), Option.none(),
          10))).as("another kind with the same value").isEmpty();
    }
  }

  @Test
  default void findsTheTicketsAnArticleSolvedNewestFirst() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      saveUpTo(tickets, 24);
      ArticleId article = ArticleId.parse("A-1");
      assertThat(all(after -> tickets.solvedBy(article, after, 1), 1))
          .containsExactly("T-000013", "T-000001");
      resave(tickets, ServiceRecords.solvedWith(stored(tickets, 2), article, later(1)));
      resave(tickets, ServiceRecords.solvedWith(stored(tickets, 5), article, later(1)));
      assertThat(all(after -> tickets.solvedBy(article, after, 2), 2))
          .containsExactly("T-000013", "T-000005", "T-000002", "T-000001");
      assertThat(firstPage(tickets.solvedBy(ArticleId.parse("A-2"), Option.none(), 10)))
          .containsExactly("T-000017", "T-000005");
    }
  }

  @Test
  default void listsEveryActiveTicketInIdOrderPageByPage() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      List<Ticket> saved = saveUpTo(tickets, 50);
      assertThat(all(after -> tickets.active(after, 7), 7))
          .containsExactlyElementsOf(ids(saved));
      for (int n = 1; n <= 50; n += 5) {
        resave(tickets, ServiceRecords.moved(stored(tickets, n), n % 2 == 0
            ? TicketStatus.RESOLVED : TicketStatus.PENDING_CUSTOMER, later(n)));
      }
      for (int n = 2; n <= 50; n += 10) {
        resave(tickets, ServiceRecords.moved(stored(tickets, n), TicketStatus.CLOSED, later(n)));
      }
      assertThat(tickets.erase(anAggregate(50).id())).isTrue();
      List<String> expected = ids(saved.filter(t -> {
        int n = Integer.parseInt(t.id().value().substring(2));
        return n != 50 && (n % 5 != 1 || n % 2 == 1) && n % 10 != 2;
      }));
      assertThat(expected).hasSize(39);
      assertThat(all(after -> tickets.active(after, 7), 7)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  default void aStaleSaveIsRefusedAndTheIndexesKeepTheSavedState() {
    try (CrmStore store = newStore()) {
      TicketRepository tickets = TicketRepository.in(store);
      Ticket read = anAggregate(2);
      tickets.save(read, Version.NEW);
      assertThat(tickets.save(ServiceRecords.moved(read, TicketStatus.RESOLVED, later(1)),
          Version.of(1))).isEqualTo(Either.right(Version.of(2)));
      Either<VersionConflict, Version> stale = tickets.save(ServiceRecords.assigned(read,
          Option.of("team-b"), Option.of("E-9"), later(2)), Version.of(1));
      assertThat(stale.isLeft()).isTrue();
      assertThat(stale.getLeft().actual()).isEqualTo(Version.of(2));
      assertThat(firstPage(tickets.openOfTeam(TeamId.parse("team-a"), Option.none(), 10)))
          .isEmpty();
      assertThat(firstPage(tickets.openOfTeam(TeamId.parse("team-b"), Option.none(), 10)))
          .isEmpty();
      assertThat(firstPage(tickets.openOfAssignee(EmployeeId.parse("E-9"), Option.none(), 10)))
          .isEmpty();
      assertThat(firstPage(tickets.slaDueBefore(DUE0.plus(Duration.ofDays(30)), Option.none(),
          10))).isEmpty();
      assertThat(firstPage(tickets.active(Option.none(), 10))).isEmpty();
      assertThat(firstPage(tickets.ofCustomer(CustomerId.parse("C-2"), Option.none(), 10)))
          .containsExactly("T-000002");
    }
  }
}
