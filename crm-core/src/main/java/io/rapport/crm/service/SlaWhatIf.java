package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Compares a ticket's SLA under two settings: the policy and calendar it has now, and another
 * policy or calendar, such as a proposed policy or the team's new working hours. Both are
 * replayed from the same signals at the same time, so the difference is the setting's alone.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * SlaWhatIf whatIf = SlaWhatIf.compare(ticket.slaSignals(), current, calendar, proposed, calendar,
 *     now);
 * whatIf.changes().filter(SlaDueChange::changed)
 *     .forEach(change -> System.out.println(change.target() + " moves by " + change.shift()));
 * }</pre>
 *
 * @param before the evaluation under the first setting
 * @param after the evaluation under the second setting, at the same time
 */
public record SlaWhatIf(SlaState before, SlaState after) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SlaWhatIf {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
  }

  /**
   * Evaluates a ticket's signals under two settings at the same time.
   *
   * @param signals the ticket's signals in time order, such as {@link Ticket#slaSignals()}
   * @param policy the first policy, usually the current one
   * @param calendar the first calendar
   * @param otherPolicy the second policy (the same one to compare calendars only)
   * @param otherCalendar the second calendar (the same one to compare policies only)
   * @param asOf the evaluation time
   * @return the comparison
   * @throws NullPointerException if an argument or a signal is null
   * @throws InvalidValueException if the signals are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of a calendar
   */
  public static SlaWhatIf compare(Seq<SlaSignal> signals, SlaPolicy policy,
      BusinessCalendar calendar, SlaPolicy otherPolicy, BusinessCalendar otherCalendar,
      Instant asOf) {
    return new SlaWhatIf(SlaClock.evaluate(signals, policy, calendar, asOf),
        SlaClock.evaluate(signals, otherPolicy, otherCalendar, asOf));
  }

  /**
   * Evaluates a ticket under two settings at the same time; see
   * {@link #compare(Seq, SlaPolicy, BusinessCalendar, SlaPolicy, BusinessCalendar, Instant)}.
   *
   * @param ticket the ticket
   * @param policy the first policy, usually the current one
   * @param calendar the first calendar
   * @param otherPolicy the second policy
   * @param otherCalendar the second calendar
   * @param asOf the evaluation time
   * @return the comparison
   * @throws NullPointerException if an argument is null
   * @throws InvalidValueException if the ticket's signals are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of a calendar
   */
  public static SlaWhatIf compare(Ticket ticket, SlaPolicy policy, BusinessCalendar calendar,
      SlaPolicy otherPolicy, BusinessCalendar otherCalendar, Instant asOf) {
    requireNonNull(ticket, "ticket");
    return compare(ticket.slaSignals(), policy, calendar, otherPolicy, otherCalendar, asOf);
  }

  /**
   * Lists every target cycle of either evaluation with its phase and due time under both: first
   * those of the first evaluation in its order, then those only the second has.
   *
   * @return the changes, one per target cycle
   */
  public Seq<SlaDueChange> changes() {
    Vector<SlaDueChange> changes = Vector.empty();
    for (SlaTargetState state : before.targets()) {
      Option<SlaTargetState> other = after.target(state.target(), state.cycle());
      changes = changes.append(new SlaDueChange(state.target(), state.cycle(),
          Option.some(state.phase()), state.dueAt(), other.map(SlaTargetState::phase),
          other.flatMap(SlaTargetState::dueAt)));
    }
    for (SlaTargetState state : after.targets()) {
      if (before.target(state.target(), state.cycle()).isEmpty()) {
        changes = changes.append(new SlaDueChange(state.target(), state.cycle(), Option.none(),
            Option.none(), Option.some(state.phase()), state.dueAt()));
      }
    }
    return changes;
  }
}
