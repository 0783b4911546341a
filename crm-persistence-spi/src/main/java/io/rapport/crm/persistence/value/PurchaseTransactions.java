package io.rapport.crm.persistence.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.PurchaseId;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.persistence.sales.PurchaseRepository;
import io.rapport.crm.sales.LineItem;
import io.rapport.crm.sales.Purchase;
import io.rapport.crm.value.TransactionLog;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Streams every purchase of a store into a {@link TransactionLog} in one currency, customer by
 * customer through {@link PurchaseRepository#inCustomerOrder keyset pages}, so memory holds one
 * page of purchases at a time besides the log. Immutable and thread-safe.
 *
 * <p>Each purchase becomes a row on the day of its {@code purchasedAt} in the given zone, keyed by
 * the customer id's value, with the purchase's {@link Purchase#total() total} as the amount and its
 * item count as the quantity (the sum of the lines' quantities counted in pieces; a line measured
 * in another dimension, such as a weight, counts as one item). When the purchase was refunded, a
 * second row on the same day carries the refunds as a negative amount with quantity 0: the
 * {@link io.rapport.crm.value.SummaryPolicy.Refunds refund rule} of the summary then decides, and
 * under the default rule the purchase counts for its net total and a purchase refunded in full is
 * no purchase. Purchases in another currency are skipped and listed: converting them would need
 * the exchange rate of the day, which is the caller's choice, not this reader's.
 *
 * @param log the transactions read
 * @param skipped the purchases left out because they are in another currency
 */
public record PurchaseTransactions(TransactionLog log, Seq<PurchaseId> skipped) {

  /** The page size used by {@link #read(CrmStore, Currency, ZoneId)}. */
  public static final int DEFAULT_PAGE_SIZE = 1_000;

  /**
   * Checks that the parts are present.
   *
   * @throws NullPointerException when a part is null
   */
  public PurchaseTransactions {
    requireNonNull(log, "log");
    requireNonNull(skipped, "skipped");
  }

  /**
   * Reads every purchase of a store, {@value #DEFAULT_PAGE_SIZE} at a time.
   *
   * @param store the store
   * @param currency the log's currency; purchases in another one are skipped
   * @param zone the zone in which a purchase's instant gives its day
   * @return the log and the skipped purchases
   */
  public static PurchaseTransactions read(CrmStore store, Currency currency, ZoneId zone) {
    return read(store, currency, zone, DEFAULT_PAGE_SIZE);
  }

  /**
   * Reads every purchase of a store with a given page size.
   *
   * @param store the store
   * @param currency the log's currency; purchases in another one are skipped
   * @param zone the zone in which a purchase's instant gives its day
   * @param pageSize purchases read per page, 1 to 10 000
   * @return the log and the skipped purchases
   * @throws InvalidValueException {@code value.import.page_size} when the page size is out of
   *     range
   */
  public static PurchaseTransactions read(CrmStore store, Currency currency, ZoneId zone,
      int pageSize) {
    requireNonNull(store, "store");
    requireNonNull(currency, "currency");
    requireNonNull(zone, "zone");
    if (pageSize < 1 || pageSize > 10_000) {
      throw new InvalidValueException(List.of(Violation.of("value.import.page_size", "pageSize",
          "the page size must lie in 1..10000, was " + pageSize)));
    }
    PurchaseRepository purchases = PurchaseRepository.in(store);
    TransactionLog.Builder builder = TransactionLog.builder(currency, zone);
    List<PurchaseId> skipped = List.empty();
    Option<IndexCursor> after = Option.none();
    while (true) {
      Page<Versioned<Purchase>, IndexCursor> page = purchases.inCustomerOrder(after, pageSize);
      for (Versioned<Purchase> stored : page.items()) {
        Purchase purchase = stored.value();
        if (!purchase.currency().equals(currency)) {
          skipped = skipped.prepend(purchase.id());
          continue;
        }
        String customer = purchase.customer().value();
        builder.add(customer, purchase.purchasedAt(), purchase.total(), items(purchase));
        if (purchase.refunded().isPositive()) {
          builder.add(customer, purchase.purchasedAt(), purchase.refunded().negated(), 0);
        }
      }
      if (page.next().isEmpty() || page.items().isEmpty()) {
        break;
      }
      after = page.next();
    }
    return new PurchaseTransactions(builder.build(), skipped.reverse());
  }

  private static long items(Purchase purchase) {
    long items = 0;
    for (LineItem line : purchase.lines()) {
      BigDecimal amount = line.quantity().amount();
      boolean counted = line.quantity().unit().dimension() == QuantityUnit.Dimension.COUNT;
      items += counted && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 0
          ? amount.longValue() : 1;
    }
    return items;
  }
}
