package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.Seq;

/**
 * Says why a sales service (a lead conversion, a win) changed nothing, when no aggregate's own
 * rejection says it: a record that is not stored, or input the new customer or opportunity cannot
 * take. Immutable and
 * thread-safe.
 *
 * @param code the stable code: {@code conversion.lead_not_found},
 *     {@code conversion.customer_not_found}, {@code conversion.pipeline_not_found},
 *     {@code conversion.customer_invalid}, {@code conversion.opportunity_invalid},
 *     {@code sales.opportunity_not_found} or {@code sales.pipeline_not_found}
 * @param message what happened, for people
 * @param violations the violations of the customer or opportunity input, otherwise empty
 */
public record ConversionRefusal(String code, String message, Seq<Violation> violations)
    implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ConversionRefusal {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(violations, "violations");
  }
}
