package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.AGENT_ACTOR;
import static io.rapport.crm.service.TicketFixtures.ARTICLE;
import static io.rapport.crm.service.TicketFixtures.CUSTOMER;
import static io.rapport.crm.service.TicketFixtures.LI;
import static io.rapport.crm.service.TicketFixtures.OTHER_CUSTOMER;
import static io.rapport.crm.service.TicketFixtures.SECOND;
import static io.rapport.crm.service.TicketFixtures.SERVICE;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.WANG;
import static io.rapport.crm.service.TicketFixtures.WORKSHOP;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.aNewTicket;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.rebuilt;
import static io.rapport.crm.service.TicketFixtures.refused;
import static io.rapport.crm.service.TicketFixtures.stampAt;
import static io.rapport.crm.service.TicketFixtures.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.ArticleId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TicketId;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.work.Priority;
import io.vavr.collection.HashSet;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TicketCommandsTest {

  /** A ticket assigned to Li in the service team, tagged, with a parent, a relation, an article. */
  static Ticket aWorkedTicket() {
    Ticket ticket = accepted(aNewTicket().transferToTeam(Option.some(SERVICE), Option.some(LI),
        at(1)));
    ticket = accepted(ticket.retag(HashSet.of("oil"), at(2)));
    ticket = accepted(ticket.setParent(TicketId.parse("T-0"), at(3)));
    ticket = accepted(ticket.relate(SECOND, at(4)));
    return accepted(ticket.linkArticle(ARTICLE, at(5)));
  }

  @Test
  void assigningChangesTheAssigneeKeepsTheTeamAndRecordsHistory() {
    EventStamp stamp = at(10);
    Either<TicketRejection, Transition<Ticket>> result = aWorkedTicket()
        .assign(Option.some(WANG), stamp);
    Ticket ticket = accepted(result);

    assertThat(ticket.assignee()).contains(WANG);
    assertThat(ticket.team()).contains(SERVICE);
    assertThat(ticket.history().last()).isEqualTo(new TicketHistoryEntry(stamp.at(),
        AGENT_ACTOR, TicketStatus.NEW, Priority.NORMAL, Option.some(SERVICE),
        Option.some(WANG)));
    assertThat(result.get().events()).singleElement().isEqualTo(new TicketEvent.Assigned(stamp,
        TICKET, Option.some(WANG), Option.some(LI)));
    assertThat(accepted(ticket.assign(Option.none(), at(11))).assignee()).isEmpty();
  }

  @Test
  void aTransferToAnotherTeamClearsTheAssigneeUnlessOneIsGiven() {
    Ticket ticket = aWorkedTicket();

    Ticket workshop = accepted(ticket.transferToTeam(Option.some(WORKSHOP), at(10)));
    Ticket withWang = accepted(ticket.transferToTeam(Option.some(WORKSHOP), Option.some(WANG),
        at(10)));

    assertThat(workshop.team()).contains(WORKSHOP);
    assertThat(workshop.assignee()).isEmpty();
    assertThat(withWang.assignee()).contains(WANG);
    assertThat(withWang.history().last().team()).contains(WORKSHOP);
    assertThat(refused(ticket.transferToTeam(Option.some(SERVICE), Option.some(LI), at(10)))
        .code()).isEqualTo("ticket.no_change");
  }

  @Test
  void priorityChangesAreHistoryCategoryChangesAreNot() {
    Ticket ticket = aWorkedTicket();
    int entries = ticket.history().size();

    Ticket urgent = accepted(ticket.changePriority(Priority.URGENT, at(10)));
    Ticket repair = accepted(ticket.recategorize(TicketCategory.REPAIR, at(10)));

    assertThat(urgent.priority()).isEqualTo(Priority.URGENT);
    assertThat(urgent.history()).hasSize(entries + 1);
    assertThat(urgent.history().last().priority()).isEqualTo(Priority.URGENT);
    assertThat(repair.category()).isEqualTo(TicketCategory.REPAIR);
    assertThat(repair.history()).hasSize(entries);
    assertThat(repair.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void retaggingStripsTheTagsAndStatesWhatWasAddedAndRemoved() {
    EventStamp stamp = at(10);
    Either<TicketRejection, Transition<Ticket>> result = aWorkedTicket()
        .retag(HashSet.of(" warranty ", "crack"), stamp);

    assertThat(accepted(result).tags()).containsExactlyInAnyOrder("warranty", "crack");
    assertThat(result.get().events()).singleElement().isEqualTo(new TicketEvent.Retagged(stamp,
        TICKET, TreeSet.of("crack", "warranty"), TreeSet.of("oil")));
  }

  @Test
  void badTagsAreRefusedWithTheirCode() {
    Ticket ticket = aWorkedTicket();

    assertThat(refused(ticket.retag(HashSet.of("ok", "  "), at(10))).code())
        .isEqualTo("ticket.tag.blank");
    assertThat(refused(ticket.retag(HashSet.of("x".repeat(65)), at(10))).code())
        .isEqualTo("ticket.tag.too_long");
    assertThat(refused(ticket.retag(HashSet.ofAll(IntStream.range(0, 51)
        .mapToObj(i -> "t" + i).toList()), at(10))).code()).isEqualTo("ticket.tags.too_many");
    assertThat(refused(ticket.retag(HashSet.of(" oil"), at(10))).code())
        .isEqualTo("ticket.no_change");
    assertThat(accepted(ticket.retag(HashSet.empty(), at(10))).tags()).isEmpty();
  }

  @Test
  void renamingStripsTheSubjectAndChecksIt() {
    Ticket ticket = aWorkedTicket();

    assertThat(accepted(ticket.rename("  Cracked top  ", at(10))).subject())
        .isEqualTo("Cracked top");
    assertThat(refused(ticket.rename(" ", at(10))).code()).isEqualTo("ticket.subject.blank");
    assertThat(refused(ticket.rename("s".repeat(201), at(10))).code())
        .isEqualTo("ticket.subject.too_long");
    assertThat(refused(ticket.rename(ticket.subject(), at(10))).code())
        .isEqualTo("ticket.no_change");
  }

  @Test
  void parentsRelationsAndArticlesAreSetAndCleared() {
    Ticket ticket = aWorkedTicket();

    assertThat(accepted(ticket.clearParent(at(10))).parent()).isEmpty();
    assertThat(accepted(ticket.setParent(TicketId.parse("T-7"), at(10))).parent())
        .contains(TicketId.parse("T-7"));
    assertThat(refused(ticket.setParent(TICKET, at(10))).code()).isEqualTo("ticket.parent.self");
    assertThat(accepted(ticket.unrelate(SECOND, at(10))).related()).isEmpty();
    assertThat(refused(ticket.relate(TICKET, at(10))).code()).isEqualTo("ticket.related.self");
    ArticleId wax = ArticleId.parse("A-wax");
    assertThat(accepted(ticket.linkArticle(wax, at(10))).solvedBy())
        .containsExactly(ARTICLE, wax);
    assertThat(accepted(ticket.unlinkArticle(ARTICLE, at(10))).solvedBy()).isEmpty();
  }

  static Stream<Arguments> noOps() {
    Ticket t = aWorkedTicket();
    return Stream.<Function<EventStamp, Either<TicketRejection, Transition<Ticket>>>>of(
        s -> t.assign(Option.some(LI), s),
        s -> t.transferToTeam(Option.some(SERVICE), Option.some(LI), s),
        s -> t.changePriority(Priority.NORMAL, s),
        s -> t.recategorize(TicketCategory.INQUIRY, s),
        s -> t.retag(HashSet.of("oil"), s),
        s -> t.rename(t.subject(), s),
        s -> t.setParent(TicketId.parse("T-0"), s),
        s -> aNewTicket().clearParent(s),
        s -> t.relate(SECOND, s),
        s -> t.unrelate(TicketId.parse("T-9"), s),
        s -> t.linkArticle(ARTICLE, s),
        s -> t.unlinkArticle(ArticleId.parse("A-none"), s),
        s -> t.transferTo(CUSTOMER, s),
        s -> t.moveTo(TicketStatus.NEW, TicketRules.standard(), s))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("noOps")
  void aCommandThatWouldChangeNothingIsRefusedAsNoChange(
      Function<EventStamp, Either<TicketRejection, Transition<Ticket>>> command) {
    TicketRejection refusal = refused(command.apply(at(10)));

    assertThat(refusal.code()).isEqualTo("ticket.no_change");
    assertThat(refusal.status()).isEqualTo(TicketStatus.NEW);
  }

  static Stream<Arguments> changes() {
    return Stream.<Function<Ticket, Function<EventStamp,
        Either<TicketRejection, Transition<Ticket>>>>>of(
        t -> s -> t.assign(Option.some(WANG), s),
        t -> s -> t.transferToTeam(Option.some(WORKSHOP), s),
        t -> s -> t.changePriority(Priority.HIGH, s),
        t -> s -> t.recategorize(TicketCategory.REPAIR, s),
        t -> s -> t.retag(HashSet.of("new"), s),
        t -> s -> t.rename("Another subject", s),
        t -> s -> t.setParent(TicketId.parse("T-8"), s),
        t -> s -> t.relate(TicketId.parse("T-8"), s),
        t -> s -> t.linkArticle(ArticleId.parse("A-new"), s),
        t -> s -> t.addNote("note", s),
        t -> s -> t.reply("reply", s))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("changes")
  void closedAndMergedTicketsRefuseChangesAndLateCommandsAreOutOfOrder(
      Function<Ticket, Function<EventStamp, Either<TicketRejection, Transition<Ticket>>>> c) {
    assertThat(refused(c.apply(ticketIn(TicketStatus.CLOSED)).apply(at(10))).code())
        .isEqualTo("ticket.closed");
    assertThat(refused(c.apply(ticketIn(TicketStatus.MERGED)).apply(at(10))).code())
        .isEqualTo("ticket.merged");
    Ticket open = ticketIn(TicketStatus.OPEN);
    assertThat(refused(c.apply(open).apply(stampAt(T0, AGENT_ACTOR))).code())
        .isEqualTo("ticket.out_of_order");
    Ticket changed = accepted(c.apply(open).apply(at(10)));
    assertThat(changed.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aTransferToAnotherCustomerIsTakenInEveryStatusAndAtAnyTime() {
    for (TicketStatus status : TicketStatus.values()) {
      Ticket ticket = ticketIn(status);
      EventStamp early = stampAt(T0, AGENT_ACTOR);
      Either<TicketRejection, Transition<Ticket>> result = ticket.transferTo(OTHER_CUSTOMER,
          early);

      Ticket moved = accepted(result);
      assertThat(moved.customer()).isEqualTo(OTHER_CUSTOMER);
      assertThat(moved.status()).isEqualTo(status);
      assertThat(moved.updatedAt()).isEqualTo(ticket.updatedAt());
      assertThat(moved.history()).isEqualTo(ticket.history());
      assertThat(result.get().events()).singleElement().isEqualTo(
          new TicketEvent.Transferred(early, ticket.id(), OTHER_CUSTOMER, CUSTOMER));
    }
    assertThat(accepted(aNewTicket().transferTo(OTHER_CUSTOMER, at(30))).updatedAt())
        .isEqualTo(T0.plus(Duration.ofMinutes(30)));
  }

  @Test
  void aRefusedCommandLeavesTheTicketAsItWas() {
    Ticket ticket = aWorkedTicket();
    Ticket before = rebuilt(ticket);

    refused(ticket.setParent(TICKET, at(10)));
    refused(ticket.retag(HashSet.of(""), at(10)));
    refused(ticket.close(at(10)));

    assertThat(ticket).isEqualTo(before);
  }
}
