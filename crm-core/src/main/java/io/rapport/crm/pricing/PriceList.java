package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares price books for many selections: the entries indexed by product and by category, so a
 * selection reads only the entries of the request's product and categories instead of every
 * entry. It selects exactly as {@link PriceSelector#select} does on the same books, with the same
 * explanation. Immutable and thread-safe; build one when the books change.
 */
public final class PriceList {

  private final Seq<PriceBook> books;
  private final Map<ProductId, List<PriceSelector.Slot>> byProduct;
  private final Map<String, List<PriceSelector.Slot>> byCategory;

  private PriceList(Seq<PriceBook> books, Map<ProductId, List<PriceSelector.Slot>> byProduct,
      Map<String, List<PriceSelector.Slot>> byCategory) {
    this.books = books;
    this.byProduct = byProduct;
    this.byCategory = byCategory;
  }

  /**
   * Indexes price books, in the order selection ties are broken by.
   *
   * @param books the books
   * @return the price list
   * @throws NullPointerException if books or a book is null
   */
  public static PriceList of(Seq<PriceBook> books) {
    requireNonNull(books, "books");
    books.forEach(book -> requireNonNull(book, "books"));
    Map<ProductId, List<PriceSelector.Slot>> byProduct = new HashMap<>();
    Map<String, List<PriceSelector.Slot>> byCategory = new HashMap<>();
    int bookIndex = 0;
    for (PriceBook book : books) {
      int entryIndex = 0;
      for (PriceEntry entry : book.entries()) {
        PriceSelector.Slot slot = new PriceSelector.Slot(book, entry, bookIndex, entryIndex);
        if (entry.target() instanceof PriceTarget.ForProduct product) {
          byProduct.computeIfAbsent(product.product(), key -> new ArrayList<>()).add(slot);
        } else {
          byCategory.computeIfAbsent(((PriceTarget.ForCategory) entry.target()).category(),
              key -> new ArrayList<>()).add(slot);
        }
        entryIndex++;
      }
      bookIndex++;
    }
    return new PriceList(Vector.ofAll(books), byProduct, byCategory);
  }

  /** Returns the books, in tie-breaking order. */
  public Seq<PriceBook> books() {
    return books;
  }

  /**
   * Selects a price, as {@link PriceSelector#select} does on the books.
   *
   * @param request what is asked
   * @return the selection with its explanation, or a rejection
   * @throws NullPointerException if request is null
   */
  public Either<PricingRejection, PriceSelection> select(PriceRequest request) {
    requireNonNull(request, "request");
    return PriceSelector.among(slots(request.product(), request.categories()), request);
  }

  /**
   * Returns the entry {@link #select} would select for these request parts, or null when it
   * would refuse: for quotes without explanation, which need the entry only.
   */
  PriceSelector.Slot winner(ProductId product, io.vavr.collection.Set<String> categories,
      Quantity quantity, Currency currency, String channel,
      io.vavr.collection.Set<String> customerGroups, Instant at) {
    return PriceSelector.winner(slots(product, categories), quantity, currency, channel,
        customerGroups, at);
  }

  /** Returns the entries of a product and its categories, in book, then entry order. */
  private List<PriceSelector.Slot> slots(ProductId product,
      io.vavr.collection.Set<String> categories) {
    List<PriceSelector.Slot> slots = byProduct.getOrDefault(product, List.of());
    if (categories.isEmpty() || byCategory.isEmpty()) {
      return slots;
    }
    boolean found = false;
    for (String category : categories) {
      List<PriceSelector.Slot> more = byCategory.get(category);
      if (more != null) {
        if (!found) {
          slots = new ArrayList<>(slots);
          found = true;
        }
        slots.addAll(more);
      }
    }
    if (found) {
      slots.sort(Comparator.<PriceSelector.Slot>comparingInt(slot -> slot.bookIndex)
          .thenComparingInt(slot -> slot.entryIndex));
    }
    return slots;
  }
}
