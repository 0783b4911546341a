package io.rapport.crm.persistence.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PipelineId;
import io.rapport.crm.sales.OpportunityDraft;
import io.vavr.control.Option;
import java.util.function.Function;

/**
 * Says what a lead conversion should make: which customer (a new one unless the duplicate check
 * finds the lead's customer, or one a person chose) and, optionally, which opportunity to open
 * for them. Immutable and thread-safe when the opportunity function is.
 *
 * <pre>{@code
 * LeadConversionRequest request = LeadConversionRequest.newOrMatching(CustomerId.parse("C-981"))
 *     .withOpportunity(OpportunityId.parse("O-77"), PipelineId.parse("retail"),
 *         customer -> OpportunityDraft.of("Dining set", customer, owner, "CNY"));
 * }</pre>
 */
public final class LeadConversionRequest {

  private final CustomerId customer;
  private final boolean chosen;
  private final Option<OpportunityId> opportunity;
  private final Option<PipelineId> pipeline;
  private final Option<Function<CustomerId, OpportunityDraft>> draft;

  private LeadConversionRequest(CustomerId customer, boolean chosen,
      Option<OpportunityId> opportunity, Option<PipelineId> pipeline,
      Option<Function<CustomerId, OpportunityDraft>> draft) {
    this.customer = customer;
    this.chosen = chosen;
    this.opportunity = opportunity;
    this.pipeline = pipeline;
    this.draft = draft;
  }

  /**
   * Asks for the duplicate check: link to the best match at or above the linking threshold, or
   * register a new customer with the given id.
   *
   * @param newCustomer the id for a new customer, from the host's id generator
   * @return the request
   * @throws NullPointerException if newCustomer is null
   */
  public static LeadConversionRequest newOrMatching(CustomerId newCustomer) {
    return new LeadConversionRequest(requireNonNull(newCustomer, "newCustomer"), false,
        Option.none(), Option.none(), Option.none());
  }

  /**
   * Asks to link the lead to a customer a person chose (for example from the candidates an
   * earlier check listed), without a duplicate check.
   *
   * @param existing the stored customer
   * @return the request
   * @throws NullPointerException if existing is null
   */
  public static LeadConversionRequest into(CustomerId existing) {
    return new LeadConversionRequest(requireNonNull(existing, "existing"), true, Option.none(),
        Option.none(), Option.none());
  }

  /**
   * Returns this request also opening an opportunity in a pipeline, drafted for the customer the
   * conversion lands on; the draft's lead is set to the converted lead.
   *
   * @param id the new opportunity's id
   * @param pipelineId the stored pipeline to open it in
   * @param drafted makes the draft for the customer's id
   * @return the request
   * @throws NullPointerException if an argument is null
   */
  public LeadConversionRequest withOpportunity(OpportunityId id, PipelineId pipelineId,
      Function<CustomerId, OpportunityDraft> drafted) {
    return new LeadConversionRequest(customer, chosen, Option.of(requireNonNull(id, "id")),
        Option.of(requireNonNull(pipelineId, "pipelineId")),
        Option.of(requireNonNull(drafted, "drafted")));
  }

  /** Returns the new customer's id, or the chosen customer's. */
  public CustomerId customer() {
    return customer;
  }

  /** Tells whether a person chose the customer (no duplicate check). */
  public boolean chosen() {
    return chosen;
  }

  /** Returns the opportunity's id, if one is to be opened. */
  public Option<OpportunityId> opportunity() {
    return opportunity;
  }

  /** Returns the pipeline to open the opportunity in, if one is to be opened. */
  public Option<PipelineId> pipeline() {
    return pipeline;
  }

  /** Returns how to draft the opportunity, if one is to be opened. */
  public Option<Function<CustomerId, OpportunityDraft>> draft() {
    return draft;
  }
}
