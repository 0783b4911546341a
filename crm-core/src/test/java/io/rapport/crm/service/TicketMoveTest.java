package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.AGENT_ACTOR;
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
import static io.rapport.crm.service.TicketStatus.CLOSED;
import static io.rapport.crm.service.TicketStatus.MERGED;
import static io.rapport.crm.service.TicketStatus.NEW;
import static io.rapport.crm.service.TicketStatus.OPEN;
import static io.rapport.crm.service.TicketStatus.PENDING_CUSTOMER;
import static io.rapport.crm.service.TicketStatus.PENDING_THIRD_PARTY;
import static io.rapport.crm.service.TicketStatus.RESOLVED;
import static io.rapport.crm.service.TicketStatus.SPAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Transition;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TicketMoveTest {

  /** The move table as the brief states it, written out independently of the code. */
  static final Map<TicketStatus, Set<TicketStatus>> TABLE = HashMap.of(
      NEW, HashSet.of(OPEN, PENDING_CUSTOMER, PENDING_THIRD_PARTY, RESOLVED, SPAM),
      OPEN, HashSet.of(PENDING_CUSTOMER, PENDING_THIRD_PARTY, RESOLVED, SPAM),
      PENDING_CUSTOMER, HashSet.of(OPEN, PENDING_THIRD_PARTY, RESOLVED),
      PENDING_THIRD_PARTY, HashSet.of(OPEN, PENDING_CUSTOMER, RESOLVED),
      RESOLVED, HashSet.of(OPEN, CLOSED),
      SPAM, HashSet.of(NEW),
      CLOSED, HashSet.empty(),
      MERGED, HashSet.empty());

  static Stream<Arguments> everyPair() {
    return Arrays.stream(TicketStatus.values()).flatMap(from ->
        Arrays.stream(TicketStatus.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void allowedMovesAreExactlyTheTable(TicketStatus status) {
    assertThat(ticketIn(status).status()).isEqualTo(status);
    assertThat(ticketIn(status).allowedMoves()).isEqualTo(TABLE.get(status).get());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void everyMoveIsAllowedExactlyPerTheTable(TicketStatus from, TicketStatus to) {
    Ticket ticket = ticketIn(from);
    Ticket before = rebuilt(ticket);
    EventStamp stamp = at(20);

    Either<TicketRejection, Transition<Ticket>> result = ticket.moveTo(to, RULES, stamp);

    if (TABLE.get(from).get().contains(to)) {
      Ticket moved = accepted(result);
      assertThat(moved.status()).isEqualTo(to);
      assertThat(moved.history().last().status()).isEqualTo(to);
      assertThat(moved.history().last().at()).isEqualTo(stamp.at());
      assertThat(moved.updatedAt()).isEqualTo(stamp.at());
      assertThat(result.get().events()).singleElement()
          .isEqualTo(new TicketEvent.StatusChanged(stamp, ticket.id(), from, to));
    } else {
      TicketRejection refusal = refused(result);
      String code = from == MERGED ? "ticket.merged" : from == CLOSED ? "ticket.closed"
          : from == to ? "ticket.no_change" : "ticket.move_not_allowed";
      assertThat(refusal.code()).isEqualTo(code);
      assertThat(refusal.status()).isEqualTo(from);
      assertThat(refusal.allowedMoves()).isEqualTo(TABLE.get(from).get());
      assertThat(refusal.ticket()).isEqualTo(ticket.id());
      assertThat(ticket).isEqualTo(before);
    }
  }

  @Test
  void aRefusedMoveSaysWhereTheTicketMayGo() {
    TicketRejection refusal = refused(ticketIn(PENDING_CUSTOMER).moveTo(NEW, RULES, at(20)));

    assertThat(refusal.message()).contains("PENDING_CUSTOMER to NEW",
        "OPEN, PENDING_THIRD_PARTY, RESOLVED");
    assertThat(refused(aNewTicket().moveTo(MERGED, RULES, at(20))).message())
        .contains("TicketMerge");
  }

  @Test
  void resolvingSetsResolvedAtClosingKeepsItAndSetsClosedAtReopeningClearsIt() {
    Ticket resolved = accepted(ticketIn(OPEN).resolve(at(5)));
    Ticket closed = accepted(resolved.close(at(6)));
    Ticket reopened = accepted(resolved.reopen(RULES, at(7)));

    assertThat(resolved.resolvedAt()).contains(T0.plus(Duration.ofMinutes(5)));
    assertThat(resolved.closedAt()).isEmpty();
    assertThat(closed.resolvedAt()).isEqualTo(resolved.resolvedAt());
    assertThat(closed.closedAt()).contains(T0.plus(Duration.ofMinutes(6)));
    assertThat(reopened.status()).isEqualTo(OPEN);
    assertThat(reopened.resolvedAt()).isEmpty();
    assertThat(reopened.closedAt()).isEmpty();
  }

  /** Resolved at minute 1 by {@link TicketFixtures#ticketIn}. */
  static Instant windowEnd() {
    return T0.plus(Duration.ofMinutes(1)).plus(RULES.reopenWindow());
  }

  @Test
  void reopeningExactlyAtTheEndOfTheWindowIsAllowedAndANanosecondLaterIsNot() {
    Ticket resolved = ticketIn(RESOLVED);

    assertThat(accepted(resolved.reopen(RULES, stampAt(windowEnd(), AGENT_ACTOR))).status())
        .isEqualTo(OPEN);
    assertThat(accepted(resolved.moveTo(OPEN, RULES, stampAt(windowEnd(), AGENT_ACTOR)))
        .status()).isEqualTo(OPEN);
    TicketRejection late = refused(resolved.reopen(RULES,
        stampAt(windowEnd().plusNanos(1), AGENT_ACTOR)));
    assertThat(late.code()).isEqualTo("ticket.reopen_window_passed");
    assertThat(late.allowedMoves()).containsExactlyInAnyOrder(OPEN, CLOSED);
    assertThat(refused(resolved.moveTo(OPEN, RULES, stampAt(windowEnd().plusNanos(1),
        AGENT_ACTOR))).code()).isEqualTo("ticket.reopen_window_passed");
    assertThat(accepted(resolved.close(stampAt(windowEnd().plusNanos(1), AGENT_ACTOR)))
        .status()).isEqualTo(CLOSED);
  }

  @Test
  void theNamedCommandsAreMovesToTheirStatus() {
    Map<TicketStatus, BiFunction<Ticket, EventStamp,
        Either<TicketRejection, Transition<Ticket>>>> commands = HashMap.of(
        OPEN, Ticket::start,
        PENDING_CUSTOMER, Ticket::waitOnCustomer,
        PENDING_THIRD_PARTY, Ticket::waitOnThirdParty,
        RESOLVED, Ticket::resolve,
        SPAM, Ticket::markSpam);
    commands.forEach((status, command) -> assertThat(
        accepted(command.apply(aNewTicket(), at(3))).status()).isEqualTo(status));
    assertThat(accepted(ticketIn(RESOLVED).close(at(3))).status()).isEqualTo(CLOSED);
    assertThat(accepted(ticketIn(SPAM).notSpam(at(3))).status()).isEqualTo(NEW);
    assertThat(accepted(ticketIn(RESOLVED).reopen(RULES, at(3))).status()).isEqualTo(OPEN);
  }

  @Test
  void startDoesNotReopenAndReopenOnlyReopensResolvedTickets() {
    assertThat(refused(ticketIn(RESOLVED).start(at(3))).code())
        .isEqualTo("ticket.move_not_allowed");
    assertThat(refused(ticketIn(OPEN).reopen(RULES, at(3))).code())
        .isEqualTo("ticket.not_resolved");
    assertThat(refused(ticketIn(CLOSED).reopen(RULES, at(3))).code()).isEqualTo("ticket.closed");
    assertThat(refused(ticketIn(MERGED).reopen(RULES, at(3))).code()).isEqualTo("ticket.merged");
    assertThat(refused(ticketIn(OPEN).notSpam(at(3))).code())
        .isEqualTo("ticket.move_not_allowed");
    assertThat(refused(ticketIn(PENDING_CUSTOMER).close(at(3))).code())
        .isEqualTo("ticket.move_not_allowed");
  }

  @Test
  void aMoveDatedBeforeTheLastChangeIsRefused() {
    Ticket open = ticketIn(OPEN);

    TicketRejection refusal = refused(open.resolve(stampAt(T0, AGENT_ACTOR)));

    assertThat(refusal.code()).isEqualTo("ticket.out_of_order");
    assertThat(accepted(open.resolve(at(1))).status()).isEqualTo(RESOLVED);
  }

  @Test
  void everyMoveAppendsOneHistoryEntryAndTheSlaSignalsFollowIt() {
    Ticket ticket = aNewTicket();
    ticket = accepted(ticket.start(at(1)));
    ticket = accepted(ticket.waitOnCustomer(at(2)));
    ticket = accepted(ticket.customerWrote("Here are the photos", RULES, byCustomer(3)));
    ticket = accepted(ticket.resolve(at(4)));

    assertThat(ticket.history().map(TicketHistoryEntry::status))
        .containsExactly(NEW, OPEN, PENDING_CUSTOMER, OPEN, RESOLVED);
    assertThat(ticket.slaSignals()).containsExactly(
        new SlaSignal.StatusChanged(T0, NEW),
        new SlaSignal.StatusChanged(T0.plus(Duration.ofMinutes(1)), OPEN),
        new SlaSignal.StatusChanged(T0.plus(Duration.ofMinutes(2)), PENDING_CUSTOMER),
        new SlaSignal.StatusChanged(T0.plus(Duration.ofMinutes(3)), OPEN),
        new SlaSignal.CustomerReplied(T0.plus(Duration.ofMinutes(3))),
        new SlaSignal.StatusChanged(T0.plus(Duration.ofMinutes(4)), RESOLVED));
  }

  @Test
  void aTicketIsDueForClosingOnceResolvedForCloseAfter() {
    Ticket resolved = ticketIn(RESOLVED);
    Instant due = T0.plus(Duration.ofMinutes(1)).plus(RULES.closeAfter());

    assertThat(resolved.isDueForClosing(RULES, due.minusNanos(1))).isFalse();
    assertThat(resolved.isDueForClosing(RULES, due)).isTrue();
    assertThat(ticketIn(OPEN).isDueForClosing(RULES, due.plus(Duration.ofDays(30)))).isFalse();
    assertThat(ticketIn(CLOSED).isDueForClosing(RULES, due.plus(Duration.ofDays(30))))
        .isFalse();
  }
}
