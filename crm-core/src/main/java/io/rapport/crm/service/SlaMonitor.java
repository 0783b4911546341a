package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.Array;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * Reviews a ticket's SLA at a time: evaluates its clocks, lists the due times of the running
 * ones, raises the alerts not raised before and fires the policy's escalations. A pure function:
 * the host runs it on a schedule (or when a ticket changes), applies the {@link SlaReview} to the
 * ticket and carries out the actions.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>The <b>running dues</b> are the targets whose clock runs at the time, phase
 *       {@link SlaPhase#RUNNING} or {@link SlaPhase#BREACHED}, with their warning and due times; a
 *       breached target that is paused has no due time and is left out until it runs again.
 *   <li>A {@link AlertLevel#WARNING} is raised once a target has counted its warning threshold
 *       ({@link SlaPolicy#warningAfter}), a {@link AlertLevel#BREACH} once it has counted more
 *       than allowed; both also for a target already met late, so that a target that went past
 *       both between two reviews is still reported. A target met in time or cancelled raises
 *       nothing. An alert's time is when its threshold was reached: the warning time or the due
 *       time.
 *   <li>An alert is new when its {@link SlaMark} (target, cycle, level) is not among the marks the
 *       ticket already has; old marks are kept, even those of another policy, so that changing
 *       the policy never raises the same alert twice.
 *   <li>The actions are those of the policy's escalation rules whose target and level match a new
 *       alert, in the order of the rules; a rule fires once per matching alert.
 * </ul>
 *
 * <p>Reviewing again at the same time raises nothing new: the review is idempotent.
 */
public final class SlaMonitor {

  private SlaMonitor() {}

  /**
   * Reviews a ticket under a policy at a time.
   *
   * @param ticket the ticket, with the marks of the alerts raised so far in {@link Ticket#sla()}
   * @param policy the policy that applies
   * @param calendar the calendar business-hours targets count on: the team's
   * @param asOf the time of the review
   * @return the evaluation, the ticket's new SLA record, the new alerts in time order and the
   *     actions they fire
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the ticket's signals are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of the calendar
   */
  public static SlaReview review(Ticket ticket, SlaPolicy policy, BusinessCalendar calendar,
      Instant asOf) {
    requireNonNull(ticket, "ticket");
    return review(ticket, SlaClock.of(policy, calendar), asOf);
  }

  /**
   * Reviews a ticket with a prepared clock, for reviewing many tickets under one policy; see
   * {@link #review(Ticket, SlaPolicy, BusinessCalendar, Instant)}.
   *
   * @param ticket the ticket
   * @param clock the policy and calendar, prepared
   * @param asOf the time of the review
   * @return the review
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the ticket's signals are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of the calendar
   */
  public static SlaReview review(Ticket ticket, SlaClock clock, Instant asOf) {
    requireNonNull(ticket, "ticket");
    requireNonNull(clock, "clock");
    requireNonNull(asOf, "asOf");
    SlaReplay replay = clock.replay(ticket.slaSignals(), asOf, true);
    Set<SlaMark> marks = ticket.sla().map(TicketSla::marks).getOrElse(HashSet.empty());
    ArrayList<SlaAlert> alerts = new ArrayList<>();
    for (SlaReplay.Track track : replay.tracks()) {
      SlaPhase phase = track.phase();
      if (phase == SlaPhase.MET || phase == SlaPhase.CANCELLED) {
        continue;
      }
      SlaTargetKind target = track.rule.target.kind();
      if (track.warnReached != null) {
        raise(alerts, marks, new SlaAlert(target, track.cycle, AlertLevel.WARNING,
            track.warnReached));
      }
      if (track.elapsed > track.rule.within) {
        raise(alerts, marks, new SlaAlert(target, track.cycle, AlertLevel.BREACH,
            track.dueReached));
      }
    }
    alerts.sort(Comparator.comparing(SlaAlert::at));
    ArrayList<EscalationAction> actions = new ArrayList<>();
    for (EscalationRule rule : clock.policy().escalations()) {
      for (SlaAlert alert : alerts) {
        if (alert.target() == rule.target() && alert.level() == rule.level()) {
          actions.add(rule.action());
        }
      }
    }
    Seq<SlaAlert> raised = Array.ofAll(alerts);
    SlaState state = replay.state();
    // The running clocks are those with a due time among the running and breached targets.
    Seq<SlaDue> running = state.targets()
        .filter(target -> target.phase() == SlaPhase.RUNNING
            || target.phase() == SlaPhase.BREACHED)
        .filter(target -> target.dueAt().isDefined())
        .map(target -> new SlaDue(target.target(), target.cycle(), target.warnAt().get(),
            target.dueAt().get()));
    TicketSla sla = new TicketSla(clock.policy().id(), running,
        marks.addAll(raised.map(SlaAlert::mark)), asOf);
    return new SlaReview(state, sla, raised, Array.ofAll(actions));
  }

  /**
   * Reviews a ticket under the policy a book picks for it.
   *
   * @param ticket the ticket
   * @param book the policies in use
   * @param standing the tier and segments of the ticket's customer
   * @param calendar the calendar business-hours targets count on: the team's
   * @param asOf the time of the review
   * @return the review, or empty when no policy applies
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the ticket's signals are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of the calendar
   */
  public static Option<SlaReview> review(Ticket ticket, SlaPolicyBook book,
      CustomerStanding standing, BusinessCalendar calendar, Instant asOf) {
    requireNonNull(book, "book");
    requireNonNull(calendar, "calendar");
    requireNonNull(asOf, "asOf");
    return book.select(ticket, standing).map(policy -> review(ticket, policy, calendar, asOf));
  }

  private static void raise(ArrayList<SlaAlert> alerts, Set<SlaMark> marks, SlaAlert alert) {
    if (!marks.contains(alert.mark())) {
      alerts.add(alert);
    }
  }
}
