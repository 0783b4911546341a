package io.rapport.crm.persistence.service;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Says why a {@link ServiceDesk} operation changed nothing, when no ticket's own rejection says
 * it: a record that is not stored, input a new ticket cannot take, or stored SLA policies that do
 * not form a valid book. Immutable and thread-safe.
 *
 * @param code the stable code: {@code service.ticket_not_found},
 *     {@code service.customer_not_found}, {@code service.article_not_found},
 *     {@code service.article_not_live}, {@code service.ticket_invalid},
 *     {@code service.sla_policies_invalid}
 * @param message what happened, for people
 * @param violations the violations of the input or of the policies, otherwise empty
 */
public record ServiceRefusal(String code, String message, Seq<Violation> violations)
    implements Rejection {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or a violation is null
   */
  public ServiceRefusal {
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(violations, "violations");
    violations.forEach(value -> requireNonNull(value, "violations"));
  }

  static ServiceRefusal of(String code, String message) {
    return new ServiceRefusal(code, message, List.empty());
  }
}
