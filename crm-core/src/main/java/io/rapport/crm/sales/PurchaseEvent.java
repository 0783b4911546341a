package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.StampedEvent;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * States a fact about a {@link Purchase}: one event per accepted command. Every event names the
 * customer, so loyalty and customer value policies can react without loading the purchase.
 * Events carry no payment references or other free text.
 */
public sealed interface PurchaseEvent extends StampedEvent {

  /** Returns the id of the purchase the event happened to. */
  PurchaseId purchaseId();

  /** Returns the customer who bought. */
  CustomerId customer();

  /** Returns the purchase's id. */
  @Override
  default PurchaseId aggregateId() {
    return purchaseId();
  }

  /**
   * States that a purchase was recorded. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param purchaseId the purchase
   * @param customer who bought
   * @param opportunity the opportunity it closed, or empty
   * @param channel where it was sold
   * @param total the sum of its lines
   * @param purchasedAt when it was bought, possibly before the event for an import
   */
  record PurchaseRecorded(EventStamp stamp, PurchaseId purchaseId, CustomerId customer,
      Option<OpportunityId> opportunity, String channel, Money total, Instant purchasedAt)
      implements PurchaseEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PurchaseRecorded {
      requireNonNull(stamp, "stamp");
      requireNonNull(purchaseId, "purchaseId");
      requireNonNull(customer, "customer");
      requireNonNull(opportunity, "opportunity");
      requireNonNull(channel, "channel");
      requireNonNull(total, "total");
      requireNonNull(purchasedAt, "purchasedAt");
    }
  }

  /**
   * States that money was received for a purchase. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param purchaseId the purchase
   * @param customer who bought
   * @param amount how much was received
   * @param status the payment status after it
   */
  record PaymentRecorded(EventStamp stamp, PurchaseId purchaseId, CustomerId customer,
      Money amount, PaymentStatus status) implements PurchaseEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PaymentRecorded {
      requireNonNull(stamp, "stamp");
      requireNonNull(purchaseId, "purchaseId");
      requireNonNull(customer, "customer");
      requireNonNull(amount, "amount");
      requireNonNull(status, "status");
    }
  }

  /**
   * States that money was given back from a purchase. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param purchaseId the purchase
   * @param customer who bought
   * @param amount how much was given back
   * @param status the payment status after it
   */
  record PurchaseRefunded(EventStamp stamp, PurchaseId purchaseId, CustomerId customer,
      Money amount, PaymentStatus status) implements PurchaseEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PurchaseRefunded {
      requireNonNull(stamp, "stamp");
      requireNonNull(purchaseId, "purchaseId");
      requireNonNull(customer, "customer");
      requireNonNull(amount, "amount");
      requireNonNull(status, "status");
    }
  }

  /**
   * States that a purchase was delivered. Immutable and thread-safe.
   *
   * @param stamp the command's id, time and actor
   * @param purchaseId the purchase
   * @param customer who bought
   */
  record PurchaseDelivered(EventStamp stamp, PurchaseId purchaseId, CustomerId customer)
      implements PurchaseEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PurchaseDelivered {
      requireNonNull(stamp, "stamp");
      requireNonNull(purchaseId, "purchaseId");
      requireNonNull(customer, "customer");
    }
  }

  /**
   * States that a purchase now belongs to another customer, as when two customers merge (and back
   * when the merge is undone). Immutable and thread-safe.
   *
   * @param stamp the event's id, time and actor
   * @param purchaseId the purchase
   * @param customer the customer it belongs to now
   * @param previous the customer it belonged to before
   */
  record PurchaseTransferred(EventStamp stamp, PurchaseId purchaseId, CustomerId customer,
      CustomerId previous) implements PurchaseEvent {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public PurchaseTransferred {
      requireNonNull(stamp, "stamp");
      requireNonNull(purchaseId, "purchaseId");
      requireNonNull(customer, "customer");
      requireNonNull(previous, "previous");
    }
  }
}
