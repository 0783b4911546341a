package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Money;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records money received for a purchase, or returned from it. Immutable and thread-safe.
 *
 * @param at when the money moved
 * @param by who recorded it
 * @param amount how much, positive
 * @param reference the payment's reference (a receipt or transfer number), or empty
 */
public record Payment(Instant at, ActorId by, Money amount, Option<String> reference) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Payment {
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    requireNonNull(amount, "amount");
    requireNonNull(reference, "reference");
    reference.forEach(value -> requireNonNull(value, "reference"));
  }
}
