package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.customer.Customer;
import io.rapport.crm.customer.MatchResult;
import io.rapport.crm.sales.Lead;
import io.rapport.crm.sales.Opportunity;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Reports what a lead conversion stored: the converted lead, the customer it became or was linked
 * to, the duplicate match that linked it (or the candidates that were too weak to), and the
 * opportunity opened. Immutable and thread-safe.
 *
 * @param lead the lead, now converted
 * @param customer the customer as stored after the conversion
 * @param existingCustomer whether the customer existed before
 * @param match the duplicate match the lead was linked by; empty for a new customer or a customer
 *     the caller chose
 * @param candidates the duplicate candidates found, best first, including the one linked to;
 *     those below the linking threshold are worth a person's look
 * @param opportunity the opportunity opened, if one was asked for
 */
public record LeadConversionResult(Lead lead, Customer customer, boolean existingCustomer,
    Option<MatchResult> match, Seq<MatchResult> candidates, Option<Opportunity> opportunity) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public LeadConversionResult {
    requireNonNull(lead, "lead");
    requireNonNull(customer, "customer");
    requireNonNull(match, "match");
    requireNonNull(candidates, "candidates");
    requireNonNull(opportunity, "opportunity");
  }
}
