package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.AGENT_ACTOR;
import static io.rapport.crm.service.TicketFixtures.CUSTOMER_ACTOR;
import static io.rapport.crm.service.TicketFixtures.OTHER_CUSTOMER;
import static io.rapport.crm.service.TicketFixtures.RULES;
import static io.rapport.crm.service.TicketFixtures.SECOND;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.THIRD;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.aNewTicket;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.byCustomer;
import static io.rapport.crm.service.TicketFixtures.crackedTable;
import static io.rapport.crm.service.TicketFixtures.opened;
import static io.rapport.crm.service.TicketFixtures.rebuilt;
import static io.rapport.crm.service.TicketFixtures.stampAt;
import static io.rapport.crm.service.TicketFixtures.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.TicketId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketMergeTest {

  static Instant minute(long n) {
    return T0.plus(Duration.ofMinutes(n));
  }

  /** T-2, the duplicate: a customer message, an agent reply, a note. */
  static Ticket duplicate() {
    Ticket ticket = opened(SECOND, crackedTable());
    ticket = accepted(ticket.customerWrote("Sent you photos by email too", RULES, byCustomer(2)));
    ticket = accepted(ticket.reply("Thanks, we have them", at(3)));
    return accepted(ticket.addNote("Same as T-1", at(4)));
  }

  /** T-1, the ticket that carries on: one reply. */
  static Ticket original() {
    return accepted(aNewTicket().reply("We will send a technician", at(1)));
  }

  @Test
  void theSourceIsMergedWithANoteNamingTheTarget() {
    EventStamp stamp = at(10);
    TicketMerge.Outcome outcome = TicketMerge.merge(duplicate(), original(), stamp).get();
    Ticket source = outcome.source().state();

    assertThat(source.status()).isEqualTo(TicketStatus.MERGED);
    assertThat(source.mergedInto()).contains(TICKET);
    assertThat(source.history().last().status()).isEqualTo(TicketStatus.MERGED);
    assertThat(source.comments()).hasSize(4);
    TicketComment note = source.comments().last();
    assertThat(note.author()).isEqualTo(CommentAuthor.SYSTEM);
    assertThat(note.visibility()).isEqualTo(CommentVisibility.INTERNAL);
    assertThat(note.body()).contains("T-1");
    assertThat(note.at()).isEqualTo(stamp.at());
    assertThat(outcome.source().events()).singleElement()
        .isEqualTo(new TicketEvent.Merged(stamp.next(1), SECOND, TICKET));
  }

  @Test
  void theTargetGetsEveryCommentCopiedAfterItsOwnThenANoteNamingTheSource() {
    EventStamp stamp = at(10);
    Ticket target = TicketMerge.merge(duplicate(), original(), stamp).get().target().state();

    assertThat(target.comments().map(TicketComment::number)).containsExactly(1, 2, 3, 4, 5);
    assertThat(target.comments().drop(1).take(3)).allSatisfy(copy -> {
      assertThat(copy.copiedFrom()).contains(SECOND);
      assertThat(copy.at()).isEqualTo(stamp.at());
    });
    Ticket source = duplicate();
    assertThat(target.comments().drop(1).take(3).map(c -> c.author() + "/" + c.visibility()
        + "/" + c.by() + "/" + c.body())).containsExactlyElementsOf(source.comments().map(
        c -> c.author() + "/" + c.visibility() + "/" + c.by() + "/" + c.body()));
    assertThat(target.comments().get(1).by()).isEqualTo(CUSTOMER_ACTOR);
    TicketComment note = target.comments().last();
    assertThat(note.author()).isEqualTo(CommentAuthor.SYSTEM);
    assertThat(note.visibility()).isEqualTo(CommentVisibility.INTERNAL);
    assertThat(note.body()).contains("T-2");
    assertThat(note.by()).isEqualTo(AGENT_ACTOR);
    assertThat(target.mergedFrom()).containsExactly(SECOND);
    assertThat(target.status()).isEqualTo(TicketStatus.NEW);
    assertThat(target.firstResponseAt()).contains(minute(1));
  }

  @Test
  void copiesNeverCountAsResponsesForTheSla() {
    Ticket target = TicketMerge.merge(duplicate(), aNewTicket(), at(10)).get().target().state();

    assertThat(target.firstResponseAt()).isEmpty();
    assertThat(target.slaSignals()).containsExactly(
        new SlaSignal.StatusChanged(T0, TicketStatus.NEW));
  }

  @Test
  void aSecondMergeAppendsToMergedFrom() {
    Ticket target = TicketMerge.merge(duplicate(), original(), at(10)).get().target().state();
    Ticket third = opened(THIRD, crackedTable());

    Ticket twice = TicketMerge.merge(third, target, at(11)).get().target().state();

    assertThat(twice.mergedFrom()).containsExactly(SECOND, THIRD);
    assertThat(twice.comments().last().body()).contains("T-3");
  }

  @Test
  void ticketsOfTwoCustomersAreNotMerged() {
    Ticket stranger = accepted(duplicate().transferTo(OTHER_CUSTOMER, at(5)));

    TicketRejection refusal = TicketMerge.merge(stranger, original(), at(10)).getLeft();

    assertThat(refusal.code()).isEqualTo("ticket.merge.different_customers");
    assertThat(refusal.ticket()).isEqualTo(SECOND);
  }

  @Test
  void aTicketIsNotMergedIntoItself() {
    Ticket ticket = original();

    assertThat(TicketMerge.merge(ticket, ticket, at(10)).getLeft().code())
        .isEqualTo("ticket.merge.same_ticket");
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"CLOSED", "MERGED", "SPAM"})
  void neitherSideMayBeClosedMergedOrSpam(TicketStatus status) {
    Ticket stuck = ticketIn(status);
    Ticket other = opened(THIRD, crackedTable());
    String code = "ticket." + status.name().toLowerCase(java.util.Locale.ROOT);

    TicketRejection asSource = TicketMerge.merge(stuck, other, at(10)).getLeft();
    TicketRejection asTarget = TicketMerge.merge(other, stuck, at(10)).getLeft();

    assertThat(asSource.code()).isEqualTo(code);
    assertThat(asSource.ticket()).isEqualTo(stuck.id());
    assertThat(asTarget.code()).isEqualTo(code);
    assertThat(asTarget.ticket()).isEqualTo(stuck.id());
  }

  @Test
  void aMergeDatedBeforeEitherSidesLastChangeIsRefusedAndChangesNothing() {
    Ticket source = duplicate();
    Ticket target = original();
    Ticket sourceBefore = rebuilt(source);
    Ticket targetBefore = rebuilt(target);

    Either<TicketRejection, TicketMerge.Outcome> result =
        TicketMerge.merge(source, target, stampAt(minute(2), AGENT_ACTOR));

    assertThat(result.getLeft().code()).isEqualTo("ticket.out_of_order");
    assertThat(result.getLeft().ticket()).isEqualTo(SECOND);
    assertThat(source).isEqualTo(sourceBefore);
    assertThat(target).isEqualTo(targetBefore);
  }

  @Test
  void aResolvedSourceLosesItsResolutionWhenMerged() {
    Ticket resolved = accepted(duplicate().resolve(at(5)));

    Ticket source = TicketMerge.merge(resolved, original(), at(10)).get().source().state();

    assertThat(source.resolvedAt()).isEmpty();
    assertThat(source.mergedInto()).isEqualTo(Option.some(TicketId.parse("T-1")));
  }
}
