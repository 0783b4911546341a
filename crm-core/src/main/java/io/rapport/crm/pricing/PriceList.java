package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.ProductId;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.util.ArrayList;
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
    List<PriceSelector.Slot> slots = byProduct.getOrDefault(request.product(), List.of());
    boolean categories = false;
    for (String category : request.categories()) {
      List<PriceSelector.Slot> found = byCategory.get(category);
      if (found != null) {
        if (!categories) {
          slots = new ArrayList<>(slots);
          categories = true;
        }
        slots.addAll(found);
      }
    }
    if (categories) {
      slots.sort(Comparator.<PriceSelector.Slot>comparingInt(slot -> slot.bookIndex)
          .thenComparingInt(slot -> slot.entryIndex));
    }
    return PriceSelector.among(slots, request);
  }
}
