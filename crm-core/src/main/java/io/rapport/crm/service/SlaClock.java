package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.BusinessCalendar;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Replays a ticket's {@link SlaSignal signals} under an {@link SlaPolicy} on a
 * {@link BusinessCalendar} and tells where every target stands at a time. A pure function: the
 * same signals, policy, calendar and time always give the same {@link SlaState}; signals after
 * the time are ignored, so evaluating at a past time replays history as it stood then, and
 * evaluating under another policy or calendar gives the what-if. Immutable and thread-safe.
 *
 * <h2>When the clocks run</h2>
 *
 * <ul>
 *   <li>A clock runs while the ticket is {@code NEW}, {@code OPEN}, or in a pending status that
 *       the policy does not pause in; it pauses in a status of {@link SlaPolicy#pausedIn()}.
 *   <li>{@code RESOLVED} and {@code CLOSED} stop the resolution clock: met, or met late when it
 *       counted more than allowed. A later move to an active status (a reopen) resumes the same
 *       resolution cycle with its elapsed time kept; the time spent resolved counts as a pause.
 *   <li>{@code MERGED} cancels every clock still running or paused, for good: signals after a
 *       merge are ignored.
 *   <li>{@code SPAM} suspends every clock still running or paused: while the ticket is spam they
 *       read {@link SlaPhase#CANCELLED}, stopped at the time it was marked. A move back to an
 *       active status ("not spam") resumes them with their elapsed time kept, the time spent as
 *       spam counting as a pause; a move to {@code RESOLVED}, {@code CLOSED} or {@code MERGED}
 *       leaves them cancelled for good. Customer messages while spam start no cycle.
 *   <li>The status before the first status signal is {@code NEW}; the clocks start at the first
 *       signal (the ticket's creation).
 * </ul>
 *
 * <h2>The targets</h2>
 *
 * <ul>
 *   <li><b>First response</b> (cycle 0) starts at the first signal and is met by the first
 *       {@link SlaSignal.AgentReplied}. Resolving, closing or merging the ticket before any reply
 *       cancels it for good, even if the ticket is reopened later; a reply at the very instant of
 *       the resolution still meets it (at one instant, {@link Ticket#slaSignals()} lists the
 *       status change first).
 *   <li><b>Next response</b> recurs. Once an agent has replied, each customer message that
 *       follows an agent reply starts cycle 1, 2, …; more customer messages before the agent
 *       answers start no new cycle; the next agent reply meets the cycle. Resolving or closing
 *       the ticket cancels a running cycle (a reply at the same instant meets it) and counts as
 *       the team's answer: after a reopen, the next customer message starts a new cycle. A
 *       customer message while the ticket is resolved, closed or spam starts no cycle.
 *   <li><b>Resolution</b> (cycle 0) starts at the first signal and stops at the resolution, as
 *       above.
 * </ul>
 *
 * <h2>Counting</h2>
 *
 * <p>A business-hours target counts {@link BusinessCalendar#workingTimeBetween working time};
 * a target around the clock counts every nanosecond. The <b>due time</b> is the earliest instant
 * at which the counted time reaches the allowed time if the clock keeps running from its last
 * start ({@link BusinessCalendar#addWorkingTime}); so a target due at the end of a working day
 * is due at 18:00, not at 09:00 the next morning. The <b>warning time</b> is where the counted
 * time reaches the warning threshold: the allowed time times {@link SlaPolicy#warnAt()},
 * truncated to the nanosecond (and at least one nanosecond). While a clock is paused its warning
 * and due times are empty (they move with the pause); once they have been reached they stay the
 * instants they were reached at. A target that counted more than allowed is
 * {@link SlaPhase#BREACHED} (running or paused) or {@link SlaPhase#MET_LATE} (stopped); exactly
 * the allowed time counts as met in time.
 *
 * <p>Every target state carries its {@link SlaInterval intervals}: each running and paused
 * stretch from its start to its stop (or the evaluation time), split at every status change,
 * with the time it counted; {@link SlaTargetState#explain()} prints them.
 *
 * <p>{@link #dues} is the lean path for re-evaluating many tickets: the same warning and due
 * times of the running clocks, without intervals.
 */
public final class SlaClock {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final SlaPolicy policy;
  private final BusinessCalendar calendar;
  private final Rule[] rules;
  private final Rule firstResponse;
  private final Rule nextResponse;
  private final Rule resolution;
  private final boolean pausesForCustomer;
  private final boolean pausesForThirdParty;

  /** One target of the policy, with its times in nanoseconds. */
  static final class Rule {
    final SlaTarget target;
    final long within;
    final long warn;

    Rule(SlaTarget target, Percentage warnAt) {
      this.target = target;
      this.within = target.within().toNanos();
      this.warn = warnNanos(target.within(), warnAt);
    }
  }

  private SlaClock(SlaPolicy policy, BusinessCalendar calendar) {
    this.policy = policy;
    this.calendar = calendar;
    this.rules = new Rule[policy.targets().size()];
    Rule first = null;
    Rule next = null;
    Rule resolve = null;
    int i = 0;
    for (SlaTarget target : policy.targets()) {
      Rule rule = new Rule(target, policy.warnAt());
      rules[i++] = rule;
      if (target.kind() == SlaTargetKind.FIRST_RESPONSE) {
        first = rule;
      } else if (target.kind() == SlaTargetKind.NEXT_RESPONSE) {
        next = rule;
      } else {
        resolve = rule;
      }
    }
    this.firstResponse = first;
    this.nextResponse = next;
    this.resolution = resolve;
    this.pausesForCustomer = policy.pausesIn(TicketStatus.PENDING_CUSTOMER);
    this.pausesForThirdParty = policy.pausesIn(TicketStatus.PENDING_THIRD_PARTY);
  }

  /**
   * Prepares a clock for a policy on a calendar, to evaluate many tickets with the thresholds
   * worked out once.
   *
   * @param policy the policy
   * @param calendar the calendar business-hours targets count on: the team's
   * @return the clock
   * @throws NullPointerException if an argument is null
   */
  public static SlaClock of(SlaPolicy policy, BusinessCalendar calendar) {
    return new SlaClock(requireNonNull(policy, "policy"), requireNonNull(calendar, "calendar"));
  }

  /**
   * Evaluates every target of a policy for a ticket's signals at a time, with the intervals
   * that explain it. See the class comment for the rules.
   *
   * @param signals the ticket's signals in time order, such as {@link Ticket#slaSignals()}
   * @param policy the policy
   * @param calendar the calendar business-hours targets count on
   * @param asOf the evaluation time; later signals are ignored
   * @return the state of every started cycle of every target, in the order of the policy's
   *     targets (next-response cycles in order); no targets when no signal is at or before asOf
   * @throws NullPointerException if an argument or a signal is null
   * @throws InvalidValueException if the signals up to asOf are not in time order
   *     ({@code sla.signals.out_of_order}, field such as {@code signals[3]})
   * @throws DateTimeException if a time lies beyond the range of the calendar
   */
  public static SlaState evaluate(Seq<SlaSignal> signals, SlaPolicy policy,
      BusinessCalendar calendar, Instant asOf) {
    return of(policy, calendar).evaluate(signals, asOf);
  }

  /**
   * Evaluates every target of this clock's policy for a ticket's signals at a time; see
   * {@link #evaluate(Seq, SlaPolicy, BusinessCalendar, Instant)}.
   *
   * @param signals the ticket's signals in time order
   * @param asOf the evaluation time; later signals are ignored
   * @return the state of every started cycle of every target
   * @throws NullPointerException if an argument or a signal is null
   * @throws InvalidValueException if the signals up to asOf are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of the calendar
   */
  public SlaState evaluate(Seq<SlaSignal> signals, Instant asOf) {
    return replay(signals, asOf, true).state();
  }

  /**
   * Answers the warning and due times of the clocks running at a time: the lean path, equal to
   * the {@link SlaPhase#RUNNING} and {@link SlaPhase#BREACHED} targets of
   * {@link #evaluate(Seq, SlaPolicy, BusinessCalendar, Instant) evaluate} whose clock runs,
   * without building intervals.
   *
   * @param signals the ticket's signals in time order
   * @param policy the policy
   * @param calendar the calendar business-hours targets count on
   * @param asOf the evaluation time; later signals are ignored
   * @return the running targets' warning and due times, in the order of the policy's targets
   * @throws NullPointerException if an argument or a signal is null
   * @throws InvalidValueException if the signals up to asOf are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of the calendar
   */
  public static Seq<SlaDue> dues(Seq<SlaSignal> signals, SlaPolicy policy,
      BusinessCalendar calendar, Instant asOf) {
    return of(policy, calendar).dues(signals, asOf);
  }

  /**
   * Answers the warning and due times of this policy's clocks running at a time, without
   * intervals; see {@link #dues(Seq, SlaPolicy, BusinessCalendar, Instant)}.
   *
   * @param signals the ticket's signals in time order
   * @param asOf the evaluation time; later signals are ignored
   * @return the running targets' warning and due times
   * @throws NullPointerException if an argument or a signal is null
   * @throws InvalidValueException if the signals up to asOf are not in time order
   *     ({@code sla.signals.out_of_order})
   * @throws DateTimeException if a time lies beyond the range of the calendar
   */
  public Seq<SlaDue> dues(Seq<SlaSignal> signals, Instant asOf) {
    return replay(signals, asOf, false).dues();
  }

  /** Returns the policy this clock evaluates. */
  public SlaPolicy policy() {
    return policy;
  }

  /** Returns the calendar business-hours targets count on. */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /** Replays the signals up to asOf; with intervals when explaining. */
  SlaReplay replay(Seq<SlaSignal> signals, Instant asOf, boolean explain) {
    requireNonNull(signals, "signals");
    requireNonNull(asOf, "asOf");
    SlaReplay replay = new SlaReplay(this, asOf, explain);
    Instant previous = null;
    int index = 0;
    for (SlaSignal signal : signals) {
      requireNonNull(signal, "signals");
      Instant at = signal.at();
      if (at.isAfter(asOf)) {
        break;
      }
      if (previous != null && at.isBefore(previous)) {
        throw new InvalidValueException(List.of(Violation.of("sla.signals.out_of_order",
            "signals[" + index + "]", "Signals come in time order, but " + at + " follows "
                + previous)));
      }
      previous = at;
      replay.apply(signal);
      index++;
    }
    replay.finish();
    return replay;
  }

  // ---- what the replay needs ----

  Rule[] rules() {
    return rules;
  }

  Rule firstResponse() {
    return firstResponse;
  }

  Rule nextResponse() {
    return nextResponse;
  }

  Rule resolution() {
    return resolution;
  }

  /** Tells whether the clocks run (not pause) in an active status. */
  boolean runsIn(TicketStatus status) {
    if (status == TicketStatus.PENDING_CUSTOMER) {
      return !pausesForCustomer;
    }
    if (status == TicketStatus.PENDING_THIRD_PARTY) {
      return !pausesForThirdParty;
    }
    return true;
  }

  /** Counts the time of a running stretch, in nanoseconds. */
  long measure(Rule rule, Instant start, Instant end) {
    if (rule.target.businessHours()) {
      return calendar.workingTimeBetween(start, end).toNanos();
    }
    return Math.addExact(
        Math.multiplyExact(end.getEpochSecond() - start.getEpochSecond(), NANOS_PER_SECOND),
        end.getNano() - start.getNano());
  }

  /** Returns the earliest instant at which a running clock has counted an amount from start. */
  Instant add(Rule rule, Instant start, long nanos) {
    if (rule.target.businessHours()) {
      return calendar.addWorkingTime(start, Duration.ofNanos(nanos));
    }
    return start.plusNanos(nanos);
  }

  /**
   * Returns a target's warning threshold in nanoseconds: within times the share, truncated, and
   * at least one nanosecond.
   */
  static long warnNanos(Duration within, Percentage share) {
    long nanos = within.toNanos();
    BigDecimal percent = share.percent();
    long product;
    if (percent.scale() <= 2 && percent.signum() > 0 && percent.compareTo(BigDecimal.TEN
        .pow(2)) < 0) {
      // Basis points below 10 000: exact in longs (within is at most 365 days).
      long basisPoints = percent.movePointRight(2).longValueExact();
      product = (nanos / 10_000) * basisPoints + (nanos % 10_000) * basisPoints / 10_000;
    } else {
      product = BigDecimal.valueOf(nanos).multiply(percent).movePointLeft(2)
          .setScale(0, RoundingMode.DOWN).longValueExact();
    }
    return Math.max(1, Math.min(product, nanos));
  }
}
