package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.QuoteId;
import io.vavr.control.Option;

/**
 * States that a quote was attached to an opportunity. Immutable and thread-safe.
 *
 * @param stamp the command's id, time and actor
 * @param opportunityId the opportunity
 * @param quote the quote
 * @param previous the quote attached before, or empty
 */
public record OpportunityQuoteAttached(EventStamp stamp, OpportunityId opportunityId, QuoteId quote,
    Option<QuoteId> previous)
    implements OpportunityEvent {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public OpportunityQuoteAttached {
    requireNonNull(stamp, "stamp");
    requireNonNull(opportunityId, "opportunityId");
    requireNonNull(quote, "quote");
    requireNonNull(previous, "previous");
    previous.forEach(value -> requireNonNull(value, "previous"));
  }
}
