package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.AGENT_ACTOR;
import static io.rapport.crm.service.TicketFixtures.CUSTOMER_ACTOR;
import static io.rapport.crm.service.TicketFixtures.RULES;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.aNewTicket;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.byCustomer;
import static io.rapport.crm.service.TicketFixtures.rebuilt;
import static io.rapport.crm.service.TicketFixtures.refused;
import static io.rapport.crm.service.TicketFixtures.stampAt;
import static io.rapport.crm.service.TicketFixtures.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketConversationTest {

  static Instant minute(long n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  @Test
  void theFirstPublicReplySetsTheFirstResponseAndLaterOnesKeepIt() {
    Ticket ticket = accepted(aNewTicket().addNote("Called the workshop", at(1)));
    assertThat(ticket.firstResponseAt()).isEmpty();

    ticket = accepted(ticket.reply("  We will send a technician  ", at(2)));
    ticket = accepted(ticket.reply("The technician comes on Friday", at(3)));

    assertThat(ticket.firstResponseAt()).contains(minute(2));
    assertThat(ticket.comments().map(TicketComment::number)).containsExactly(1, 2, 3);
    assertThat(ticket.comments().get(1)).isEqualTo(new TicketComment(2, CommentAuthor.AGENT,
        CommentVisibility.PUBLIC, AGENT_ACTOR, minute(2), "We will send a technician",
        io.vavr.control.Option.none()));
    assertThat(ticket.comments().head().visibility()).isEqualTo(CommentVisibility.INTERNAL);
    assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void aCommentStatesItsNumberAuthorAndTheStatusBeforeAndAfter() {
    EventStamp stamp = byCustomer(5);
    Either<TicketRejection, Transition<Ticket>> result =
        ticketIn(TicketStatus.PENDING_CUSTOMER).customerWrote("Photos attached", RULES, stamp);

    assertThat(result.get().events()).singleElement().isEqualTo(new TicketEvent.CommentAdded(
        stamp, TicketFixtures.TICKET, 1, CommentAuthor.CUSTOMER, CommentVisibility.PUBLIC,
        TicketStatus.PENDING_CUSTOMER, TicketStatus.OPEN));
    Ticket ticket = result.get().state();
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.comments().last().by()).isEqualTo(CUSTOMER_ACTOR);
    assertThat(ticket.history().last().status()).isEqualTo(TicketStatus.OPEN);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"NEW, NEW", "OPEN, OPEN", "PENDING_CUSTOMER, OPEN",
      "PENDING_THIRD_PARTY, PENDING_THIRD_PARTY", "RESOLVED, OPEN"})
  void aCustomerMessageMovesAWaitingOrRecentlyResolvedTicketToOpen(TicketStatus from,
      TicketStatus after) {
    Ticket ticket = accepted(ticketIn(from).customerWrote("Any news?", RULES, byCustomer(10)));

    assertThat(ticket.status()).isEqualTo(after);
    assertThat(ticket.resolvedAt()).isEmpty();
    assertThat(ticket.comments().last().isCustomerMessage()).isTrue();
  }

  @Test
  void aCustomerMessageReopensUpToTheEndOfTheWindowAndAsksForAFollowUpAfterIt() {
    Ticket resolved = ticketIn(TicketStatus.RESOLVED);
    Instant end = minute(1).plus(RULES.reopenWindow());

    assertThat(accepted(resolved.customerWrote("It cracked again", RULES,
        stampAt(end, CUSTOMER_ACTOR))).status()).isEqualTo(TicketStatus.OPEN);
    TicketRejection late = refused(resolved.customerWrote("It cracked again", RULES,
        stampAt(end.plusNanos(1), CUSTOMER_ACTOR)));
    assertThat(late.code()).isEqualTo("ticket.follow_up_needed");
    assertThat(late.status()).isEqualTo(TicketStatus.RESOLVED);
  }

  @Test
  void aCustomerMessageOnAClosedMergedOrSpamTicketIsRefused() {
    assertThat(refused(ticketIn(TicketStatus.CLOSED).customerWrote("Hello", RULES,
        byCustomer(10))).code()).isEqualTo("ticket.follow_up_needed");
    assertThat(refused(ticketIn(TicketStatus.MERGED).customerWrote("Hello", RULES,
        byCustomer(10))).code()).isEqualTo("ticket.merged");
    assertThat(refused(ticketIn(TicketStatus.SPAM).customerWrote("Hello", RULES,
        byCustomer(10))).code()).isEqualTo("ticket.spam");
  }

  @Test
  void repliesAreRefusedOnSpamAndClosedTicketsNotesOnlyOnClosedOnes() {
    assertThat(refused(ticketIn(TicketStatus.SPAM).reply("Hi", at(10))).code())
        .isEqualTo("ticket.spam");
    assertThat(accepted(ticketIn(TicketStatus.SPAM).addNote("Known spammer", at(10)))
        .comments()).hasSize(1);
    assertThat(refused(ticketIn(TicketStatus.CLOSED).reply("Hi", at(10))).code())
        .isEqualTo("ticket.closed");
    assertThat(refused(ticketIn(TicketStatus.CLOSED).addNote("Hi", at(10))).code())
        .isEqualTo("ticket.closed");
    assertThat(accepted(ticketIn(TicketStatus.RESOLVED).reply("Glad it works", at(10)))
        .status()).isEqualTo(TicketStatus.RESOLVED);
  }

  @Test
  void blankOrTooLongBodiesAreRefusedAndChangeNothing() {
    Ticket ticket = aNewTicket();
    Ticket before = rebuilt(ticket);

    assertThat(refused(ticket.reply(" \n\t ", at(1))).code()).isEqualTo("ticket.comment.blank");
    assertThat(refused(ticket.addNote("x".repeat(20_001), at(1))).code())
        .isEqualTo("ticket.comment.too_long");
    assertThat(refused(ticket.customerWrote("", RULES, byCustomer(1))).code())
        .isEqualTo("ticket.comment.blank");
    assertThat(refused(ticket.reply("late", stampAt(T0.minusSeconds(1), AGENT_ACTOR))).code())
        .isEqualTo("ticket.out_of_order");
    assertThat(ticket).isEqualTo(before);
  }

  @Test
  void aReplyAndACustomerMessageAtTheSameInstantAreBothKept() {
    Ticket ticket = accepted(aNewTicket().reply("Hello", at(1)));
    ticket = accepted(ticket.customerWrote("Hi", RULES, byCustomer(1)));

    assertThat(ticket.slaSignals()).containsExactly(
        new SlaSignal.StatusChanged(T0, TicketStatus.NEW),
        new SlaSignal.AgentReplied(minute(1)),
        new SlaSignal.CustomerReplied(minute(1)));
  }
}
