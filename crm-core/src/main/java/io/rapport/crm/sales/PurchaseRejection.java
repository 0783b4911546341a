package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Rejection;
import io.vavr.control.Option;

/**
 * Refuses a command on a {@link Purchase}, or recording one for a won opportunity, and gives what
 * the caller needs to act: the amount that bounds the command (the balance due, the net paid, or
 * the prepayment still due before delivery) and a readable detail. A refused command changes
 * nothing. Immutable and thread-safe.
 *
 * @param reason why the command was refused; {@link #code()} derives from it
 * @param purchase the purchase concerned, or empty when none could be recorded
 * @param amount the amount that bounds the command, when there is one: the balance due for
 *     {@code purchase.payment.exceeds_balance}, the net paid for
 *     {@code purchase.refund.exceeds_net_paid}, the prepayment still due for
 *     {@code purchase.delivery.prepayment_required}
 * @param detail a readable explanation of this case
 */
public record PurchaseRejection(Reason reason, Option<PurchaseId> purchase, Option<Money> amount,
    String detail) implements Rejection {

  /** Names why a command was refused, each with its stable code. */
  public enum Reason {
    /** A purchase for an opportunity that is not won. */
    OPPORTUNITY_NOT_WON("purchase.opportunity.not_won"),
    /** A purchase for a won opportunity that names no purchase id. */
    OPPORTUNITY_WITHOUT_PURCHASE("purchase.opportunity.purchase_missing"),
    /** A purchase for a won opportunity without line items. */
    OPPORTUNITY_WITHOUT_LINES("purchase.opportunity.lines_missing"),
    /** A channel that is not a code such as {@code store} or {@code call-center}. */
    CHANNEL_MALFORMED("purchase.channel.malformed"),
    /** A payment or refund of zero or less. */
    AMOUNT_NOT_POSITIVE("purchase.amount.not_positive"),
    /** A payment or refund in another currency than the purchase's. */
    CURRENCY_MISMATCH("purchase.currency.mismatch"),
    /** A blank payment reference. */
    REFERENCE_BLANK("purchase.payment.reference.blank"),
    /** A payment reference longer than {@value Payment#MAX_REFERENCE} characters. */
    REFERENCE_TOO_LONG("purchase.payment.reference.too_long"),
    /** A payment larger than the balance due. */
    PAYMENT_EXCEEDS_BALANCE("purchase.payment.exceeds_balance"),
    /** A refund larger than what is paid and not yet refunded. */
    REFUND_EXCEEDS_NET_PAID("purchase.refund.exceeds_net_paid"),
    /** A delivery while the share due before delivery is not paid. */
    PREPAYMENT_REQUIRED("purchase.delivery.prepayment_required"),
    /** A delivery of a purchase already delivered. */
    ALREADY_DELIVERED("purchase.delivery.already_delivered"),
    /** A command dated before the purchase's last change. */
    OUT_OF_ORDER("purchase.out_of_order"),
    /** The purchase already belongs to that customer. */
    CUSTOMER_UNCHANGED("purchase.customer.unchanged");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the stable code, such as {@code purchase.payment.exceeds_balance}. */
    public String code() {
      return code;
    }
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PurchaseRejection {
    requireNonNull(reason, "reason");
    requireNonNull(purchase, "purchase");
    requireNonNull(amount, "amount");
    requireNonNull(detail, "detail");
  }

  /** Returns the reason's code, such as {@code purchase.out_of_order}. */
  @Override
  public String code() {
    return reason.code();
  }

  /** Returns the detail, which names the purchase, the amount and the state that refused. */
  @Override
  public String message() {
    return detail;
  }
}
