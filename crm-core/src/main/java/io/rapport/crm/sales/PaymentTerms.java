package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Percentage;

/**
 * States how a purchase is to be paid: the share to be paid before delivery (100 % for "full
 * prepayment required before delivery") and the number of days after the purchase by which the
 * whole amount is due. Immutable and thread-safe.
 *
 * @param prepayment the share of the total to be paid before delivery, 0 to 100 %
 * @param dueDays the days after the purchase by which everything is due, 0 or more
 */
public record PaymentTerms(Percentage prepayment, int dueDays) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if prepayment is null
   */
  public PaymentTerms {
    requireNonNull(prepayment, "prepayment");
  }
}
