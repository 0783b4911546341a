package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ActorId;
import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.EventStamp;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.OpportunityId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.Transition;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.sales.PurchaseEvent.PaymentRecorded;
import io.rapport.crm.sales.PurchaseEvent.PurchaseDelivered;
import io.rapport.crm.sales.PurchaseEvent.PurchaseRecorded;
import io.rapport.crm.sales.PurchaseEvent.PurchaseRefunded;
import io.rapport.crm.sales.PurchaseEvent.PurchaseTransferred;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/**
 * Records a sale to a customer: what was bought, for how much, on what payment terms, what has
 * been paid and refunded, and whether it was delivered. Winning an opportunity records one; stores
 * and imports record them too. Loyalty and customer value read them. Immutable and thread-safe.
 *
 * <p>{@link #record(PurchaseId, PurchaseDraft, EventStamp) record} checks outside input and
 * reports every problem at once; {@link #forWonOpportunity forWonOpportunity} records the
 * purchase a won opportunity made. The commands {@link #recordPayment recordPayment},
 * {@link #refund refund} and {@link #deliver deliver} take an {@link EventStamp} and answer
 * {@code Either<PurchaseRejection, Transition<Purchase>>} with exactly one {@link PurchaseEvent};
 * none may be dated before the purchase's last change ({@code purchase.out_of_order}). Payments
 * never exceed the total, refunds never exceed the payments, and delivery waits for the
 * prepayment the terms require.
 *
 * @param id the purchase's id
 * @param customer who bought
 * @param opportunity the opportunity it closed, or empty
 * @param channel where it was sold, such as {@code store} or {@code call-center}: lower-case
 *     letters, digits and {@code . _ -}, at most 64 characters
 * @param lines what was bought, at least one line, all priced in the total's currency
 * @param total the sum of the lines' totals
 * @param terms the payment terms
 * @param purchasedAt when it was bought
 * @param recordedBy who recorded it
 * @param payments money received, oldest first, none before the purchase
 * @param refunds money given back, oldest first, none before the purchase, in all not more than
 *     the payments
 * @param deliveredAt when it was delivered, or empty; not before the purchase
 * @param updatedAt when it last changed: not before the purchase, any payment or refund, or the
 *     delivery
 */
