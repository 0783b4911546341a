package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.LI;
import static io.rapport.crm.service.TicketFixtures.RULES;
import static io.rapport.crm.service.TicketFixtures.SERVICE;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.THIRD;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.byCustomer;
import static io.rapport.crm.service.TicketFixtures.crackedTable;
import static io.rapport.crm.service.TicketFixtures.opened;
import static io.rapport.crm.service.TicketFixtures.rebuilt;
import static io.rapport.crm.service.TicketFixtures.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.work.Priority;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TicketSplitTest {

  /**
   * T-1, a repair of the service team assigned to Li, with five comments: 1 the customer about
   * the crack, 2 a reply, 3 the customer about a missing chair, 4 a note, 5 a reply.
   */
  static Ticket twoRequestsInOne() {
    Ticket ticket = opened(TICKET, crackedTable().withCategory(TicketCategory.REPAIR)
        .withPriority(Priority.HIGH).withTeam(SERVICE).withAssignee(LI)
        .withStatus(TicketStatus.OPEN));
    ticket = accepted(ticket.customerWrote("The table top cracked", RULES, byCustomer(1)));
    ticket = accepted(ticket.reply("A technician will come", at(2)));
    ticket = accepted(ticket.customerWrote("Also, one chair is missing", RULES, byCustomer(3)));
    ticket = accepted(ticket.addNote("Chair: ask the warehouse", at(4)));
    return accepted(ticket.reply("We are looking for the chair", at(5)));
  }

  @Test
  void theNewTicketIsOpenWithTheOriginalsSettingsAndCopiesOfTheChosenComments() {
    EventStamp stamp = at(10);
    TicketSplit.Outcome outcome = TicketSplit.split(twoRequestsInOne(), THIRD,
        List.of(5, 3, 4), "  Missing chair  ", stamp).get();
    Ticket split = outcome.split().state();

    assertThat(split.id()).isEqualTo(THIRD);
    assertThat(split.subject()).isEqualTo("Missing chair");
    assertThat(split.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(split.customer()).isEqualTo(TicketFixtures.CUSTOMER);
    assertThat(split.origin()).isEqualTo(Channel.Kind.CALL);
    assertThat(split.category()).isEqualTo(TicketCategory.REPAIR);
    assertThat(split.priority()).isEqualTo(Priority.HIGH);
    assertThat(split.team()).contains(SERVICE);
    assertThat(split.assignee()).contains(LI);
    assertThat(split.splitFrom()).contains(TICKET);
    assertThat(split.createdAt()).isEqualTo(stamp.at());
    assertThat(split.comments().map(TicketComment::number)).containsExactly(1, 2, 3);
    assertThat(split.comments().map(TicketComment::body)).containsExactly(
        "Also, one chair is missing", "Chair: ask the warehouse",
        "We are looking for the chair");
    assertThat(split.comments()).allSatisfy(copy -> {
      assertThat(copy.copiedFrom()).contains(TICKET);
      assertThat(copy.at()).isEqualTo(stamp.at());
    });
    assertThat(split.comments().map(TicketComment::visibility)).containsExactly(
        CommentVisibility.PUBLIC, CommentVisibility.INTERNAL, CommentVisibility.PUBLIC);
    assertThat(split.firstResponseAt()).isEmpty();
    assertThat(split.slaSignals()).containsExactly(
        new SlaSignal.StatusChanged(stamp.at(), TicketStatus.OPEN));
    assertThat(outcome.split().events()).singleElement().isInstanceOfSatisfying(
        TicketEvent.Opened.class, e -> {
          assertThat(e.splitFrom()).contains(TICKET);
          assertThat(e.stamp()).isEqualTo(stamp.next(1));
        });
  }

  @Test
  void theOriginalKeepsItsCommentsAndGetsANoteNamingTheNewTicket() {
    EventStamp stamp = at(10);
    Ticket before = twoRequestsInOne();
    TicketSplit.Outcome outcome = TicketSplit.split(before, THIRD, List.of(3, 4, 5),
        "Missing chair", stamp).get();
    Ticket original = outcome.original().state();

    assertThat(original.comments().take(5)).isEqualTo(before.comments());
    TicketComment note = original.comments().last();
    assertThat(note.number()).isEqualTo(6);
    assertThat(note.author()).isEqualTo(CommentAuthor.SYSTEM);
    assertThat(note.visibility()).isEqualTo(CommentVisibility.INTERNAL);
    assertThat(note.body()).contains("T-3");
    assertThat(original.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(outcome.original().events()).singleElement().isEqualTo(
        new TicketEvent.SplitOff(stamp, TICKET, THIRD, List.of(3, 4, 5)));
  }

  @Test
  void everyRefusalHasItsCode() {
    Ticket ticket = twoRequestsInOne();
    Ticket before = rebuilt(ticket);

    assertThat(TicketSplit.split(ticket, THIRD, List.empty(), "Chair", at(10)).getLeft().code())
        .isEqualTo("ticket.split.no_comments");
    TicketRejection unknown = TicketSplit.split(ticket, THIRD, List.of(3, 9, 0), "Chair",
        at(10)).getLeft();
    assertThat(unknown.code()).isEqualTo("ticket.split.unknown_comments");
    assertThat(unknown.message()).endsWith("no comment 9, 0");
    TicketRejection twice = TicketSplit.split(ticket, THIRD, List.of(3, 4, 3), "Chair",
        at(10)).getLeft();
    assertThat(twice.code()).isEqualTo("ticket.split.duplicate_comments");
    assertThat(twice.message()).endsWith(": 3");
    assertThat(TicketSplit.split(ticket, TICKET, List.of(3), "Chair", at(10)).getLeft().code())
        .isEqualTo("ticket.split.same_ticket");
    assertThat(TicketSplit.split(ticket, THIRD, List.of(3), " ", at(10)).getLeft().code())
        .isEqualTo("ticket.subject.blank");
    assertThat(TicketSplit.split(ticket, THIRD, List.of(3), "s".repeat(201), at(10)).getLeft()
        .code()).isEqualTo("ticket.subject.too_long");
    assertThat(TicketSplit.split(ticket, THIRD, List.of(3), "Chair", at(4)).getLeft().code())
        .isEqualTo("ticket.out_of_order");
    assertThat(ticket).isEqualTo(before);
  }

  @Test
  void closedMergedAndSpamTicketsAreNotSplit() {
    for (TicketStatus status : List.of(TicketStatus.CLOSED, TicketStatus.MERGED,
        TicketStatus.SPAM)) {
      Ticket stuck = accepted(ticketIn(TicketStatus.NEW).addNote("note", at(1)));
      stuck = status == TicketStatus.SPAM ? accepted(stuck.markSpam(at(2)))
          : status == TicketStatus.CLOSED ? accepted(accepted(stuck.resolve(at(2))).close(at(3)))
          : TicketMerge.merge(stuck, opened(THIRD, crackedTable()), at(2)).get().source()
              .state();

      assertThat(TicketSplit.split(stuck, TicketFixtures.SECOND, List.of(1), "Chair", at(10))
          .getLeft().code()).isEqualTo("ticket." + status.name().toLowerCase(
              java.util.Locale.ROOT));
    }
  }

  @Test
  void theNewTicketStartsItsOwnHistoryAtTheSplit() {
    Ticket split = TicketSplit.split(twoRequestsInOne(), THIRD, List.of(1), "Crack", at(10))
        .get().split().state();

    assertThat(split.history()).singleElement().satisfies(entry -> {
      assertThat(entry.at()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
      assertThat(entry.status()).isEqualTo(TicketStatus.OPEN);
      assertThat(entry.assignee()).isEqualTo(Option.some(LI));
    });
    assertThat(split.description()).contains("T-1");
  }
}
