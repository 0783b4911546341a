package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * States how a purchase is to be paid: the share to be paid before delivery (100 % for "full
 * prepayment required before delivery") and the number of days after the purchase by which the
 * whole amount is due. Immutable and thread-safe.
 *
 * @param prepayment the share of the total to be paid before delivery, 0 to 100 %
 * @param dueDays the days after the purchase by which everything is due, 0 to
 *     {@value #MAX_DUE_DAYS}
 */
public record PaymentTerms(Percentage prepayment, int dueDays) {

  /** The most days a payment may be due after the purchase: ten years. */
  public static final int MAX_DUE_DAYS = 3650;

  /** Everything paid before delivery, due at once: 100 % prepayment, 0 days. */
  public static final PaymentTerms PREPAID = new PaymentTerms(Percentage.ONE_HUNDRED, 0);

  /**
   * Checks the components.
   *
   * @throws NullPointerException if prepayment is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every broken rule: a prepayment
   *     outside 0 to 100 % ({@code purchase.terms.prepayment.out_of_range}, field
   *     {@code prepayment}) and due days outside 0 to {@value #MAX_DUE_DAYS}
   *     ({@code purchase.terms.due_days.out_of_range}, field {@code dueDays})
   */
  public PaymentTerms {
    requireNonNull(prepayment, "prepayment");
    LeadChecks.orThrow(problems(prepayment, dueDays));
  }

  /**
   * Returns terms without prepayment: everything due a number of days after the purchase, such as
   * "net 30".
   *
   * @param days the days after the purchase, 0 to {@value #MAX_DUE_DAYS}
   * @return the terms, with 0 % prepayment
   * @throws io.rapport.crm.kernel.InvalidValueException if days is out of range
   *     ({@code purchase.terms.due_days.out_of_range})
   */
  public static PaymentTerms net(int days) {
    return new PaymentTerms(Percentage.ZERO, days);
  }

  /**
   * Returns terms with a share paid before delivery and the rest due some days after the purchase.
   *
   * @param prepayment the share paid before delivery, 0 to 100 %
   * @param dueDays the days after the purchase, 0 to {@value #MAX_DUE_DAYS}
   * @return the terms
   * @throws NullPointerException if prepayment is null
   * @throws io.rapport.crm.kernel.InvalidValueException if a part is out of range
   */
  public static PaymentTerms of(Percentage prepayment, int dueDays) {
    return new PaymentTerms(prepayment, dueDays);
  }

  /**
   * Validates outside input into terms, reporting every problem at once.
   *
   * @param prepayment the share paid before delivery, such as {@code "30%"} or {@code "30"}
   * @param dueDays the days after the purchase
   * @return the terms, or the violations {@code percentage.malformed},
   *     {@code purchase.terms.prepayment.out_of_range} (field {@code prepayment}) and
   *     {@code purchase.terms.due_days.out_of_range} (field {@code dueDays})
   */
  public static Validation<Seq<Violation>, PaymentTerms> validated(String prepayment,
      int dueDays) {
    Validation<Seq<Violation>, Percentage> share = Percentage.validated(prepayment, "prepayment");
    Seq<Violation> problems = share.isValid() ? problems(share.get(), dueDays)
        : share.getError().appendAll(problems(Percentage.ZERO, dueDays));
    return problems.isEmpty() ? Validation.valid(new PaymentTerms(share.get(), dueDays))
        : Validation.invalid(problems);
  }

  /** Tells whether some of the total must be paid before delivery. */
  public boolean requiresPrepayment() {
    return !prepayment.isZero();
  }

  private static List<Violation> problems(Percentage prepayment, int dueDays) {
    List<Violation> problems = List.empty();
    if (prepayment.isNegative() || prepayment.compareTo(Percentage.ONE_HUNDRED) > 0) {
      problems = problems.append(Violation.of("purchase.terms.prepayment.out_of_range",
          "prepayment", "A prepayment share is 0 to 100 %, but got " + prepayment));
    }
    if (dueDays < 0 || dueDays > MAX_DUE_DAYS) {
      problems = problems.append(Violation.of("purchase.terms.due_days.out_of_range", "dueDays",
          "Payment is due 0 to " + MAX_DUE_DAYS + " days after the purchase, but got " + dueDays));
    }
    return problems;
  }
}
