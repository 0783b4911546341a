package io.rapport.crm.persistence.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.persistence.AggregateType;
import io.rapport.crm.persistence.CrmStore;
import io.rapport.crm.persistence.ForwardingRepository;
import io.rapport.crm.persistence.Index;
import io.rapport.crm.persistence.IndexCursor;
import io.rapport.crm.persistence.IndexQuery;
import io.rapport.crm.persistence.Page;
import io.rapport.crm.persistence.Repository;
import io.rapport.crm.persistence.Transaction;
import io.rapport.crm.persistence.Versioned;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceTarget;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Currency;

/**
 * Stores price books and finds them: every book, the books of a currency, and the books with an
 * entry for a product. A book is saved like any aggregate, with optimistic versions, so two people
 * revising a book at once cannot overwrite each other. Obtain one with {@link #in(CrmStore)} or
 * {@link #in(Transaction)}; each query is a lookup in an index declared on {@link #TYPE}, and
 * every page is in book id order.
 */
public final class PriceBookRepository extends ForwardingRepository<PriceBookId, PriceBook> {

  /** The index of every book, in id order. */
  public static final String ALL = "all";

  /** The index of the books by currency code, in id order. */
  public static final String BY_CURRENCY = "by_currency";

  /** The index of the books by the products their entries price, in id order. */
  public static final String BY_PRODUCT = "by_product";

  private static final String ALL_KEY = "all";

  /** The aggregate type of price books, with the indexes of the queries. */
  public static final AggregateType<PriceBookId, PriceBook> TYPE =
      AggregateType.of("price_book", PriceBook.class, PriceBookId.KIND)
          .withIndex(Index.byKey(ALL, (PriceBook b) -> List.of(ALL_KEY)))
          .withIndex(Index.byKey(BY_CURRENCY,
              (PriceBook b) -> List.of(b.currency().getCurrencyCode())))
          .withIndex(Index.byKey(BY_PRODUCT, PriceBookRepository::productKeys));

  private PriceBookRepository(Repository<PriceBookId, PriceBook> delegate) {
    super(delegate);
  }

  /**
   * Returns the price book repository of a store, each call its own transaction.
   *
   * @param store the store
   * @return the repository
   * @throws NullPointerException if store is null
   */
  public static PriceBookRepository in(CrmStore store) {
    return new PriceBookRepository(requireNonNull(store, "store").repository(TYPE));
  }

  /**
   * Returns the price book repository taking part in a transaction.
   *
   * @param tx the transaction
   * @return the repository
   * @throws NullPointerException if tx is null
   */
  public static PriceBookRepository in(Transaction tx) {
    return new PriceBookRepository(requireNonNull(tx, "tx").repository(TYPE));
  }

  /**
   * Lists the books of a currency in id order, one page at a time.
   *
   * @param currency the currency
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the limit is out of range
   */
  public Page<Versioned<PriceBook>, IndexCursor> inCurrency(Currency currency,
      Option<IndexCursor> after, int limit) {
    requireNonNull(currency, "currency");
    return query(IndexQuery.of(BY_CURRENCY, currency.getCurrencyCode(), limit).after(after));
  }

  /**
   * Lists the books with at least one entry for a product (a product target, not a category
   * default) in id order, one page at a time.
   *
   * @param product the product
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the limit is out of range
   */
  public Page<Versioned<PriceBook>, IndexCursor> withProduct(ProductId product,
      Option<IndexCursor> after, int limit) {
    requireNonNull(product, "product");
    return query(IndexQuery.of(BY_PRODUCT, product.value(), limit).after(after));
  }

  /**
   * Lists every book in id order, one page at a time.
   *
   * @param after where the previous page ended, or empty
   * @param limit the page size, 1 to 10 000
   * @return the page
   * @throws NullPointerException if after is null
   * @throws IllegalArgumentException if the limit is out of range
   */
  public Page<Versioned<PriceBook>, IndexCursor> all(Option<IndexCursor> after, int limit) {
    return query(IndexQuery.of(ALL, ALL_KEY, limit).after(after));
  }

  private static List<String> productKeys(PriceBook book) {
    return List.ofAll(book.entries()).map(e -> e.target())
        .filter(t -> t instanceof PriceTarget.ForProduct)
        .map(t -> ((PriceTarget.ForProduct) t).product().value())
        .distinct();
  }
}
