package io.rapport.crm.loyalty;

import io.vavr.collection.Seq;
import java.time.Instant;

/**
 * Computes a member's tier from their qualifying history: upgrades as soon as the current window
 * reaches a higher tier, evaluations at the window's boundaries, downgrade notices and downgrades
 * after the grace period, and reversals that count against their source retroactively. Pure: the
 * tier is a function of the program, the joining time, the history and the time asked for.
 */
public final class TierEngine {

  private TierEngine() {}

  /**
   * Replays a member's whole history up to a time.
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
    throw new UnsupportedOperationException("in progress");
  }

  /**
   * Moves a known status forward, processing the evaluations, notices and the history's
   * non-reversal entries after {@code since} up to {@code asOf}. Gives the same status as
   * {@link #replay replay} to {@code asOf} when {@code status} is the replay's status at
   * {@code since} and the history has no reversal entry after {@code since}.
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
   */
  public static TierTimeline advance(LoyaltyProgram program, Instant joinedAt,
      Seq<QualifyingEntry> history, TierStatus status, Instant since, Instant asOf) {
    throw new UnsupportedOperationException("in progress");
  }

  /**
   * Tells what a member needs to reach the next tier and to keep theirs at the next evaluation.
   *
   * @param program the program
   * @param joinedAt when the member joined
   * @param history the qualifying entries, ordered by time
   * @param status the status at {@code asOf}
   * @param asOf the time asked for
   * @return the projection
   * @throws NullPointerException if an argument is null
   */
  public static TierProjection project(LoyaltyProgram program, Instant joinedAt,
      Seq<QualifyingEntry> history, TierStatus status, Instant asOf) {
    throw new UnsupportedOperationException("in progress");
  }

  /**
   * Returns the first evaluation strictly after a time.
   *
   * @param program the program
   * @param joinedAt when the member joined (anniversaries count from it)
   * @param after the time
   * @return the evaluation's instant
   * @throws NullPointerException if an argument is null
   */
  public static Instant nextEvaluation(LoyaltyProgram program, Instant joinedAt, Instant after) {
    throw new UnsupportedOperationException("in progress");
  }
}
