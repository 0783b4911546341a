package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;

/**
 * Explains why pricing refused a request: a stable code such as {@code pricing.price.not_found}
 * (no entry for the product or its categories passes the filters),
 * or {@code pricing.quantity.not_positive}, and a readable message. Immutable and thread-safe.
 *
 * @param code the stable code
 * @param message a readable explanation
 */
public record PricingRejection(String code, String message) implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PricingRejection {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
  }
}
