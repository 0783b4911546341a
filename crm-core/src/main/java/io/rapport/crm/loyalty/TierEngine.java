package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Computes a member's tier from their qualifying history: upgrades as soon as the current window
 * reaches a higher tier, evaluations at the window's boundaries, downgrade notices and downgrades
 * after the grace period, and reversals that count against their source retroactively. Pure: the
 * tier is a function of the program, the joining time, the history and the time asked for.
 *
 * <h2>Windows and evaluations</h2>
 * Times are taken in the program's zone. Evaluations happen at: 1 January 00:00 of each year after
 * joining ({@link TierWindow.CalendarYear}); 00:00 of each anniversary of the joining date, 29
 * February becoming 28 February in other years ({@link TierWindow.Anniversary}); 00:00 of the 1st
 * of every month after joining ({@link TierWindow.Rolling}). The <em>current window</em> at t is
 * [1 January of t's year, t], [latest anniversary at or before t (or the joining time), t], or
 * (t − n months, t]. An evaluation at E looks at the period that ends at E: the previous calendar
 * year, the membership year before E, or the n months before E, E excluded.
 *
 * <h2>Measures and netting</h2>
 * A window measures, from the entries in it, qualifying points per currency, net spend (in the
 * program's spend currency), purchases and referrals. Every reversal entry at or before the time
 * asked for is added to its source's original entry (the earliest non-reversal entry with that
 * source) and does not count at its own date; an original netted to nothing is no entry at all. A
 * tier is reached when any of its thresholds is met; the reached tier is the highest one reached.
 *
 * <h2>Replay</h2>
 * From the joining time, in the base tier, events are processed in time order; at one instant, a
 * due notice first, then an evaluation, then the entries.
 * <ul>
 *   <li>At an entry: if the current window reaches a higher tier, the member moves up at once to
 *       the highest one reached ({@link TierChangeReason#UPGRADE}) and any notice is cleared; if
 *       it reaches the current tier while a notice is pending, the notice is cleared.
 *   <li>At an evaluation E: if the evaluated window reaches the current tier (or a higher one) the
 *       tier is kept and any notice cleared; otherwise a notice (E, E + grace) is issued, unless
 *       one is already pending (the earlier one stands). With zero grace it takes effect at once.
 *   <li>At a notice's effective time: the target is one tier down ({@link DowngradePolicy#ONE_LEVEL})
 *       or the base tier ({@link DowngradePolicy#TO_BASE}); the member lands on the higher of the
 *       target and the tier the current window reaches ({@link TierChangeReason#DOWNGRADE}).
 * </ul>
 * A status's {@code since} is the time of the last tier change, the joining time at first.
 */
public final class TierEngine {

  private TierEngine() {}

  /**
   * Replays a member's whole history up to a time. This is the definition of the tier;
   * {@link #advance advance} is the fast path.
   *
   * @param program the program
   * @param joinedAt when the member joined (in the base tier)
   * @param history the qualifying entries, ordered by time; entries after {@code asOf} are ignored
   * @param asOf the time asked for, not before {@code joinedAt}
   * @return the status at {@code asOf} with every change and notice since joining
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code asOf} is before {@code joinedAt}
   */
  public static TierTimeline replay(LoyaltyProgram program, Instant joinedAt,
      Seq<QualifyingEntry> history, Instant asOf) {
    requireNonNull(program, "program");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(history, "history");
    requireNonNull(asOf, "asOf");
    if (asOf.isBefore(joinedAt)) {
      throw new IllegalArgumentException("Cannot replay a tier to " + asOf
          + ", before the member joined at " + joinedAt);
    }
    TierRules rules = TierRules.of(program);
    Run run = new Run(program, rules, joinedAt, history, asOf, 0, joinedAt, null);
    return run.from(joinedAt, true);
  }

  /**
   * Moves a known status forward, processing the evaluations, notices and the history's
   * non-reversal entries after {@code since} up to {@code asOf}. Gives the same status as
   * {@link #replay replay} to {@code asOf} when {@code status} is the replay's status at
   * {@code since} and the history has no reversal entry after {@code since}. Windows are measured
   * over the whole history, netted as of {@code asOf}, by binary search on entry times.
   *
   * @param program the program
   * @param joinedAt when the member joined
   * @param history the qualifying entries, ordered by time
   * @param status the status at {@code since}
   * @param since the time of {@code status}
   * @param asOf the time asked for, not before {@code since}
   * @return the status at {@code asOf} with the changes and notices after {@code since}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code asOf} is before {@code since}
   * @throws io.rapport.crm.kernel.InvalidValueException if the status's tier is not on the
   *     program's ladder ({@code loyalty.tier.unknown}, field {@code status.tier})
   */
  public static TierTimeline advance(LoyaltyProgram program, Instant joinedAt,
      Seq<QualifyingEntry> history, TierStatus status, Instant since, Instant asOf) {
    requireNonNull(program, "program");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(history, "history");
    requireNonNull(status, "status");
    requireNonNull(since, "since");
    requireNonNull(asOf, "asOf");
    if (asOf.isBefore(since)) {
      throw new IllegalArgumentException("Cannot advance a tier from " + since + " back to "
          + asOf);
    }
    TierRules rules = TierRules.of(program);
    int tier = rules.indexOf(status.tier(), "status.tier");
    Run run = new Run(program, rules, joinedAt, history, asOf, tier, status.since(),
        status.notice().getOrNull());
    return run.from(since, false);
  }

  /**
   * Tells what a member needs to reach the next tier and to keep theirs at the next evaluation:
   * {@code toReachNext} measures the current window at {@code asOf}; {@code toKeep} measures the
   * window the next evaluation will look at, as far as it has gone at {@code asOf} (for a
   * calendar year: this year so far). Both use the history netted as of {@code asOf}.
   *
   * @param program the program
   * @param joinedAt when the member joined
   * @param history the qualifying entries, ordered by time
   * @param status the status at {@code asOf}
   * @param asOf the time asked for
   * @return the projection
   * @throws NullPointerException if an argument is null
   * @throws io.rapport.crm.kernel.InvalidValueException if the status's tier is not on the
   *     program's ladder ({@code loyalty.tier.unknown}, field {@code status.tier})
   */
  public static TierProjection project(LoyaltyProgram program, Instant joinedAt,
      Seq<QualifyingEntry> history, TierStatus status, Instant asOf) {
    requireNonNull(program, "program");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(history, "history");
    requireNonNull(status, "status");
    requireNonNull(asOf, "asOf");
    TierRules rules = TierRules.of(program);
    int tier = rules.indexOf(status.tier(), "status.tier");
    TierWindows windows = TierWindows.of(program, rules, joinedAt);
    QualifyingIndex index = QualifyingIndex.of(history, joinedAt, asOf);
    Measures measures = new Measures(rules, index);
    Instant next = windows.nextEvaluation(asOf);
    Seq<TierShortfall> toReachNext = List.empty();
    Option<String> nextTier = Option.none();
    if (tier + 1 < rules.tiers) {
      nextTier = Option.of(rules.codes[tier + 1]);
      Measures.Window current = currentWindow(measures, windows, index, asOf);
      toReachNext = shortfalls(rules, current, tier + 1);
    }
    Seq<TierShortfall> toKeep = List.empty();
    if (tier > 0) {
      int from = index.atOrAfter(windows.evaluatedStart(next));
      Measures.Window evaluated = measures.window(from, index.after(asOf));
      toKeep = shortfalls(rules, evaluated, tier);
    }
    return new TierProjection(status.tier(), nextTier, toReachNext, toKeep, next,
        status.notice());
  }

  /**
   * Returns the first evaluation strictly after a time (and after joining).
   *
   * @param program the program
   * @param joinedAt when the member joined (anniversaries count from it)
   * @param after the time
   * @return the evaluation's instant
   * @throws NullPointerException if an argument is null
   */
  public static Instant nextEvaluation(LoyaltyProgram program, Instant joinedAt, Instant after) {
    requireNonNull(program, "program");
    requireNonNull(joinedAt, "joinedAt");
    requireNonNull(after, "after");
    return TierWindows.of(program, TierRules.of(program), joinedAt).nextEvaluation(after);
  }

  private static Seq<TierShortfall> shortfalls(TierRules rules, Measures.Window measure,
      int tier) {
    TierThreshold[] thresholds = rules.thresholds(tier);
    List<TierShortfall> shortfalls = List.empty();
    for (int i = thresholds.length - 1; i >= 0; i--) {
      shortfalls = shortfalls.prepend(new TierShortfall(thresholds[i],
          rules.reached(measure, tier, i), rules.missing(measure, tier, i)));
    }
    return shortfalls;
  }

  private static Measures.Window currentWindow(Measures measures, TierWindows windows,
      QualifyingIndex index, Instant t) {
    Instant start = windows.currentStart(t);
    int from = windows.startInclusive() ? index.atOrAfter(start) : index.after(start);
    return measures.window(from, index.after(t));
  }

  /** One pass of the event loop over a period; not thread-safe, used by one call. */
  private static final class Run {

    private final LoyaltyProgram program;
    private final TierRules rules;
    private final TierWindows windows;
    private final QualifyingIndex index;
    private final Measures measures;
    private final Instant asOf;
    private int tier;
    private Instant since;
    private TierNotice notice;
    private List<TierChange> changes = List.empty();
    private List<TierNotice> notices = List.empty();

    Run(LoyaltyProgram program, TierRules rules, Instant joinedAt, Seq<QualifyingEntry> history,
        Instant asOf, int tier, Instant since, TierNotice notice) {
      this.program = program;
      this.rules = rules;
      this.windows = TierWindows.of(program, rules, joinedAt);
      this.index = QualifyingIndex.of(history, joinedAt, asOf);
      this.measures = new Measures(rules, index);
      this.asOf = asOf;
      this.tier = tier;
      this.since = since;
      this.notice = notice;
    }

    TierTimeline from(Instant start, boolean inclusive) {
      int next = inclusive ? index.atOrAfter(start) : index.after(start);
      Instant evaluation = windows.nextEvaluation(start);
      while (true) {
        Instant t = evaluation;
        Instant entryAt = next < index.size ? index.at(next) : null;
        if (entryAt != null && entryAt.isBefore(t)) {
          t = entryAt;
        }
        if (notice != null && notice.effectiveAt().isBefore(t)) {
          t = notice.effectiveAt();
        }
        if (t.isAfter(asOf)) {
          break;
        }
        if (notice != null && !notice.effectiveAt().isAfter(t)) {
          downgrade(t);
        }
        if (evaluation.equals(t)) {
          evaluate(t);
          evaluation = windows.nextEvaluation(t);
        }
        if (t.equals(entryAt)) {
          next = index.after(t);
          enter(t);
        }
      }
      TierStatus status = new TierStatus(rules.codes[tier], since, evaluation,
          Option.of(notice));
      return new TierTimeline(status, changes.reverse(), notices.reverse());
    }

    private void enter(Instant t) {
      Measures.Window current = currentWindow(measures, windows, index, t);
      int reached = rules.highestReached(current);
      if (reached > tier) {
        change(reached, t, TierChangeReason.UPGRADE);
        notice = null;
      } else if (notice != null && reached == tier) {
        notice = null;
      }
    }

    private void evaluate(Instant e) {
      if (tier == 0) {
        notice = null;
        return;
      }
      int from = index.atOrAfter(windows.evaluatedStart(e));
      Measures.Window evaluated = measures.window(from, index.atOrAfter(e));
      if (rules.reachesAtLeast(evaluated, tier)) {
        notice = null;
      } else if (notice == null) {
        notice = new TierNotice(e, windows.graceEnd(e));
        notices = notices.prepend(notice);
        if (!notice.effectiveAt().isAfter(e)) {
          downgrade(e);
        }
      }
    }

    private void downgrade(Instant t) {
      int target = program.ladder().downgrade() == DowngradePolicy.ONE_LEVEL
          ? Math.max(0, tier - 1) : 0;
      int landing = Math.max(target, rules.highestReached(
          currentWindow(measures, windows, index, t)));
      if (landing < tier) {
        change(landing, t, TierChangeReason.DOWNGRADE);
      }
      notice = null;
    }

    private void change(int to, Instant at, TierChangeReason reason) {
      changes = changes.prepend(new TierChange(rules.codes[tier], rules.codes[to], at, reason));
      tier = to;
      since = at;
    }
  }
}
