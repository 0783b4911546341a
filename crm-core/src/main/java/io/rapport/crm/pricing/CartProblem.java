package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Problem;
import io.vavr.control.Option;

/**
 * Names one reason a cart cannot be quoted, for the whole cart or for one line. Immutable and
 * thread-safe.
 *
 * @param code the stable code, such as {@code pricing.coupon.unknown} or
 *     {@code pricing.price.not_found}
 * @param lineId the line concerned, or empty for the whole cart
 * @param message a readable explanation
 */
public record CartProblem(String code, Option<String> lineId, String message)
    implements Problem {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or the line id is null
   */
  public CartProblem {
    requireNonNull(code, "code");
    requireNonNull(lineId, "lineId");
    requireNonNull(message, "message");
    lineId.forEach(value -> requireNonNull(value, "lineId"));
  }
}
