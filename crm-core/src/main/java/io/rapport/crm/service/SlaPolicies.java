package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.SlaPolicyId;
import io.rapport.crm.kernel.TeamId;
import io.rapport.crm.work.Priority;
import io.rapport.crm.work.Role;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * Gives a ready set of SLA policies by priority, for examples, tests and a first configuration.
 * All targets count business hours, the clocks pause while the ticket waits on the customer or a
 * third party, and every target warns at 75 %:
 *
 * <table>
 *   <caption>The standard policies</caption>
 *   <tr><th>policy</th><th>rank</th><th>applies to</th><th>first response</th>
 *       <th>next response</th><th>resolution</th></tr>
 *   <tr><td>{@code sla-urgent}</td><td>0</td><td>URGENT</td><td>1h</td><td>2h</td><td>8h</td></tr>
 *   <tr><td>{@code sla-high}</td><td>1</td><td>HIGH</td><td>4h</td><td>4h</td><td>24h</td></tr>
 *   <tr><td>{@code sla-standard}</td><td>2</td><td>every other ticket (NORMAL, LOW)</td>
 *       <td>8h</td><td>8h</td><td>40h</td></tr>
 * </table>
 *
 * <p>Escalations: every warning, and a breach of the next response, notifies the
 * {@link #SERVICE_LEAD} role; a breach of the first response or the resolution hands the ticket
 * to the escalation team, and on the standard policy also raises its priority to at least
 * {@code HIGH}.
 */
public final class SlaPolicies {

  /** The role notified on warnings: {@code service-lead}. */
  public static final Role SERVICE_LEAD = Role.of("service-lead");

  /** The id of the policy for urgent tickets. */
  public static final SlaPolicyId URGENT = SlaPolicyId.parse("sla-urgent");

  /** The id of the policy for tickets of high priority. */
  public static final SlaPolicyId HIGH = SlaPolicyId.parse("sla-high");

  /** The id of the policy for every other ticket. */
  public static final SlaPolicyId STANDARD = SlaPolicyId.parse("sla-standard");

  private SlaPolicies() {}

  /**
   * Returns the three standard policies, in rank order.
   *
   * @param escalationTeam the team a breached ticket is handed to
   * @return the urgent, high and standard policies
   * @throws NullPointerException if escalationTeam is null
   */
  public static Seq<SlaPolicy> standard(TeamId escalationTeam) {
    requireNonNull(escalationTeam, "escalationTeam");
    EscalationAction handOver = new EscalationAction.Reassign(Option.some(escalationTeam),
        Option.none());
    SlaPolicy urgent = escalations(SlaPolicy.builder(URGENT, "Urgent tickets").rank(0)
        .priorities(Priority.URGENT), hours(1), hours(2), hours(8), handOver)
        .build().get();
    SlaPolicy high = escalations(SlaPolicy.builder(HIGH, "High priority").rank(1)
        .priorities(Priority.HIGH), hours(4), hours(4), hours(24), handOver)
        .build().get();
    SlaPolicy standard = escalations(SlaPolicy.builder(STANDARD, "Standard").rank(2),
        hours(8), hours(8), hours(40), handOver)
        .escalate(SlaTargetKind.FIRST_RESPONSE, AlertLevel.BREACH,
            new EscalationAction.RaisePriority(Priority.HIGH))
        .escalate(SlaTargetKind.RESOLUTION, AlertLevel.BREACH,
            new EscalationAction.RaisePriority(Priority.HIGH))
        .build().get();
    return List.of(urgent, high, standard);
  }

  /**
   * Returns the three standard policies as a book.
   *
   * @param escalationTeam the team a breached ticket is handed to
   * @return the book
   * @throws NullPointerException if escalationTeam is null
   */
  public static SlaPolicyBook standardBook(TeamId escalationTeam) {
    return SlaPolicyBook.of(standard(escalationTeam)).get();
  }

  private static SlaPolicyBuilder escalations(SlaPolicyBuilder builder, Duration firstResponse,
      Duration nextResponse, Duration resolution, EscalationAction handOver) {
    EscalationAction notify = new EscalationAction.NotifyRole(SERVICE_LEAD);
    return builder
        .target(SlaTargetKind.FIRST_RESPONSE, firstResponse, true)
        .target(SlaTargetKind.NEXT_RESPONSE, nextResponse, true)
        .target(SlaTargetKind.RESOLUTION, resolution, true)
        .pausedIn(TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_THIRD_PARTY)
        .warnAt(SlaPolicyBuilder.DEFAULT_WARN_AT)
        .escalate(SlaTargetKind.FIRST_RESPONSE, AlertLevel.WARNING, notify)
        .escalate(SlaTargetKind.NEXT_RESPONSE, AlertLevel.WARNING, notify)
        .escalate(SlaTargetKind.RESOLUTION, AlertLevel.WARNING, notify)
        .escalate(SlaTargetKind.FIRST_RESPONSE, AlertLevel.BREACH, handOver)
        .escalate(SlaTargetKind.NEXT_RESPONSE, AlertLevel.BREACH, notify)
        .escalate(SlaTargetKind.RESOLUTION, AlertLevel.BREACH, handOver);
  }

  private static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }
}
