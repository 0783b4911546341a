package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.AGENT_ACTOR;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.byCustomer;
import static io.rapport.crm.service.TicketFixtures.refused;
import static io.rapport.crm.service.TicketFixtures.stampAt;
import static io.rapport.crm.service.TicketFixtures.ticketIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketRatingTest {

  static final CsatScale SCALE = CsatScale.ONE_TO_FIVE;

  @Test
  void aResolvedTicketIsRatedAndTheEventSaysItIsAFirstRating() {
    EventStamp stamp = byCustomer(20);
    Either<TicketRejection, Transition<Ticket>> result = ticketIn(TicketStatus.RESOLVED)
        .rate(2, Option.some("  Still wobbly  "), SCALE, stamp);
    Ticket rated = accepted(result);

    assertThat(rated.satisfaction()).contains(new Satisfaction(2, SCALE,
        Option.some("Still wobbly"), stamp.at()));
    assertThat(rated.updatedAt()).isEqualTo(stamp.at());
    assertThat(rated.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(result.get().events()).singleElement().isEqualTo(new TicketEvent.Rated(stamp,
        TICKET, 2, SCALE, true, Option.none()));
    assertThat(((TicketEvent.Rated) result.get().events().head()).replaced()).isFalse();
  }

  @Test
  void aNewRatingReplacesTheOldAndSaysSo() {
    Ticket rated = accepted(ticketIn(TicketStatus.CLOSED).rate(2, Option.none(), SCALE,
        byCustomer(20)));
    EventStamp again = byCustomer(30);

    Either<TicketRejection, Transition<Ticket>> result = rated.rate(4, Option.none(), SCALE,
        again);

    assertThat(accepted(result).satisfaction().map(Satisfaction::score)).contains(4);
    assertThat(result.get().events()).singleElement().isEqualTo(new TicketEvent.Rated(again,
        TICKET, 4, SCALE, false, Option.some(2)));
    assertThat(((TicketEvent.Rated) result.get().events().head()).replaced()).isTrue();
    assertThat(refused(rated.rate(2, Option.some(" "), SCALE, again)).code())
        .isEqualTo("ticket.no_change");
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"RESOLVED", "CLOSED"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyResolvedOrClosedTicketsAreRated(TicketStatus status) {
    TicketRejection refusal = refused(ticketIn(status).rate(5, Option.none(), SCALE, at(20)));

    assertThat(refusal.code()).isEqualTo("ticket.csat.not_resolved");
    assertThat(refusal.status()).isEqualTo(status);
  }

  @Test
  void scoresOffTheScaleLongCommentsAndLateRatingsAreRefused() {
    Ticket resolved = ticketIn(TicketStatus.RESOLVED);

    assertThat(refused(resolved.rate(0, Option.none(), SCALE, at(20))).code())
        .isEqualTo("ticket.csat.out_of_scale");
    assertThat(refused(resolved.rate(6, Option.none(), SCALE, at(20))).code())
        .isEqualTo("ticket.csat.out_of_scale");
    assertThat(refused(resolved.rate(3, Option.some("x".repeat(2001)), SCALE, at(20))).code())
        .isEqualTo("ticket.csat.comment_too_long");
    assertThat(refused(resolved.rate(3, Option.none(), SCALE, stampAt(T0, AGENT_ACTOR)))
        .code()).isEqualTo("ticket.out_of_order");
    assertThat(accepted(resolved.rate(10, Option.none(), CsatScale.of(0, 10, 6), at(20)))
        .satisfaction().get().isLow()).isFalse();
  }
}
