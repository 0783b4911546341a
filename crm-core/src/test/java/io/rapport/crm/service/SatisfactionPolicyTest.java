package io.rapport.crm.service;

import static io.rapport.crm.service.TicketFixtures.CUSTOMER;
import static io.rapport.crm.service.TicketFixtures.RULES;
import static io.rapport.crm.service.TicketFixtures.SERVICE;
import static io.rapport.crm.service.TicketFixtures.T0;
import static io.rapport.crm.service.TicketFixtures.TICKET;
import static io.rapport.crm.service.TicketFixtures.accepted;
import static io.rapport.crm.service.TicketFixtures.at;
import static io.rapport.crm.service.TicketFixtures.byCustomer;
import static io.rapport.crm.service.TicketFixtures.crackedTable;
import static io.rapport.crm.service.TicketFixtures.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.crm.customer.Channel;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.work.Priority;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SatisfactionPolicyTest {

  static final SatisfactionPolicy STANDARD = SatisfactionPolicy.standard();

  /** A ticket of the service team resolved at minute 1 and rated at minute 2. */
  static Ticket ratedAt(int score, boolean closed) {
    Ticket ticket = opened(TICKET, crackedTable().withTeam(SERVICE));
    ticket = accepted(ticket.resolve(at(1)));
    if (closed) {
      ticket = accepted(ticket.close(at(2)));
    }
    return accepted(ticket.rate(score, Option.some("The crack is back"), CsatScale.ONE_TO_FIVE,
        byCustomer(3)));
  }

  static Instant windowEnd() {
    return T0.plus(Duration.ofMinutes(1)).plus(RULES.reopenWindow());
  }

  @Test
  void theStandardPolicyAsksOnOneToFiveAndFollowsUpWithAHighComplaint() {
    assertThat(STANDARD).isEqualTo(new SatisfactionPolicy(CsatScale.ONE_TO_FIVE,
        SatisfactionPolicy.LowScoreAction.REOPEN_OR_FOLLOW_UP, Priority.HIGH,
        TicketCategory.COMPLAINT));
  }

  @Test
  void aContentCustomerNeedsNothing() {
    assertThat(STANDARD.decide(ratedAt(3, false), RULES, windowEnd()))
        .isEqualTo(new SatisfactionOutcome.Content(TICKET));
  }

  @Test
  void anUnhappyCustomerGetsAResolvedTicketReopenedWithinTheWindowItsEndIncluded() {
    assertThat(STANDARD.decide(ratedAt(2, false), RULES, windowEnd()))
        .isEqualTo(new SatisfactionOutcome.Reopen(TICKET));
    assertThat(STANDARD.decide(ratedAt(1, false), RULES, windowEnd().plusNanos(1)))
        .isInstanceOf(SatisfactionOutcome.FollowUp.class);
  }

  @Test
  void aClosedTicketOrAFollowUpOnlyPolicyGivesAFollowUp() {
    SatisfactionPolicy followUpOnly = new SatisfactionPolicy(CsatScale.ONE_TO_FIVE,
        SatisfactionPolicy.LowScoreAction.FOLLOW_UP, Priority.URGENT, TicketCategory.of("care"));

    assertThat(STANDARD.decide(ratedAt(2, true), RULES, T0.plusSeconds(600)))
        .isInstanceOf(SatisfactionOutcome.FollowUp.class);
    SatisfactionOutcome outcome = followUpOnly.decide(ratedAt(2, false), RULES,
        T0.plusSeconds(600));
    assertThat(outcome).isInstanceOfSatisfying(SatisfactionOutcome.FollowUp.class, f -> {
      assertThat(f.draft().priority()).isEqualTo(Priority.URGENT);
      assertThat(f.draft().category()).isEqualTo(TicketCategory.of("care"));
    });
  }

  @Test
  void theFollowUpDraftNamesTheOriginalAndTheScoreButNotTheComment() {
    SatisfactionOutcome outcome = STANDARD.decide(ratedAt(1, true), RULES, T0.plusSeconds(600));
    TicketDraft draft = ((SatisfactionOutcome.FollowUp) outcome).draft();

    assertThat(draft.subject()).contains("T-1", "1 (1 to 5)", "Crack in the table top");
    assertThat(draft.description()).contains("T-1", "1 (1 to 5)")
        .doesNotContain("The crack is back");
    assertThat(draft.customer()).isEqualTo(CUSTOMER);
    assertThat(draft.origin()).isEqualTo(Channel.Kind.CALL);
    assertThat(draft.team()).contains(SERVICE);
    assertThat(draft.assignee()).isEmpty();
    assertThat(draft.parent()).contains(TICKET);
    assertThat(draft.cause()).contains(RecordRef.to(TICKET));
    assertThat(draft.priority()).isEqualTo(Priority.HIGH);
    assertThat(draft.category()).isEqualTo(TicketCategory.COMPLAINT);
    assertThat(draft.status()).isEqualTo(TicketStatus.NEW);
    assertThat(Ticket.open(TicketFixtures.SECOND, draft, at(20)).isValid()).isTrue();
  }

  @Test
  void aLongSubjectIsShortenedToFitTheFollowUp() {
    Ticket ticket = opened(TICKET, crackedTable());
    ticket = accepted(ticket.rename("s".repeat(200), at(1)));
    ticket = accepted(accepted(ticket.resolve(at(2))).close(at(3)));
    ticket = accepted(ticket.rate(1, Option.none(), CsatScale.ONE_TO_FIVE, at(4)));

    TicketDraft draft = ((SatisfactionOutcome.FollowUp) STANDARD.decide(ticket, RULES,
        T0.plusSeconds(600))).draft();

    assertThat(draft.subject()).hasSize(Ticket.MAX_SUBJECT).endsWith("…");
    assertThat(Ticket.open(TicketFixtures.SECOND, draft, at(20)).isValid()).isTrue();
  }

  @Test
  void anUnratedTicketCannotBeDecidedOn() {
    InvalidValueException thrown = catchThrowableOfType(() -> STANDARD.decide(
        opened(TICKET, crackedTable()), RULES, T0), InvalidValueException.class);

    assertThat(thrown.violations().map(Violation::code)).containsExactly(
        "satisfaction.not_rated");
  }
}
