package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Holds the points of one earning: how many were earned, how many are left, and until when they
 * are usable. Lots are numbered in the order they were earned. Immutable and thread-safe.
 *
 * <p>A lot is <em>live</em> at an instant before its expiry (at its expiry instant it is not) and
 * <em>locked</em> at an instant before {@code lockedUntil}: locked points are pending, counted in
 * the balance but not available to redeem.
 *
 * @param number the lot's number, 1 for the first lot of the ledger
 * @param currency the currency of its points
 * @param amount the points earned, positive
 * @param remaining the points left: not negative, and with {@code spent} at most the amount
 * @param spent the points the member used from this lot (redeemed, adjusted away, or covering a
 *     clawback) and did not get back
 * @param earnedAt when the points were earned
 * @param expiresAt the first instant the points are unusable, or empty if they never expire
 * @param lockedUntil the instant until which the points are pending, or empty
 * @param source what earned the points, such as the purchase
 * @param reason a readable reason, not blank, at most {@value #MAX_REASON} characters
 */
public record PointsLot(int number, PointCurrency currency, long amount, long remaining,
    long spent, Instant earnedAt, Option<Instant> expiresAt, Option<Instant> lockedUntil,
    RecordRef source, String reason) {

  /** The longest reason, in characters. */
  public static final int MAX_REASON = 500;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   * @throws InvalidValueException with every broken invariant:
   *     {@code loyalty.lot.number.not_positive}, {@code loyalty.amount.not_positive},
   *     {@code loyalty.lot.remaining.out_of_range} (remaining or spent negative, or together more
   *     than the amount), {@code loyalty.reason.blank}, {@code loyalty.reason.too_long}
   */
  public PointsLot {
    requireNonNull(currency, "currency");
    requireNonNull(earnedAt, "earnedAt");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(lockedUntil, "lockedUntil");
    requireNonNull(source, "source");
    requireNonNull(reason, "reason");
    expiresAt.forEach(value -> requireNonNull(value, "expiresAt"));
    lockedUntil.forEach(value -> requireNonNull(value, "lockedUntil"));
    if (number < 1 || amount < 1 || remaining < 0 || spent < 0 || remaining > amount
        || spent > amount - remaining || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new InvalidValueException(problems(number, amount, remaining, spent, reason));
    }
  }

  private static List<Violation> problems(int number, long amount, long remaining, long spent,
      String reason) {
    List<Violation> problems = List.empty();
    if (number < 1) {
      problems = problems.append(Violation.of("loyalty.lot.number.not_positive", "number",
          "Lots are numbered from 1: " + number));
    }
    if (amount < 1) {
      problems = problems.append(Violation.of("loyalty.amount.not_positive", "amount",
          "A lot holds at least one point: " + amount));
    }
    if (remaining < 0 || spent < 0 || remaining > amount || spent > amount - remaining) {
      problems = problems.append(Violation.of("loyalty.lot.remaining.out_of_range", "remaining",
          "A lot of " + amount + " cannot have " + remaining + " left and " + spent + " spent"));
    }
    return problems.appendAll(reasonProblems(reason));
  }

  static List<Violation> reasonProblems(String reason) {
    if (reason.isBlank()) {
      return List.of(Violation.of("loyalty.reason.blank", "reason", "A reason is required"));
    }
    if (reason.length() > MAX_REASON) {
      return List.of(Violation.of("loyalty.reason.too_long", "reason",
          "A reason has at most " + MAX_REASON + " characters, not " + reason.length()));
    }
    return List.empty();
  }

  /** Tells whether the lot is usable at an instant: before its expiry, if it has one. */
  public boolean isLiveAt(Instant at) {
    return expiresAt.isEmpty() || at.isBefore(expiresAt.get());
  }

  /** Tells whether the lot's points are pending at an instant: before {@code lockedUntil}. */
  public boolean isLockedAt(Instant at) {
    return lockedUntil.isDefined() && at.isBefore(lockedUntil.get());
  }

  PointsLot with(long newRemaining, long newSpent) {
    return new PointsLot(number, currency, amount, newRemaining, newSpent, earnedAt, expiresAt,
        lockedUntil, source, reason);
  }
}
