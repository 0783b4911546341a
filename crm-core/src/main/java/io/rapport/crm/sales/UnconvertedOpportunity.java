package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ConversionProblem;
import io.rapport.crm.kernel.OpportunityId;

/**
 * Names an opportunity a report left out because its amount could not be converted into the
 * report currency: no rate for its currency applies on the rate date. Reports list these rather
 * than drop them silently. Immutable and thread-safe.
 *
 * @param opportunity the opportunity left out
 * @param problem why: {@code rates.missing}, with the pair and the day
 */
public record UnconvertedOpportunity(OpportunityId opportunity, ConversionProblem problem) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public UnconvertedOpportunity {
    requireNonNull(opportunity, "opportunity");
    requireNonNull(problem, "problem");
  }
}
