package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;

/**
 * Selects the price of a request from price books, explicitly and explainably: first the hard
 * filters (the book's currency, the entry's validity window), then the entries for the request's
 * channel and customer groups, then the most specific match. Pure.
 *
 * <p>The order, exactly:
 *
 * <ol>
 *   <li>Candidates are the entries whose target is the request's product or one of its
 *       categories, in book order, then entry order.</li>
 *   <li>Hard filters, the first failure recorded: the book's currency is the request's
 *       ({@code pricing.price.currency}); the validity contains the request's instant
 *       ({@code pricing.price.not_valid}); the channels are empty or contain the request's
 *       ({@code pricing.price.channel}); the customer groups are empty or share one with the
 *       request ({@code pricing.price.customer_group}); the list price's unit converts to the
 *       quantity's ({@code pricing.price.unit}).</li>
 *   <li>The most specific survivor wins: a product price over a category default; then an entry
 *       for customer groups over one for every customer; then an entry for channels over one for
 *       every channel; then an entry with a validity window over a standing one (a promotion
 *       overrides the standing price); then the later validity start; remaining ties go to the
 *       earlier book, then the earlier entry. The others are recorded
 *       {@code pricing.price.less_specific}.</li>
 *   <li>The unit price is the lowest of the list price, the sale price and the highest quantity
 *       break whose minimum the quantity reaches, compared after exact conversion; ties prefer the
 *       list price, then the sale price. {@link PriceSelection#basis()} says which:
 *       {@code list}, {@code sale} or {@code break}.</li>
 * </ol>
 */
public final class PriceSelector {

  private PriceSelector() {}

  /**
   * Selects a price.
   *
   * @param books the price books to look in
   * @param request what is asked
   * @return the selection with its explanation, or a rejection:
   *     {@code pricing.quantity.not_positive} when the quantity is zero, {@code pricing.price.not_found} when no entry passes the
   *     filters (the message lists every considered entry with its reason)
   * @throws NullPointerException if an argument or a book is null
   */
  public static Either<PricingRejection, PriceSelection> select(Seq<PriceBook> books,
      PriceRequest request) {
    requireNonNull(books, "books");
    requireNonNull(request, "request");
    books.forEach(book -> requireNonNull(book, "books"));
    java.util.List<Slot> slots = new ArrayList<>();
    int bookIndex = 0;
    for (PriceBook book : books) {
      int entryIndex = 0;
      for (PriceEntry entry : book.entries()) {
        if (targets(entry.target(), request)) {
          slots.add(new Slot(book, entry, bookIndex, entryIndex));
        }
        entryIndex++;
      }
      bookIndex++;
    }
    return among(slots, request);
  }

