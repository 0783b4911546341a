package io.rapport.crm.loyalty;

import io.vavr.collection.Map;
import io.vavr.control.Either;

/**
 * Computes what an activity earns under a program's earn rules, explaining every rule that paid
 * and every rule that did not. Pure: the same program, activity, tier and day's earnings give the
 * same outcome.
 */
public final class EarnCalculator {

  private EarnCalculator() {}

  /**
   * Computes what an activity earns.
   *
   * @param program the program
   * @param activity the purchase or occasion
   * @param tier the member's tier code when the activity happened
   * @param earnedToday the points each rule (by code) already paid the member on the activity's
   *     day, in the program's time zone, for the per-day caps; rules not listed paid none
   * @return the outcome, or a rejection
   * @throws NullPointerException if an argument is null
   */
  public static Either<LoyaltyRejection, EarnOutcome> calculate(LoyaltyProgram program,
      EarnActivity activity, String tier, Map<String, Long> earnedToday) {
    throw new UnsupportedOperationException("in progress");
  }
}
