package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.Rejection;
import io.rapport.crm.kernel.Transition;
import io.vavr.control.Either;

/**
 * Wins a deal and records its purchase together, so that no deal is won without the sale it made
 * and no purchase claims a deal that is still open. Pure and thread-safe.
 */
public final class DealClosing {

  private DealClosing() {}

  /**
   * Both halves of a won deal: the opportunity, now won, and the purchase it recorded. Store them
   * in one transaction. Immutable and thread-safe.
   *
   * @param opportunity the opportunity's transition, with {@link OpportunityWon}
   * @param purchase the purchase's transition, with {@link PurchaseEvent.PurchaseRecorded}
   */
  public record Won(Transition<Opportunity> opportunity, Transition<Purchase> purchase) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public Won {
      requireNonNull(opportunity, "opportunity");
      requireNonNull(purchase, "purchase");
    }
  }

  /**
   * Wins the opportunity under its pipeline's rules ({@link Opportunity#win}) and records the
   * purchase for its customer ({@link Purchase#forWonOpportunity}) with the payment terms, such
   * as {@link PaymentTerms#PREPAID} for "100 % prepayment before delivery". The opportunity's event
   * carries the stamp; the purchase's carries {@code stamp.next(1)}.
   *
   * @param deal the open opportunity
   * @param pipeline its pipeline
   * @param purchaseId the new purchase's id
   * @param terms the payment terms agreed
   * @param channel where it was sold, such as {@code store} or {@code call-center}
   * @param stamp the event's id, time and actor
   * @return both transitions, or the first refusal: the opportunity's (a transition not allowed,
   *     failing guards, {@code opportunity.win.line_items_required} …) or the purchase's
   *     ({@code purchase.channel.malformed})
   * @throws NullPointerException if an argument is null
   */
  public static Either<Rejection, Won> win(Opportunity deal, Pipeline pipeline,
      PurchaseId purchaseId, PaymentTerms terms, String channel, EventStamp stamp) {
    requireNonNull(deal, "deal");
    requireNonNull(pipeline, "pipeline");
    requireNonNull(purchaseId, "purchaseId");
    requireNonNull(terms, "terms");
    requireNonNull(channel, "channel");
    requireNonNull(stamp, "stamp");
    return deal.win(purchaseId, pipeline, stamp).<Rejection>mapLeft(refusal -> refusal)
        .flatMap(won -> Purchase.forWonOpportunity(won.state(), terms, channel, stamp.next(1))
            .<Rejection>mapLeft(refusal -> refusal)
            .map(recorded -> new Won(won, recorded)));
  }
}
