package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.vavr.control.Option;

/**
 * Refuses a command on a {@link PointsLedger} and gives what the caller needs to act: for
 * {@code loyalty.insufficient_points} and {@code loyalty.negative_balance_refused} the points
 * available, for {@code loyalty.clawback.exceeds_earned} the points that may still be clawed
 * back. A refused command leaves the ledger unchanged. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param available the points available, when that bounds the command
 * @param detail a readable explanation of this case
 */
public record LedgerRejection(Reason reason, Option<Long> available, String detail)
    implements Rejection {

  /** Names why a command was refused, each with its stable code. */
  public enum Reason {
    /** A redemption of more points than are available. */
    INSUFFICIENT_POINTS("loyalty.insufficient_points"),
    /** An earned or redeemed amount of zero or less. */
    AMOUNT_NOT_POSITIVE("loyalty.amount.not_positive"),
    /** An adjustment of zero points. */
    AMOUNT_ZERO("loyalty.amount.zero"),
    /** An amount that would overflow the ledger's totals. */
    AMOUNT_OVERFLOW("loyalty.amount.overflow"),
    /** A blank reason, or one longer than {@value PointsLot#MAX_REASON} characters. */
    REASON_INVALID("loyalty.reason.invalid"),
    /** An explicit expiry not after the time of earning. */
    EXPIRY_NOT_AFTER_EARNING("loyalty.expiry.not_after_earning"),
    /** An expiry applied as of an instant after the command's time. */
    EXPIRY_IN_FUTURE("loyalty.expiry.in_future"),
    /** A command dated before the ledger's last change. */
    OUT_OF_ORDER("loyalty.out_of_order"),
    /** A clawback or reversal for a source the ledger does not know. */
    SOURCE_UNKNOWN("loyalty.source_unknown"),
    /** A clawback or reversal of a source already clawed back or reversed. */
    SOURCE_ALREADY_REVERSED("loyalty.source_already_reversed"),
    /** A clawback or negative adjustment that would take the balance below zero. */
    NEGATIVE_BALANCE_REFUSED("loyalty.negative_balance_refused"),
    /** A partial clawback of more than the source earned less what was already clawed back. */
    CLAWBACK_EXCEEDS_EARNED("loyalty.clawback.exceeds_earned");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code loyalty.insufficient_points}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public LedgerRejection {
    requireNonNull(reason, "reason");
    requireNonNull(available, "available");
    requireNonNull(detail, "detail");
  }

  /** Returns the reason's code, such as {@code loyalty.out_of_order}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Returns the detail, which names the amounts and the state that refused. */
  @Override
  public String message() {
    return detail;
  }
}
