package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.OpportunityId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records what a lead became when it was converted: the customer (new, or an existing one the
 * duplicate check found) and the opportunity opened, if any. Immutable and thread-safe.
 *
 * @param customer the customer the lead became or was linked to
 * @param existingCustomer whether that customer existed before (found as a duplicate)
 * @param opportunity the opportunity opened, or empty
 * @param at when it was converted
 * @param by who converted it
 */
public record Conversion(CustomerId customer, boolean existingCustomer,
    Option<OpportunityId> opportunity, Instant at, ActorId by) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Conversion {
    requireNonNull(customer, "customer");
    requireNonNull(opportunity, "opportunity");
    requireNonNull(at, "at");
    requireNonNull(by, "by");
    opportunity.forEach(value -> requireNonNull(value, "opportunity"));
  }
}