public record Purchase(PurchaseId id, CustomerId customer, Option<OpportunityId> opportunity,
    String channel, Seq<LineItem> lines, Money total, PaymentTerms terms, Instant purchasedAt,
    ActorId recordedBy, Seq<Payment> payments, Seq<Payment> refunds, Option<Instant> deliveredAt,
    Instant updatedAt) implements Aggregate<PurchaseId> {

  /** The longest line description, in characters. */
  public static final int MAX_LINE_DESCRIPTION = 500;

  /**
   * Checks the components and the invariants.
   *
   * @throws NullPointerException if a component, an element or an optional value is null
   * @throws InvalidValueException with every broken invariant: {@code purchase.channel.malformed},
   *     {@code purchase.lines.empty}, {@code purchase.lines.currency_mismatch} (a line priced in
   *     another currency than the total), {@code purchase.lines.unit_mismatch} (a quantity the
   *     price's unit cannot measure), {@code purchase.total.mismatch} (the total is not the sum of
   *     the lines), {@code purchase.payments.currency_mismatch},
   *     {@code purchase.refunds.currency_mismatch}, {@code purchase.payments.out_of_order},
   *     {@code purchase.refunds.out_of_order} (before the purchase or before the previous one),
   *     {@code purchase.refunds.exceed_payments}, {@code purchase.delivered_at.before_purchase},
   *     {@code purchase.updated_at.too_early} (before the purchase, a payment, a refund or the
   *     delivery)
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
    LeadChecks.orThrow(invariants(channel, lines, total, purchasedAt, payments, refunds,
        deliveredAt, updatedAt));
  }

  /**
   * Returns this purchase without free text that may name its customer, for the customer's
   * erasure: line descriptions and payment and refund references are removed. Kept for analytics:
   * products, quantities, prices, totals, terms, channel, payments' amounts and times. Redacting a
   * redacted purchase answers it unchanged.
   *
   * @param at when the redaction happens; the update time moves to it unless later
   * @return the redacted purchase, or this purchase if it holds no such text
   * @throws NullPointerException if at is null
   */
  public Purchase redacted(Instant at) {
    requireNonNull(at, "at");
    Seq<LineItem> plainLines = lines.map(l -> l.description().isEmpty() ? l
        : new LineItem(l.product(), Option.none(), l.quantity(), l.unitPrice(), l.discount()));
    Seq<Payment> plainPayments = payments.map(Purchase::withoutReference);
    Seq<Payment> plainRefunds = refunds.map(Purchase::withoutReference);
    if (plainLines.equals(lines) && plainPayments.equals(payments)
        && plainRefunds.equals(refunds)) {
      return this;
    }
    return new Purchase(id, customer, opportunity, channel, plainLines, total, terms, purchasedAt,
        recordedBy, plainPayments, plainRefunds, deliveredAt,
        at.isAfter(updatedAt) ? at : updatedAt);
  }

  private static Payment withoutReference(Payment payment) {
    return payment.reference().isEmpty() ? payment
        : new Payment(payment.at(), payment.by(), payment.amount(), Option.none());
  }

  /**
   * Records a purchase from outside input, checking every part at once: the customer, the channel,
   * at least one line (product, quantity, unit price, discount), all lines in one currency, the
   * payment terms, and when it was bought (not after the stamp's time; earlier for an import). The
   * total is the sum of the lines' totals. Nothing is paid or delivered yet.
   *
   * <p>Violations (field in brackets): {@code purchase.customer.missing} and id violations
   * (customer); id violations (opportunity); {@code purchase.channel.malformed} (channel);
   * {@code purchase.lines.empty} (lines); for each line, id violations ({@code lines[i].product}),
   * quantity violations ({@code lines[i].quantity.amount}, {@code lines[i].quantity.unit}), unit
   * price violations ({@code lines[i].unitPrice.amount}, {@code .currency}, {@code .unit}),
   * {@code percentage.malformed} ({@code lines[i].discount}), {@code purchase.line.quantity.zero},
   * {@code purchase.line.unit_mismatch}, {@code purchase.line.discount.out_of_range},
   * {@code purchase.line.description.too_long}; {@code purchase.lines.currency_mismatch}
   * ({@code lines[i].unitPrice.currency}); {@code purchase.terms.missing} and term violations
   * ({@code terms.prepayment}, {@code terms.dueDays}); {@code purchase.purchased_at.in_future}
   * (purchasedAt).
   *
   * @param id the new purchase's id, from the host's id generator
   * @param draft the input
   * @param stamp the event's id, the time it is recorded and who records it
   * @return the purchase with a {@link PurchaseRecorded} event, or every violation
   * @throws NullPointerException if an argument is null
   */
  public static Validation<Seq<Violation>, Transition<Purchase>> record(PurchaseId id,
      PurchaseDraft draft, EventStamp stamp) {
    requireNonNull(id, "id");
    requireNonNull(draft, "draft");
    requireNonNull(stamp, "stamp");
    return draft.validate(id, stamp).map(purchase -> Transition.of(purchase, recorded(purchase,
        stamp)));
  }

  /**
   * Records the purchase a won opportunity made: its id is the one the opportunity names, the
   * lines are the opportunity's line items, the total its amount, and it was bought when the
   * opportunity closed. If that close lies after the stamp's time, the purchase's last change is
   * the close.
   *
   * @param won the won opportunity
   * @param terms the payment terms agreed
   * @param channel where it was sold, such as {@code store} or {@code call-center}: lower-case
 *     letters, digits and {@code . _ -}, at most 64 characters
   * @param stamp the event's id, the time it is recorded and who records it
   * @return the purchase with a {@link PurchaseRecorded} event, or
   *     {@code purchase.opportunity.not_won}, {@code purchase.opportunity.purchase_missing},
   *     {@code purchase.opportunity.lines_missing}, {@code purchase.channel.malformed}
   * @throws NullPointerException if an argument is null
   */
  public static Either<PurchaseRejection, Transition<Purchase>> forWonOpportunity(Opportunity won,
      PaymentTerms terms, String channel, EventStamp stamp) {
    requireNonNull(won, "won");
    requireNonNull(terms, "terms");
    requireNonNull(channel, "channel");
    requireNonNull(stamp, "stamp");
    String where = "opportunity " + won.id();
    if (won.status() != OpportunityStatus.WON || won.closedAt().isEmpty()) {
      return Either.left(new PurchaseRejection(PurchaseRejection.Reason.OPPORTUNITY_NOT_WON,
          won.purchase(), Option.none(), "Only a won opportunity records a purchase, but "
              + where + " is " + won.status()));
    }
    if (won.purchase().isEmpty()) {
      return Either.left(new PurchaseRejection(
          PurchaseRejection.Reason.OPPORTUNITY_WITHOUT_PURCHASE, Option.none(), Option.none(),
          "The won " + where + " names no purchase id"));
    }
    if (won.lineItems().isEmpty()) {
      return Either.left(new PurchaseRejection(PurchaseRejection.Reason.OPPORTUNITY_WITHOUT_LINES,
          won.purchase(), Option.none(), "A purchase lists what was bought, but the won "
              + where + " has no line items"));
    }
    if (!LeadChecks.CODE.matcher(channel).matches()) {
      return Either.left(new PurchaseRejection(PurchaseRejection.Reason.CHANNEL_MALFORMED,
          won.purchase(), Option.none(), "A sales channel is a code such as store or "
              + "call-center, but got " + LeadChecks.quote(channel)));
    }
    Instant closedAt = won.closedAt().get();
    Instant recordedAt = closedAt.isAfter(stamp.at()) ? closedAt : stamp.at();
    Purchase purchase = new Purchase(won.purchase().get(), won.customer(), Option.of(won.id()),
        channel, won.lineItems(), Money.sum(won.currency(), won.lineItems().map(LineItem::total)),
        terms, closedAt, stamp.by(), List.empty(), List.empty(), Option.none(), recordedAt);
    return Either.right(Transition.of(purchase, recorded(purchase, stamp)));
  }

  /**
   * Records money received, as of the stamp's time.
   *
   * @param amount how much, positive, in the purchase's currency, not more than the
   *     {@link #balanceDue() balance due}
   * @param reference a receipt or transfer number, or empty; not blank, at most
   *     {@value Payment#MAX_REFERENCE} characters; stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link PaymentRecorded}, or {@code purchase.amount.not_positive},
   *     {@code purchase.currency.mismatch}, {@code purchase.payment.reference.blank},
   *     {@code purchase.payment.reference.too_long}, {@code purchase.payment.exceeds_balance}
   *     (naming the balance due), {@code purchase.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<PurchaseRejection, Transition<Purchase>> recordPayment(Money amount,
      Option<String> reference, EventStamp stamp) {
    requireNonNull(amount, "amount");
    requireNonNull(reference, "reference");
    requireNonNull(stamp, "stamp");
    reference.forEach(value -> requireNonNull(value, "reference"));
    Option<String> text = reference.map(String::strip);
    Option<PurchaseRejection> refusal = movementRefusal(amount, text, stamp);
    if (refusal.isEmpty() && amount.isGreaterThan(balanceDue())) {
      refusal = Option.of(refusal(PurchaseRejection.Reason.PAYMENT_EXCEEDS_BALANCE,
          Option.of(balanceDue()), "A payment of " + amount + " exceeds the balance due of "
              + balanceDue() + " on purchase " + id));
    }
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    Purchase next = new Purchase(id, customer, opportunity, channel, lines, total, terms,
        purchasedAt, recordedBy, payments.append(new Payment(stamp.at(), stamp.by(), amount, text)),
        refunds, deliveredAt, stamp.at());
    return Either.right(Transition.of(next,
        new PaymentRecorded(stamp, id, customer, amount, next.paymentStatus())));
  }

  /**
   * Records money given back, as of the stamp's time. A refund lowers the
   * {@link #netTotal() net total} the purchase counts for; it does not reopen a balance.
   *
   * @param amount how much, positive, in the purchase's currency, not more than the
   *     {@link #netPaid() net paid}
   * @param reference a receipt or transfer number, or empty; not blank, at most
   *     {@value Payment#MAX_REFERENCE} characters; stripped of surrounding white space
   * @param stamp the event's id, time and actor
   * @return the new state with {@link PurchaseRefunded}, or {@code purchase.amount.not_positive},
   *     {@code purchase.currency.mismatch}, {@code purchase.payment.reference.blank},
   *     {@code purchase.payment.reference.too_long}, {@code purchase.refund.exceeds_net_paid}
   *     (naming the net paid), {@code purchase.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<PurchaseRejection, Transition<Purchase>> refund(Money amount,
      Option<String> reference, EventStamp stamp) {
    requireNonNull(amount, "amount");
    requireNonNull(reference, "reference");
    requireNonNull(stamp, "stamp");
    reference.forEach(value -> requireNonNull(value, "reference"));
    Option<String> text = reference.map(String::strip);
    Option<PurchaseRejection> refusal = movementRefusal(amount, text, stamp);
    if (refusal.isEmpty() && amount.isGreaterThan(netPaid())) {
      refusal = Option.of(refusal(PurchaseRejection.Reason.REFUND_EXCEEDS_NET_PAID,
          Option.of(netPaid()), "A refund of " + amount + " exceeds the " + netPaid()
              + " paid and not yet refunded on purchase " + id));
    }
    if (refusal.isDefined()) {
      return Either.left(refusal.get());
    }
    Purchase next = new Purchase(id, customer, opportunity, channel, lines, total, terms,
        purchasedAt, recordedBy, payments,
        refunds.append(new Payment(stamp.at(), stamp.by(), amount, text)), deliveredAt,
        stamp.at());
    return Either.right(Transition.of(next,
        new PurchaseRefunded(stamp, id, customer, amount, next.paymentStatus())));
  }

  /**
   * Moves the purchase to another customer, keeping everything else: for the survivor when two
   * customers merge, and back when the merge is undone. Delivered and refunded purchases move too,
   * so a customer's history follows them.
   *
   * @param newCustomer the customer it belongs to from now on
   * @param stamp the event's id, time and actor
   * @return the new state with {@link PurchaseTransferred}, or
   *     {@code purchase.customer.unchanged}, {@code purchase.out_of_order}
   * @throws NullPointerException if an argument is null
   */
  public Either<PurchaseRejection, Transition<Purchase>> transferTo(CustomerId newCustomer,
      EventStamp stamp) {
    requireNonNull(newCustomer, "newCustomer");
    requireNonNull(stamp, "stamp");
    if (newCustomer.equals(customer)) {
      return Either.left(refusal(PurchaseRejection.Reason.CUSTOMER_UNCHANGED, Option.none(),
          "Purchase " + id + " already belongs to " + customer));
    }
    if (stamp.at().isBefore(updatedAt)) {
      return Either.left(outOfOrder());
    }
    Purchase next = new Purchase(id, newCustomer, opportunity, channel, lines, total, terms,
        purchasedAt, recordedBy, payments, refunds, deliveredAt, stamp.at());
    return Either.right(Transition.of(next,
        new PurchaseTransferred(stamp, id, newCustomer, customer)));
  }

  /**
   * Records the delivery, as of the stamp's time. Refused while the share due before delivery is
   * not paid: with 100 % prepayment, nothing leaves the store a cent short.
   *
   * @param stamp the event's id, time and actor
   * @return the new state with {@link PurchaseDelivered}, or
   *     {@code purchase.delivery.already_delivered}, {@code purchase.delivery.prepayment_required}
   *     (naming the {@link #prepaymentOutstanding() amount still due before delivery}),
   *     {@code purchase.out_of_order}
   * @throws NullPointerException if stamp is null
   */
  public Either<PurchaseRejection, Transition<Purchase>> deliver(EventStamp stamp) {
    requireNonNull(stamp, "stamp");
    if (deliveredAt.isDefined()) {
      return Either.left(refusal(PurchaseRejection.Reason.ALREADY_DELIVERED, Option.none(),
          "Purchase " + id + " was delivered at " + deliveredAt.get()));
    }
    Money outstanding = prepaymentOutstanding();
    if (outstanding.isPositive()) {
      return Either.left(refusal(PurchaseRejection.Reason.PREPAYMENT_REQUIRED,
          Option.of(outstanding), "Purchase " + id + " needs " + prepaymentRequired()
              + " (" + terms.prepayment() + " of " + total + ") paid before delivery; "
              + outstanding + " is still due"));
    }
    if (stamp.at().isBefore(updatedAt)) {
      return Either.left(outOfOrder());
    }
    Purchase next = new Purchase(id, customer, opportunity, channel, lines, total, terms,
        purchasedAt, recordedBy, payments, refunds, Option.of(stamp.at()), stamp.at());
    return Either.right(Transition.of(next, new PurchaseDelivered(stamp, id, customer)));
  }

  /** Returns the currency of the purchase: its total's. */
  public Currency currency() {
    return total.currency();
  }

  /** Returns the money received, before refunds. */
  public Money paid() {
    return Money.sum(currency(), payments.map(Payment::amount));
  }

  /** Returns the money given back. */
  public Money refunded() {
    return Money.sum(currency(), refunds.map(Payment::amount));
  }

  /** Returns the money received and kept: paid less refunded, never negative. */
  public Money netPaid() {
    return paid().minus(refunded());
  }

  /**
   * Returns what the customer still owes: the total less what was paid, or zero. Refunds do not
   * add to it: they lower what the purchase is worth ({@link #netTotal()}), not what was owed.
   */
  public Money balanceDue() {
    return atLeastZero(total.minus(paid()));
  }

  /** Returns the total less refunds: what the purchase counts for in loyalty and customer value. */
  public Money netTotal() {
    return total.minus(refunded());
  }

  /** Returns how far the purchase is paid, by the rules on {@link PaymentStatus}. */
  public PaymentStatus paymentStatus() {
    Money paid = paid();
    if (!refunds.isEmpty()) {
      return netPaid().isZero() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }
    if (paid.compareTo(total) >= 0) {
      return PaymentStatus.PAID;
    }
    return paid.isZero() ? PaymentStatus.UNPAID : PaymentStatus.PARTIALLY_PAID;
  }

  /**
   * Returns the amount to be paid before delivery: the terms' prepayment share of the total,
   * rounded up to the minor unit, so 30 % of {@code CNY 100.01} is {@code CNY 30.01}: a customer
   * never takes delivery a fraction of a cent short.
   */
  public Money prepaymentRequired() {
    return terms.prepayment().of(total, RoundingMode.UP);
  }

  /**
   * Returns what must still be paid before delivery: the required prepayment less the net paid,
   * or zero. Money refunded before delivery counts against it: money given back is not held.
   */
  public Money prepaymentOutstanding() {
    return atLeastZero(prepaymentRequired().minus(netPaid()));
  }

  /** Tells whether the purchase may be delivered now: not yet delivered, prepayment paid. */
  public boolean mayDeliver() {
    return deliveredAt.isEmpty() && prepaymentOutstanding().isZero();
  }

  /** Tells whether the purchase was delivered. */
  public boolean isDelivered() {
    return deliveredAt.isDefined();
  }

  /** Returns when everything is due: the terms' due days after the purchase, as 24-hour days. */
  public Instant dueAt() {
    return purchasedAt.plus(Duration.ofDays(terms.dueDays()));
  }

  /**
   * Tells whether payment is overdue at an instant: a balance is still due and the instant is
   * after {@link #dueAt()}.
   *
   * @param at the instant to judge at
   * @return true if overdue
   * @throws NullPointerException if at is null
   */
  public boolean isOverdue(Instant at) {
    requireNonNull(at, "at");
    return balanceDue().isPositive() && at.isAfter(dueAt());
  }

  /**
   * Returns what the customer's timeline shows of this purchase ({@code purchase}, at the time of
   * purchase): the total, the number of items, the channel and the payment status.
   */
  public io.rapport.crm.customer.TimelineEntry timelineEntry() {
    return new io.rapport.crm.customer.TimelineEntry(purchasedAt,
        io.rapport.crm.kernel.RecordRef.to(id), "purchase", "Purchase of " + total + ", "
            + itemCount() + (itemCount() == 1 ? " item" : " items") + ", " + channel + ", "
            + paymentStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        Option.none());
  }

  /**
   * Counts the items bought: the pieces of every line counted in pieces, plus one for every line
   * sold by a measure such as weight (12.5 jin of rosewood is one item). Saturates at
   * {@link Long#MAX_VALUE}.
   */
  public long itemCount() {
    long count = 0;
    for (LineItem line : lines) {
      long items = line.quantity().unit().dimension() == QuantityUnit.Dimension.COUNT
          ? saturated(line.quantity().amount()) : 1;
      count = count > Long.MAX_VALUE - items ? Long.MAX_VALUE : count + items;
    }
    return count;
  }

  /** Returns the broken rules of one line, with fields relative to the line. */
  static List<Violation> lineProblems(LineItem line) {
    List<Violation> problems = List.empty();
    if (line.quantity().isZero()) {
      problems = problems.append(Violation.of("purchase.line.quantity.zero", "quantity",
          "A line buys some quantity, not zero"));
    }
    if (!line.unitPrice().unit().isConvertibleTo(line.quantity().unit())) {
      problems = problems.append(Violation.of("purchase.line.unit_mismatch", "quantity.unit",
          "A price per " + line.unitPrice().unit().symbol() + " cannot price a quantity in "
              + line.quantity().unit().symbol()));
    }
    if (line.discount().isNegative() || line.discount().compareTo(Percentage.ONE_HUNDRED) > 0) {
      problems = problems.append(Violation.of("purchase.line.discount.out_of_range", "discount",
          "A discount is 0 to 100 %, but got " + line.discount()));
    }
    if (line.description().exists(text -> text.isBlank()
        || text.length() > MAX_LINE_DESCRIPTION)) {
      problems = problems.appendAll(LeadChecks.requiredText(line.description().get(),
          MAX_LINE_DESCRIPTION, "purchase.line.description", "description", "A description"));
    }
    return problems;
  }

  private Option<PurchaseRejection> movementRefusal(Money amount, Option<String> reference,
      EventStamp stamp) {
    if (!amount.currency().equals(currency())) {
      return Option.of(refusal(PurchaseRejection.Reason.CURRENCY_MISMATCH, Option.none(),
          "Purchase " + id + " is in " + currency() + ", not " + amount.currency()));
    }
    if (!amount.isPositive()) {
      return Option.of(refusal(PurchaseRejection.Reason.AMOUNT_NOT_POSITIVE, Option.none(),
          "A payment or refund moves a positive amount, but got " + amount));
    }
    if (reference.exists(String::isEmpty)) {
      return Option.of(refusal(PurchaseRejection.Reason.REFERENCE_BLANK, Option.none(),
          "A payment reference must not be blank; leave it out instead"));
    }
    if (reference.exists(text -> text.length() > Payment.MAX_REFERENCE)) {
      return Option.of(refusal(PurchaseRejection.Reason.REFERENCE_TOO_LONG, Option.none(),
          "A payment reference has at most " + Payment.MAX_REFERENCE + " characters"));
    }
    return stamp.at().isBefore(updatedAt) ? Option.of(outOfOrder()) : Option.none();
  }

  private PurchaseRejection outOfOrder() {
    return refusal(PurchaseRejection.Reason.OUT_OF_ORDER, Option.none(),
        "A command on purchase " + id + " cannot be dated before its last change, at "
            + updatedAt);
  }

  private PurchaseRejection refusal(PurchaseRejection.Reason reason, Option<Money> amount,
      String detail) {
    return new PurchaseRejection(reason, Option.of(id), amount, detail);
  }

  private static PurchaseRecorded recorded(Purchase purchase, EventStamp stamp) {
    return new PurchaseRecorded(stamp, purchase.id, purchase.customer, purchase.opportunity,
        purchase.channel, purchase.total, purchase.purchasedAt);
  }

  private static Money atLeastZero(Money amount) {
    return amount.isNegative() ? Money.zero(amount.currency()) : amount;
  }

  private static long saturated(BigDecimal amount) {
    return amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE
        : amount.longValue();
  }

  private static List<Violation> invariants(String channel, Seq<LineItem> lines, Money total,
      Instant purchasedAt, Seq<Payment> payments, Seq<Payment> refunds,
      Option<Instant> deliveredAt, Instant updatedAt) {
    List<Violation> problems = LeadChecks.code(channel, "purchase.channel.malformed", "channel",
        "A sales channel");
    if (lines.isEmpty()) {
      problems = problems.append(Violation.of("purchase.lines.empty", "lines",
          "A purchase has at least one line"));
    }
    Currency currency = total.currency();
    boolean summable = true;
    for (int i = 0; i < lines.size(); i++) {
      LineItem line = lines.get(i);
      if (!line.unitPrice().currency().equals(currency)) {
        summable = false;
        problems = problems.append(Violation.of("purchase.lines.currency_mismatch",
            "lines[" + i + "].unitPrice", "Every line is priced in the total's currency, "
                + currency + ", not " + line.unitPrice().currency()));
      }
      if (!line.unitPrice().unit().isConvertibleTo(line.quantity().unit())) {
        summable = false;
        problems = problems.append(Violation.of("purchase.lines.unit_mismatch",
            "lines[" + i + "].quantity", "A price per " + line.unitPrice().unit().symbol()
                + " cannot price a quantity in " + line.quantity().unit().symbol()));
      }
    }
    if (summable && !lines.isEmpty()) {
      Money sum = Money.sum(currency, lines.map(LineItem::total));
      if (!sum.equals(total)) {
        problems = problems.append(Violation.of("purchase.total.mismatch", "total",
            "The total is the sum of the lines, " + sum + ", not " + total));
      }
    }
    problems = problems.appendAll(movements(payments, "payments", currency, purchasedAt));
    boolean paymentsOk = payments.forAll(p -> p.amount().currency().equals(currency))
        && refunds.forAll(p -> p.amount().currency().equals(currency));
    problems = problems.appendAll(movements(refunds, "refunds", currency, purchasedAt));
    if (paymentsOk && Money.sum(currency, refunds.map(Payment::amount))
        .isGreaterThan(Money.sum(currency, payments.map(Payment::amount)))) {
      problems = problems.append(Violation.of("purchase.refunds.exceed_payments", "refunds",
          "A purchase cannot refund more than was paid"));
    }
    if (deliveredAt.exists(at -> at.isBefore(purchasedAt))) {
      problems = problems.append(Violation.of("purchase.delivered_at.before_purchase",
          "deliveredAt", "A purchase is delivered after it is bought, at " + purchasedAt));
    }
    Instant latest = payments.appendAll(refunds).map(Payment::at).appendAll(deliveredAt)
        .append(purchasedAt).max().get();
    if (updatedAt.isBefore(latest)) {
      problems = problems.append(Violation.of("purchase.updated_at.too_early", "updatedAt",
          "A purchase last changed no earlier than its purchase, payments, refunds and "
              + "delivery, at " + latest));
    }
    return problems;
  }

  private static List<Violation> movements(Seq<Payment> moves, String field, Currency currency,
      Instant purchasedAt) {
    List<Violation> problems = List.empty();
    Instant previous = purchasedAt;
    for (int i = 0; i < moves.size(); i++) {
      Payment move = moves.get(i);
      if (!move.amount().currency().equals(currency)) {
        problems = problems.append(Violation.of("purchase." + field + ".currency_mismatch",
            field + "[" + i + "].amount", "Money moves in the purchase's currency, " + currency
                + ", not " + move.amount().currency()));
      }
      if (move.at().isBefore(previous)) {
        problems = problems.append(Violation.of("purchase." + field + ".out_of_order",
            field + "[" + i + "].at", "Payments and refunds follow the purchase and each other "
                + "in time, but " + move.at() + " is before " + previous));
      } else {
        previous = move.at();
      }
    }
    return problems;
  }
}
