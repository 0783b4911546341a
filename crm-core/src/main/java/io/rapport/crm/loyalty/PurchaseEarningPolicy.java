package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.RecordRef;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.sales.PurchaseEvent;
import io.rapport.crm.sales.PurchaseEvent.PaymentRecorded;
import io.rapport.crm.sales.PurchaseEvent.PurchaseDelivered;
import io.rapport.crm.sales.PurchaseEvent.PurchaseRecorded;
import io.rapport.crm.sales.PurchaseEvent.PurchaseRefunded;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Decides what a purchase event means for the customer's loyalty account: the event the program
 * earns on (the purchase recorded, fully paid, or delivered: see {@link EarnOn}) earns for the
 * purchase's lines; a refund reverses its share of the purchase; the first earning purchase of a
 * referred customer completes the referral. A pure function from an event and the purchase to
 * {@link LoyaltyCommand}s, as DESIGN.md's "How the parts meet" describes policies. Immutable and
 * thread-safe if the categories function is.
 *
 * <p>The purchase passed with an event is the purchase <em>after</em> that event, as the store's
 * unit of work holds it when it dispatches the event.
 *
 * <p>Refund shares: the activity earned on the purchase's {@link Purchase#total() total} (the sum
 * of its lines' amounts net of their discounts), so a refund reverses {@code refund / total}.
 * Shares are computed from the cumulative refunds, rounded down at {@value #SHARE_SCALE}
 * decimals: {@code share = floor(refundedAfter / total) - floor(refundedBefore / total)}, so the
 * shares of one purchase add up exactly to its refunded fraction (rounded down) and never exceed
 * 1; a refund whose share rounds to 0 reverses nothing.
 */
public final class PurchaseEarningPolicy {

  /** The number of decimals of a reversed share. */
  public static final int SHARE_SCALE = 10;

  /** Names the purchase event the program earns on. */
  public enum EarnOn {
    /** Earns when the purchase is recorded ({@link PurchaseRecorded}). */
    RECORDED,
    /** Earns on the payment that makes the purchase fully paid ({@link PaymentRecorded}). */
    PAID,
    /** Earns when the purchase is delivered ({@link PurchaseDelivered}). */
    DELIVERED
  }

  private final EarnOn earnOn;
  private final Function<ProductId, Set<String>> categories;

  private PurchaseEarningPolicy(EarnOn earnOn, Function<ProductId, Set<String>> categories) {
    this.earnOn = earnOn;
    this.categories = categories;
  }

  /**
   * Returns a policy.
   *
   * @param earnOn the event the program earns on
   * @param categories the host's catalogue: the categories of a product, for earn rule filters;
   *     never null
   * @return the policy
   * @throws NullPointerException if an argument is null
   */
  public static PurchaseEarningPolicy of(EarnOn earnOn,
      Function<ProductId, Set<String>> categories) {
    requireNonNull(earnOn, "earnOn");
    requireNonNull(categories, "categories");
    return new PurchaseEarningPolicy(earnOn, categories);
  }

  /** Returns the event the program earns on. */
  public EarnOn earnOn() {
    return earnOn;
  }

  /**
   * Decides the commands for a purchase event, not knowing whether it is the customer's first
   * purchase (so never completing a referral).
   *
   * @param event the event
   * @param purchase the purchase after the event
   * @return the commands, possibly none
   * @throws NullPointerException if an argument is null, or the categories function answers null
   * @throws InvalidValueException if the purchase is not the event's
   *     ({@code loyalty.purchase_policy.purchase_mismatch}) or does not hold a refunded amount
   *     ({@code loyalty.purchase_policy.refund_not_recorded})
   */
  public Seq<LoyaltyCommand> decide(PurchaseEvent event, Purchase purchase) {
    return decide(event, purchase, false);
  }

  /**
   * Decides the commands for a purchase event: for the earning event, {@link LoyaltyCommand.Earn}
   * with the purchase's {@link #activity activity}, then, if refunds came before it,
   * {@link LoyaltyCommand.Reverse} of their share, then, if the caller says this is the
   * customer's first purchase, {@link LoyaltyCommand.CompleteReferral}; for a
   * {@link PurchaseRefunded} once the purchase has earned, {@link LoyaltyCommand.Reverse} of the
   * refund's share; for anything else, nothing.
   *
   * @param event the event
   * @param purchase the purchase after the event
   * @param firstPurchase whether the purchase is the customer's first earning purchase, which
   *     only the host's records tell; used only with the earning event
   * @return the commands, possibly none
   * @throws NullPointerException if an argument is null, or the categories function answers null
   * @throws InvalidValueException if the purchase is not the event's
   *     ({@code loyalty.purchase_policy.purchase_mismatch}) or does not hold a refunded amount
   *     ({@code loyalty.purchase_policy.refund_not_recorded})
   */
  public Seq<LoyaltyCommand> decide(PurchaseEvent event, Purchase purchase,
      boolean firstPurchase) {
    requireNonNull(event, "event");
    requireNonNull(purchase, "purchase");
    if (!event.purchaseId().equals(purchase.id())) {
      throw new InvalidValueException(List.of(Violation.of(
          "loyalty.purchase_policy.purchase_mismatch", "purchase", "The event is about purchase "
              + event.purchaseId() + ", not " + purchase.id())));
    }
    CustomerId customer = event.customer();
    RecordRef source = RecordRef.to(purchase.id());
    if (isEarningEvent(event, purchase)) {
      List<LoyaltyCommand> commands = List.of(new LoyaltyCommand.Earn(customer,
          activity(purchase)));
      BigDecimal refunded = fraction(purchase.refunded(), purchase.total());
      if (refunded.signum() > 0) {
        commands = commands.append(new LoyaltyCommand.Reverse(customer, source, refunded));
      }
      return firstPurchase ? commands.append(new LoyaltyCommand.CompleteReferral(customer))
          : commands;
    }
    if (event instanceof PurchaseRefunded refund && hasEarned(purchase)) {
      Money before = purchase.refunded().minus(refund.amount());
      if (before.isNegative()) {
        throw new InvalidValueException(List.of(Violation.of(
            "loyalty.purchase_policy.refund_not_recorded", "purchase", "Purchase "
                + purchase.id() + " has " + purchase.refunded() + " refunded, less than the "
                + refund.amount() + " of this refund: pass the purchase after the event")));
      }
      BigDecimal share = fraction(purchase.refunded(), purchase.total())
          .subtract(fraction(before, purchase.total()));
      return share.signum() > 0 ? List.of(new LoyaltyCommand.Reverse(customer, source, share))
          : List.empty();
    }
    return List.empty();
  }

  /**
   * Returns what a purchase earns on: source {@code RecordRef.to(purchase.id())}, at the time of
   * purchase, in its channel, one line per line item with the product, its categories, the
   * quantity's value as units and the line's amount net of its discount
   * ({@link LineItem#total()}).
   *
   * @param purchase the purchase
   * @return the activity
   * @throws NullPointerException if purchase is null, or the categories function answers null
   */
  public EarnActivity.PurchaseActivity activity(Purchase purchase) {
    requireNonNull(purchase, "purchase");
    Seq<ActivityLine> lines = purchase.lines().map(line -> new ActivityLine(line.product(),
        requireNonNull(categories.apply(line.product()), "categories of " + line.product()),
        line.quantity().amount(), line.total()));
    return new EarnActivity.PurchaseActivity(RecordRef.to(purchase.id()),
        purchase.purchasedAt(), purchase.channel(), lines);
  }

  /**
   * Tells whether a purchase, in its current state, has passed the event the program earns on:
   * always when earning on {@link EarnOn#RECORDED}, once paid in full (refunds aside) when
   * earning on {@link EarnOn#PAID}, once delivered when earning on {@link EarnOn#DELIVERED}.
   *
   * @param purchase the purchase
   * @return whether it has earned
   * @throws NullPointerException if purchase is null
   */
  public boolean hasEarned(Purchase purchase) {
    requireNonNull(purchase, "purchase");
    switch (earnOn) {
      case RECORDED:
        return true;
      case PAID:
        return purchase.paid().compareTo(purchase.total()) >= 0;
      default:
        return purchase.isDelivered();
    }
  }

  private boolean isEarningEvent(PurchaseEvent event, Purchase purchase) {
    switch (earnOn) {
      case RECORDED:
        return event instanceof PurchaseRecorded;
      case PAID:
        return event instanceof PaymentRecorded payment
            && purchase.paid().compareTo(purchase.total()) >= 0
            && purchase.paid().minus(payment.amount()).isLessThan(purchase.total());
      default:
        return event instanceof PurchaseDelivered;
    }
  }

  /** Returns part / whole rounded down at the share scale, at most 1; 0 for a zero whole. */
  private static BigDecimal fraction(Money part, Money whole) {
    if (!whole.isPositive()) {
      return BigDecimal.ZERO;
    }
    BigDecimal ratio = part.amount().divide(whole.amount(), SHARE_SCALE, RoundingMode.DOWN);
    return ratio.min(BigDecimal.ONE.setScale(SHARE_SCALE));
  }

  @Override
  public String toString() {
    return "PurchaseEarningPolicy[earnOn=" + earnOn + "]";
  }
}
