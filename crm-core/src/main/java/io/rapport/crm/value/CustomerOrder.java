package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import java.time.Instant;

/**
 * Records one order as the KPIs read it: who bought, when, and for how much. Immutable and
 * thread-safe.
 *
 * @param customer the customer's key, not blank
 * @param at when the order was placed
 * @param amount the order's amount, zero or more (refunds are not orders)
 */
public record CustomerOrder(String customer, Instant at, Money amount) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws InvalidValueException with every broken rule: {@code value.kpi.customer_blank}
   *     (customer), {@code value.kpi.amount_negative} (amount)
   */
  public CustomerOrder {
    requireNonNull(customer, "customer");
    requireNonNull(at, "at");
    requireNonNull(amount, "amount");
    List<Violation> problems = List.empty();
    if (customer.isBlank()) {
      problems = problems.append(Violation.of("value.kpi.customer_blank", "customer",
          "The customer key must not be blank"));
    }
    if (amount.isNegative()) {
      problems = problems.append(Violation.of("value.kpi.amount_negative", "amount",
          "An order's amount is zero or more, but got " + amount));
    }
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }
}
