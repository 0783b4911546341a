package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records money received for a purchase, or returned from it. Immutable and thread-safe.
 *
 * @param at when the money moved
 * @param by who recorded it
 * @param amount how much, positive
 * @param reference the payment's reference (a receipt or transfer number), or empty; not blank,
 *     at most {@value #MAX_REFERENCE} characters
 */
public record Payment(Instant at, ActorId by, Money amount, Option<String> reference) {

  /** The longest reference, in characters. */
  public static final int MAX_REFERENCE = 200;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.rapport.crm.kernel.InvalidValueException with every broken rule: an amount that is
   *     not positive ({@code purchase.payment.amount.not_positive}, field {@code amount}), a blank
   *     reference ({@code purchase.payment.reference.blank}) or one over {@value #MAX_REFERENCE}
   *     characters ({@code purchase.payment.reference.too_long}, field {@code reference})
   */
  public Payment {
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(amount, "amount");
    requireNonNull(reference, "reference");
    reference.forEach(value -> requireNonNull(value, "reference"));
    LeadChecks.orThrow(problems(amount, reference));
  }

  /** Returns the broken rules of an amount and a reference. */
  static List<Violation> problems(Money amount, Option<String> reference) {
    List<Violation> problems = List.empty();
    if (!amount.isPositive()) {
      problems = problems.append(Violation.of("purchase.payment.amount.not_positive", "amount",
          "A payment or refund moves a positive amount, but got " + amount));
    }
    for (String text : reference) {
      problems = problems.appendAll(LeadChecks.requiredText(text, MAX_REFERENCE,
          "purchase.payment.reference", "reference", "A payment reference"));
    }
    return problems;
  }
}
