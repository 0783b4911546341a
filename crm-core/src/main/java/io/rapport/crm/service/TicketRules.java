package io.rapport.crm.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Duration;
import java.time.Instant;

/**
 * Sets how long a resolved ticket may still be reopened by the customer and after how long a
 * resolved ticket is due to be closed. Immutable and thread-safe.
 *
 * <p>Both windows are inclusive: a customer who writes exactly at the end of the reopen window
 * still reopens the ticket, and a ticket resolved exactly {@code closeAfter} ago is due for
 * closing.
 *
 * @param reopenWindow how long after its resolution a ticket may be reopened, positive, at most
 *     {@value #MAX_DAYS} days
 * @param closeAfter how long after its resolution a resolved ticket is due to be closed,
 *     positive, at most {@value #MAX_DAYS} days
 */
public record TicketRules(Duration reopenWindow, Duration closeAfter) {

  /** The longest window, in days. */
  public static final int MAX_DAYS = 3650;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule:
   *     {@code ticket.rules.reopen_window.not_positive},
   *     {@code ticket.rules.reopen_window.too_long} (reopenWindow),
   *     {@code ticket.rules.close_after.not_positive}, {@code ticket.rules.close_after.too_long}
   *     (closeAfter)
   */
  public TicketRules {
    requireNonNull(reopenWindow, "reopenWindow");
    requireNonNull(closeAfter, "closeAfter");
    TicketChecks.orThrow(problems(reopenWindow, closeAfter));
  }

  /**
   * Returns the common rules: reopen within 7 days of the resolution, close 4 days after it.
   *
   * @return the standard rules
   */
  public static TicketRules standard() {
    return new TicketRules(Duration.ofDays(7), Duration.ofDays(4));
  }

  /**
   * Validates outside input into rules.
   *
   * @param reopenWindow the reopen window, possibly null
   * @param closeAfter the time to closing, possibly null
   * @return the rules, or every violation: those of the constructor, and
   *     {@code ticket.rules.reopen_window.missing}, {@code ticket.rules.close_after.missing}
   */
  public static Validation<Seq<Violation>, TicketRules> validated(Duration reopenWindow,
      Duration closeAfter) {
    List<Violation> problems = List.empty();
    if (reopenWindow == null) {
      problems = problems.append(Violation.of("ticket.rules.reopen_window.missing",
          "reopenWindow", "The rules need a reopen window"));
    }
    if (closeAfter == null) {
      problems = problems.append(Violation.of("ticket.rules.close_after.missing", "closeAfter",
          "The rules need a time to closing"));
    }
    if (problems.isEmpty()) {
      problems = problems(reopenWindow, closeAfter);
    }
    return problems.isEmpty() ? Validation.valid(new TicketRules(reopenWindow, closeAfter))
        : Validation.invalid(problems);
  }

  /**
   * Returns the last instant at which a ticket resolved at a time may be reopened.
   *
   * @param resolvedAt when the ticket was resolved
   * @return resolvedAt plus the reopen window
   * @throws NullPointerException if resolvedAt is null
   */
  public Instant reopenableUntil(Instant resolvedAt) {
    return requireNonNull(resolvedAt, "resolvedAt").plus(reopenWindow);
  }

  /**
   * Tells whether a ticket resolved at a time may still be reopened at another: up to and
   * including the end of the reopen window.
   *
   * @param resolvedAt when the ticket was resolved
   * @param at when it would be reopened
   * @return true if at is not after {@link #reopenableUntil(Instant)}
   * @throws NullPointerException if an argument is null
   */
  public boolean allowsReopen(Instant resolvedAt, Instant at) {
    requireNonNull(at, "at");
    return !at.isAfter(reopenableUntil(resolvedAt));
  }

  /**
   * Returns when a ticket resolved at a time becomes due for closing.
   *
   * @param resolvedAt when the ticket was resolved
   * @return resolvedAt plus closeAfter
   * @throws NullPointerException if resolvedAt is null
   */
  public Instant closingDueAt(Instant resolvedAt) {
    return requireNonNull(resolvedAt, "resolvedAt").plus(closeAfter);
  }

  private static List<Violation> problems(Duration reopenWindow, Duration closeAfter) {
    return window(reopenWindow, "ticket.rules.reopen_window", "reopenWindow", "A reopen window")
        .appendAll(window(closeAfter, "ticket.rules.close_after", "closeAfter",
            "The time to closing"));
  }

  private static List<Violation> window(Duration value, String prefix, String field,
      String what) {
    if (value.isNegative() || value.isZero()) {
      return List.of(Violation.of(prefix + ".not_positive", field,
          what + " is positive, but got " + value));
    }
    if (value.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
      return List.of(Violation.of(prefix + ".too_long", field,
          what + " is at most " + MAX_DAYS + " days, but got " + value));
    }
    return List.empty();
  }
}