  /**
   * Selects among the entries of matching targets, given in book and entry order; shared by
   * {@link #select} and {@link PriceList}.
   */
  static Either<PricingRejection, PriceSelection> among(java.util.List<Slot> slots,
      PriceRequest request) {
    if (request.quantity().isZero()) {
      return Either.left(new PricingRejection("pricing.quantity.not_positive",
          "A price is for a positive quantity, not " + request.quantity()));
    }
    if (slots.size() == 1) {
      Slot only = slots.get(0);
      ConsideredPrice refusal = filter(only.book, only.entry, request);
      if (refusal == null) {
        return Either.right(priced(only.book, only.entry, request, List.empty()));
      }
    }
    java.util.List<Candidate> candidates = new ArrayList<>(slots.size());
    Candidate best = null;
    for (Slot slot : slots) {
      Candidate candidate = new Candidate(slot.book, slot.entry, slot.bookIndex, slot.entryIndex,
          filter(slot.book, slot.entry, request));
      candidates.add(candidate);
      if (candidate.refusal == null && (best == null || moreSpecific(candidate, best))) {
        best = candidate;
      }
    }
    if (best == null) {
      return Either.left(notFound(request, candidates));
    }
    List<ConsideredPrice> considered = List.empty();
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Candidate candidate = candidates.get(i);
      if (candidate != best) {
        considered = considered.prepend(candidate.refusal != null ? candidate.refusal
            : new ConsideredPrice(candidate.book.id(), candidate.entry.code(),
                "pricing.price.less_specific", lessSpecific(candidate, best)));
      }
    }
    return Either.right(priced(best.book, best.entry, request, considered));
  }

  static boolean targets(PriceTarget target, PriceRequest request) {
    if (target instanceof PriceTarget.ForProduct product) {
      return product.product().equals(request.product());
    }
    return request.categories().contains(((PriceTarget.ForCategory) target).category());
  }

  /** Returns why the entry fails a hard filter, or null if it passes them all. */
  private static ConsideredPrice filter(PriceBook book, PriceEntry entry, PriceRequest request) {
    PriceBookId id = book.id();
    if (!book.currency().equals(request.currency())) {
      return new ConsideredPrice(id, entry.code(), "pricing.price.currency",
          "The book prices in " + book.currency().getCurrencyCode() + ", not "
              + request.currency().getCurrencyCode());
    }
    if (entry.validity().exists(window -> !window.contains(request.at()))) {
      return new ConsideredPrice(id, entry.code(), "pricing.price.not_valid",
          "Valid " + entry.validity().get() + ", not at " + request.at());
    }
    if (!entry.channels().isEmpty() && !entry.channels().contains(request.channel())) {
      return new ConsideredPrice(id, entry.code(), "pricing.price.channel",
          "For channels " + entry.channels().toSortedSet().mkString(", ") + ", not "
              + request.channel());
    }
    if (!entry.customerGroups().isEmpty()
        && !entry.customerGroups().exists(request.customerGroups()::contains)) {
      return new ConsideredPrice(id, entry.code(), "pricing.price.customer_group",
          "For customer groups " + entry.customerGroups().toSortedSet().mkString(", ")
              + ", none of which the customer is in");
    }
    if (!entry.list().unit().isConvertibleTo(request.quantity().unit())) {
      return new ConsideredPrice(id, entry.code(), "pricing.price.unit",
          "Priced per " + entry.list().unit().symbol() + ", which " + request.quantity()
              + " does not convert to");
    }
    return null;
  }

  /** Tells whether a survivor beats the best so far; candidates arrive in book and entry order. */
  private static boolean moreSpecific(Candidate a, Candidate b) {
    return decidingRule(a, b) > 0;
  }

  /**
   * Compares two survivors by the specificity rules; positive if {@code a} wins, negative if
   * {@code b} wins, never zero for distinct candidates (book and entry order break ties). The
   * magnitude names the deciding rule, from 7 (target) down to 1 (entry order).
   */
  private static int decidingRule(Candidate a, Candidate b) {
    return decidingRule(a.entry, a.bookIndex, a.entryIndex, b.entry, b.bookIndex, b.entryIndex);
  }

  private static int decidingRule(PriceEntry x, int xBook, int xEntry, PriceEntry y, int yBook,
      int yEntry) {
    int rule = 7;
    int c = Boolean.compare(x.target() instanceof PriceTarget.ForProduct,
        y.target() instanceof PriceTarget.ForProduct);
    if (c == 0) {
      rule = 6;
      c = Boolean.compare(!x.customerGroups().isEmpty(), !y.customerGroups().isEmpty());
    }
    if (c == 0) {
      rule = 5;
      c = Boolean.compare(!x.channels().isEmpty(), !y.channels().isEmpty());
    }
    if (c == 0) {
      rule = 4;
      c = Boolean.compare(x.validity().isDefined(), y.validity().isDefined());
    }
    if (c == 0 && x.validity().isDefined()) {
      rule = 3;
      c = x.validity().get().start().compareTo(y.validity().get().start());
    }
    if (c == 0) {
      rule = 2;
      c = Integer.compare(yBook, xBook);
    }
    if (c == 0) {
      rule = 1;
      c = Integer.compare(yEntry, xEntry);
    }
    return Integer.signum(c) * rule;
  }

  private static String lessSpecific(Candidate loser, Candidate winner) {
    String why;
    switch (Math.abs(decidingRule(winner, loser))) {
      case 7:
        why = "a product price beats a category default";
        break;
      case 6:
        why = "a price for the customer's groups beats one for every customer";
        break;
      case 5:
        why = "a price for the channel beats one for every channel";
        break;
      case 4:
        why = "a price with a validity window beats a standing one";
        break;
      case 3:
        why = "the later validity start wins";
        break;
      case 2:
        why = "the earlier book wins a tie";
        break;
      default:
        why = "the earlier entry wins a tie";
        break;
    }
    return "Less specific than " + winner.entry.code() + " of book " + winner.book.id() + ": "
        + why;
  }

  private static PriceSelection priced(PriceBook book, PriceEntry entry, PriceRequest request,
      Seq<ConsideredPrice> considered) {
    UnitPrice unitPrice = applying(entry, request.quantity());
    /* applying() returns one of these very objects, and another only when strictly lower. */
    String basis = unitPrice == entry.list() ? "list"
        : entry.sale().isDefined() && unitPrice == entry.sale().get() ? "sale" : "break";
    return new PriceSelection(book.id(), entry, entry.list(), unitPrice, basis, entry.cost(),
        entry.floor(), considered);
  }

  /**
   * Returns the unit price an entry gives a quantity: the lowest of the list price, the sale
   * price and the highest quantity break reached, ties to the list price, then the sale price.
   * The object returned is the entry's own.
   */
  static UnitPrice applying(PriceEntry entry, Quantity quantity) {
    UnitPrice unitPrice = entry.list();
    if (entry.sale().isDefined() && PerUnit.compare(entry.sale().get(), unitPrice) < 0) {
      unitPrice = entry.sale().get();
    }
    if (entry.breaks().isEmpty()) {
      return unitPrice;
    }
    QuantityBreak reached = null;
    for (QuantityBreak quantityBreak : entry.breaks()) {
      if (PerUnit.compare(quantityBreak.minimum(), quantity) <= 0) {
        reached = quantityBreak;
      }
    }
    if (reached != null && PerUnit.compare(reached.price(), unitPrice) < 0) {
      unitPrice = reached.price();
    }
    return unitPrice;
  }

  /**
   * Returns the entry {@link #among} would select for these request parts, or null when it
   * would refuse (then {@link #among} gives the refusal): the same filters and specificity
   * order, without a request, candidates or an explanation. For quotes without explanation.
   */
  static Slot winner(java.util.List<Slot> slots, Quantity quantity, Currency currency,
      String channel, Set<String> customerGroups, Instant at) {
    if (quantity.isZero()) {
      return null;
    }
    Slot best = null;
    for (int s = 0, size = slots.size(); s < size; s++) {
      Slot slot = slots.get(s);
      if (passes(slot.book, slot.entry, quantity, currency, channel, customerGroups, at)
          && (best == null || decidingRule(slot.entry, slot.bookIndex, slot.entryIndex,
              best.entry, best.bookIndex, best.entryIndex) > 0)) {
        best = slot;
      }
    }
    return best;
  }

  /** Tells whether an entry passes every hard filter of {@link #filter}. */
  private static boolean passes(PriceBook book, PriceEntry entry, Quantity quantity,
      Currency currency, String channel, Set<String> customerGroups, Instant at) {
    if (!book.currency().equals(currency)) {
      return false;
    }
    Option<TimeWindow> validity = entry.validity();
    if (validity.isDefined() && !validity.get().contains(at)) {
      return false;
    }
    if (!entry.channels().isEmpty() && !entry.channels().contains(channel)) {
      return false;
    }
    if (!entry.customerGroups().isEmpty()
        && !entry.customerGroups().exists(customerGroups::contains)) {
      return false;
    }
    return entry.list().unit().isConvertibleTo(quantity.unit());
  }

  private static PricingRejection notFound(PriceRequest request,
      java.util.List<Candidate> candidates) {
    StringBuilder message = new StringBuilder("No price for ").append(request.product());
    if (!request.categories().isEmpty()) {
      message.append(" or its categories ")
          .append(request.categories().toSortedSet().mkString(", "));
    }
    if (candidates.isEmpty()) {
      return new PricingRejection("pricing.price.not_found",
          message.append(": no entry prices them").toString());
    }
    message.append(":");
    for (Candidate candidate : candidates) {
      ConsideredPrice refusal = candidate.refusal;
      message.append(' ').append(refusal.entry()).append(" of book ").append(refusal.book())
          .append(": ").append(refusal.reason()).append(" [").append(refusal.code())
          .append("];");
    }
    message.setLength(message.length() - 1);
    return new PricingRejection("pricing.price.not_found", message.toString());
  }

  /**
   * An entry of a matching target and where it stands: its book's and its own position; and,
   * for quote totals in whole units, the unscaled values of its list and sale amounts
   * ({@link WholeUnits#NONE} when absent or too long).
   */
  static final class Slot {
    final PriceBook book;
    final PriceEntry entry;
    final int bookIndex;
    final int entryIndex;
    final long listUnscaled;
    final long saleUnscaled;

    Slot(PriceBook book, PriceEntry entry, int bookIndex, int entryIndex) {
      this.book = book;
      this.entry = entry;
      this.bookIndex = bookIndex;
      this.entryIndex = entryIndex;
      this.listUnscaled = WholeUnits.unscaled(entry.list().amount());
      this.saleUnscaled = entry.sale().isDefined()
          ? WholeUnits.unscaled(entry.sale().get().amount()) : WholeUnits.NONE;
    }

    /** Returns the unscaled value of a unit price of this entry, or {@link WholeUnits#NONE}. */
    long unscaled(UnitPrice price) {
      if (price == entry.list()) {
        return listUnscaled;
      } else if (entry.sale().isDefined() && price == entry.sale().get()) {
        return saleUnscaled;
      }
      return WholeUnits.unscaled(price.amount());
    }
  }

  /** An entry of a matching target, where it stands, and why it was filtered out (or null). */
  private static final class Candidate {
    final PriceBook book;
    final PriceEntry entry;
    final int bookIndex;
    final int entryIndex;
    final ConsideredPrice refusal;

    Candidate(PriceBook book, PriceEntry entry, int bookIndex, int entryIndex,
        ConsideredPrice refusal) {
      this.book = book;
      this.entry = entry;
      this.bookIndex = bookIndex;
      this.entryIndex = entryIndex;
      this.refusal = refusal;
    }
  }
}
