package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Records a sale to a customer: what was bought, for how much, on what payment terms, what has
 * been paid and refunded, and whether it was delivered. Winning an opportunity records one; stores
 * and imports record them too. Loyalty and customer value read them. Immutable and thread-safe.
 *
 * @param id the purchase's id
 * @param customer who bought
 * @param opportunity the opportunity it closed, or empty
 * @param channel where it was sold, such as {@code store} or {@code call-center}
 * @param lines what was bought, at least one line
 * @param total the sum of the lines' totals
 * @param terms the payment terms
 * @param purchasedAt when it was bought
 * @param recordedBy who recorded it
 * @param payments money received, oldest first
 * @param refunds money given back, oldest first
 * @param deliveredAt when it was delivered, or empty
 * @param updatedAt when it last changed
 */
public record Purchase(PurchaseId id, CustomerId customer, Option<OpportunityId> opportunity,
    String channel, Seq<LineItem> lines, Money total, PaymentTerms terms, Instant purchasedAt,
    ActorId recordedBy, Seq<Payment> payments, Seq<Payment> refunds, Option<Instant> deliveredAt,
    Instant updatedAt) implements Aggregate<PurchaseId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   */
  public Purchase {
    requireNonNull(id, "id");
    requireNonNull(customer, "customer");
    requireNonNull(opportunity, "opportunity");
    requireNonNull(channel, "channel");
    requireNonNull(lines, "lines");
    requireNonNull(total, "total");
    requireNonNull(terms, "terms");
    requireNonNull(purchasedAt, "purchasedAt");
    requireNonNull(recordedBy, "recordedBy");
    requireNonNull(payments, "payments");
    requireNonNull(refunds, "refunds");
    requireNonNull(deliveredAt, "deliveredAt");
    requireNonNull(updatedAt, "updatedAt");
    opportunity.forEach(value -> requireNonNull(value, "opportunity"));
    deliveredAt.forEach(value -> requireNonNull(value, "deliveredAt"));
    lines.forEach(value -> requireNonNull(value, "lines element"));
    payments.forEach(value -> requireNonNull(value, "payments element"));
    refunds.forEach(value -> requireNonNull(value, "refunds element"));
  }
}
