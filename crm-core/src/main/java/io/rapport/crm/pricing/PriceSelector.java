package io.rapport.crm.pricing;

import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * Selects the price of a request from price books, explicitly and explainably: first the hard
 * filters (the book's currency, the entry's validity window), then the entries for the request's
 * channel and customer groups, then the most specific match. Pure.
 */
public final class PriceSelector {

  private PriceSelector() {}

  /**
   * Selects a price.
   *
   * @param books the price books to look in
   * @param request what is asked
   * @return the selection with its explanation, or a rejection
   * @throws NullPointerException if an argument is null
   */
  public static Either<PricingRejection, PriceSelection> select(Seq<PriceBook> books,
      PriceRequest request) {
    throw new UnsupportedOperationException("in progress");
  }
}
