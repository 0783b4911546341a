package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.PriceBookId;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.Currency;

/**
 * Holds the prices of one currency: entries per product or category, by channel, customer group
 * and validity window. Immutable and thread-safe.
 *
 * @param id the book's id
 * @param name a readable name, not blank
 * @param currency the currency of every price in it
 * @param entries the entries, codes unique
 * @param updatedAt when it was defined or last revised
 */
public record PriceBook(PriceBookId id, String name, Currency currency, Seq<PriceEntry> entries,
    Instant updatedAt) implements Aggregate<PriceBookId> {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an entry is null
   */
  public PriceBook {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(currency, "currency");
    requireNonNull(entries, "entries");
    requireNonNull(updatedAt, "updatedAt");
    entries.forEach(value -> requireNonNull(value, "entries"));
  }
}
