package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.LI;
import static io.rapport.crm.service.TicketFixtures.RULES;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.aNewTicket;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.byCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.customer.TimelineEntry;
import io.rapport.crm.kernel.RecordRef;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TicketTimelineTest {

  /** A ticket assigned to Li, with personal text in its description, comments and rating. */
  static Ticket aClosedRatedTicket() {
    Ticket ticket = accepted(aNewTicket().assign(Option.some(LI), at(1)));
    ticket = accepted(ticket.customerWrote("My number is 138 0013 8000", RULES, byCustomer(2)));
    ticket = accepted(ticket.resolve(at(3)));
    ticket = accepted(ticket.close(at(4)));
    return accepted(ticket.rate(4, Option.some("Li was kind"), CsatScale.ONE_TO_FIVE,
        byCustomer(5)));
  }

  @Test
  void showsTheOpeningResolutionClosingAndRatingWithTheAgent() {
    Ticket ticket = aClosedRatedTicket();

    assertThat(ticket.timelineEntries().map(TimelineEntry::kind)).containsExactly(
        "ticket.opened", "ticket.resolved", "ticket.closed", "ticket.rated");
    assertThat(ticket.timelineEntries().map(TimelineEntry::at)).containsExactly(T0,
        T0.plus(Duration.ofMinutes(3)), T0.plus(Duration.ofMinutes(4)),
        T0.plus(Duration.ofMinutes(5)));
    assertThat(ticket.timelineEntries()).allSatisfy(entry -> {
      assertThat(entry.source()).isEqualTo(RecordRef.to(TICKET));
      assertThat(entry.employee()).contains(LI);
      assertThat(entry.title()).contains("Crack in the table top");
    });
    assertThat(ticket.timelineEntries().last().title()).contains("4 (1 to 5)");
  }

  @Test
  void titlesNeverShowTheDescriptionCommentsOrRatingComment() {
    Ticket ticket = aClosedRatedTicket();

    assertThat(ticket.timelineEntries()).allSatisfy(entry -> assertThat(entry.title())
        .doesNotContain(ticket.description(), "138", "Li was kind"));
  }

  @Test
  void anOpenTicketShowsOnlyItsOpeningAndAReopenedOneLosesItsResolution() {
    Ticket reopened = accepted(accepted(aNewTicket().resolve(at(1))).reopen(RULES, at(2)));

    assertThat(aNewTicket().timelineEntries().map(TimelineEntry::kind))
        .containsExactly("ticket.opened");
    assertThat(reopened.timelineEntries().map(TimelineEntry::kind))
        .containsExactly("ticket.opened");
  }
}
