package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Aggregate;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Currency;

/**
 * Holds the prices of one currency: entries per product or category, by channel, customer group
 * and validity window. Immutable and thread-safe.
 *
 * <p>{@link #define(PriceBookId, String, Currency, Seq, Instant) define} checks a book and
 * reports every broken invariant at once, each with a stable code and its field path, such as
 * {@code entries[2].breaks[1].price}. The canonical constructor enforces the same invariants by
 * throwing. Prices of different units are compared as prices of the same amount of goods, after
 * exact conversion into the list price's unit. The invariants and their codes:
 *
 * <ul>
 *   <li>the name is not blank ({@code pricing.book.name.blank}) and has at most 200 characters
 *       ({@code pricing.book.name.too_long}); the currency has a minor unit
 *       ({@code pricing.book.currency.no_minor_unit});</li>
 *   <li>entry codes are a lower-case letter or digit, then up to 63 lower-case letters, digits or
 *       {@code . _ -} ({@code pricing.entry.code.malformed}) and unique
 *       ({@code pricing.entry.code.duplicate});</li>
 *   <li>every unit price of an entry (list, sale, breaks, cost, floor) is in the book's currency
 *       ({@code pricing.entry.currency_mismatch}); list prices and costs are never negative, as
 *       every unit price;</li>
 *   <li>a sale price is per the list price's unit ({@code pricing.entry.sale.unit}) and strictly
 *       below the list price ({@code pricing.entry.sale.not_below_list});</li>
 *   <li>a quantity break's minimum is convertible to the list price's unit
 *       ({@code pricing.entry.break.minimum.unit}) and positive
 *       ({@code pricing.entry.break.minimum.not_positive}); minimums rise strictly
 *       ({@code pricing.entry.break.minimum.not_increasing}); a break's price is per a unit
 *       convertible to the list price's ({@code pricing.entry.break.price.unit}), below the list
 *       price ({@code pricing.entry.break.price.not_below_list}), and prices fall strictly
 *       ({@code pricing.entry.break.price.not_decreasing});</li>
 *   <li>cost and floor are per a unit convertible to the list price's
 *       ({@code pricing.entry.cost.unit}, {@code pricing.entry.floor.unit}); the floor is at most
 *       the list price ({@code pricing.entry.floor.above_list});</li>
 *   <li>category codes, channels and customer groups are not blank
 *       ({@code pricing.entry.category.blank}, {@code pricing.entry.channel.blank},
 *       {@code pricing.entry.customer_group.blank}); validity windows end after they start, as
 *       every {@link io.rapport.crm.kernel.TimeWindow};</li>
 *   <li>no two entries share the target, the channels and the customer groups while both have
 *       no window, or both have overlapping windows from the same start
 *       ({@code pricing.entry.ambiguous}, reported on the later entry): selection could not tell
 *       them apart. A window beside a standing price is a promotion, and the later of two
 *       overlapping windows wins.</li>
 * </ul>
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
   * Checks the components and the invariants between them.
   *
   * @throws NullPointerException if a component or an entry is null
   * @throws InvalidValueException with every broken invariant (the codes are listed on the class)
   */
  public PriceBook {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(currency, "currency");
    requireNonNull(entries, "entries");
    requireNonNull(updatedAt, "updatedAt");
    entries.forEach(value -> requireNonNull(value, "entries"));
    Seq<Violation> problems = PriceBookChecks.problems(name, currency, entries);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Defines a book, reporting every broken invariant at once (the codes are listed on the class).
   *
   * @param id the book's id
   * @param name a readable name
   * @param currency the currency of every price in it
   * @param entries the entries
   * @param at when it is defined; becomes {@link #updatedAt()}
   * @return the book, or every violation
   * @throws NullPointerException if an argument or an entry is null
   */
  public static Validation<Seq<Violation>, PriceBook> define(PriceBookId id, String name,
      Currency currency, Seq<PriceEntry> entries, Instant at) {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(currency, "currency");
    requireNonNull(entries, "entries");
    requireNonNull(at, "at");
    entries.forEach(value -> requireNonNull(value, "entries"));
    Seq<Violation> problems = PriceBookChecks.problems(name, currency, entries);
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    return Validation.valid(new PriceBook(id, name, currency, entries, at));
  }

  /**
   * Replaces the entries, with the same checks as {@link #define}; the id, name and currency
   * stay.
   *
   * @param entries the new entries
   * @param at when it is revised, not before {@link #updatedAt()}
   * @return the revised book, or every violation, including {@code pricing.book.out_of_order}
   *     (field {@code at}) when {@code at} is before the last change
   * @throws NullPointerException if an argument or an entry is null
   */
  public Validation<Seq<Violation>, PriceBook> revise(Seq<PriceEntry> entries, Instant at) {
    requireNonNull(entries, "entries");
    requireNonNull(at, "at");
    Validation<Seq<Violation>, PriceBook> next = define(id, name, currency, entries, at);
    if (at.isBefore(updatedAt)) {
      Violation late = Violation.of("pricing.book.out_of_order", "at",
          "A revision cannot be dated before the book's last change, at " + updatedAt);
      return Validation.invalid(next.isInvalid() ? next.getError().prepend(late) : List.of(late));
    }
    return next;
  }

  /**
   * Looks up an entry by code.
   *
   * @param code the entry's code
   * @return the entry, or empty if the book has none with that code
   * @throws NullPointerException if code is null
   */
  public Option<PriceEntry> entry(String code) {
    requireNonNull(code, "code");
    return entries.find(entry -> entry.code().equals(code));
  }

  /**
   * Lists the entries that price a product itself (not its categories), in book order.
   *
   * @param product the product
   * @return the entries targeting the product, possibly empty
   * @throws NullPointerException if product is null
   */
  public Seq<PriceEntry> entriesFor(ProductId product) {
    requireNonNull(product, "product");
    PriceTarget target = new PriceTarget.ForProduct(product);
    return entries.filter(entry -> entry.target().equals(target));
  }
}
