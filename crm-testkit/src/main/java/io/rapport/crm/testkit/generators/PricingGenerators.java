package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static io.rapport.crm.testkit.generators.Draws.pickLong;
import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceRequest;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.QuantityBreak;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates pricing values for property tests: price targets, quantity break ladders, price
 * entries, price books and price requests, drawn from small pools of products, categories,
 * channels and customer groups so that requests meet the books' entries.
 *
 * <p>Entries and books are valid: they keep exactly the invariants listed in
 * docs/guides/pricing-storage.md (the ones the book's constructor checks), and every variant is
 * reachable: product and category targets, sale prices, up to three breaks, breaks, floors and
 * costs priced in another unit than the list price (converted exactly), breaks whose minimums are
 * in another unit, channel and customer group restrictions, validity windows.
 */
public final class PricingGenerators {

  /** The instant validity windows, book revisions and requests start at. */
  public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static final String[] PRODUCTS = {"PRD-armchair", "PRD-bed", "PRD-cabinet",
      "PRD-screen", "PRD-stool", "PRD-table"};
  private static final String[] CATEGORIES = {"beds", "cabinets", "chairs", "tables"};
  private static final String[] CHANNELS = {"call-center", "store", "web"};
  private static final String[] GROUPS = {"black", "gold", "member", "trade"};
  private static final String[] PREFIXES = {"list", "promo", "gold.tier", "store_only", "p-1"};
  private static final Currency[] CURRENCIES = {Currency.getInstance("CNY"),
      Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("BHD")};
  private static final QuantityUnit[] UNITS = QuantityUnit.values();

  private PricingGenerators() {}

  /** Returns the currencies books and requests are drawn in: 0, 2 and 3 minor-unit digits. */
  public static Gen<Currency> currencies() {
    return in -> oneOf(in, CURRENCIES);
  }

  /** Returns product and category targets, from small pools. */
  public static Gen<PriceTarget> targets() {
    return PricingGenerators::target;
  }

  /**
   * Returns valid quantity break ladders below a list price, possibly empty: minimums strictly
   * increasing, prices strictly decreasing and below the list price (compared per the list's
   * unit), each in the list's currency and in a unit convertible to the list's.
   *
   * @param list the list price
   * @return the generator
   * @throws NullPointerException if list is null
   */
  public static Gen<Vector<QuantityBreak>> breaks(UnitPrice list) {
    requireNonNull(list, "list");
    return in -> breaks(in, list, list.currency().getDefaultFractionDigits()
        + UnitPrice.EXTRA_DECIMALS);
  }

  /** Returns valid entries of any generated currency, each valid as the only entry of a book. */
  public static Gen<PriceEntry> entries() {
    return in -> entry(in, oneOf(in, CURRENCIES), "e-" + pick(in, 1000));
  }

  /**
   * Returns valid entries of one currency, each valid as the only entry of a book.
   *
   * @param currency the book's currency
   * @return the generator
   * @throws NullPointerException if currency is null
   */
  public static Gen<PriceEntry> entries(Currency currency) {
    requireNonNull(currency, "currency");
    return in -> entry(in, currency, "e-" + pick(in, 1000));
  }

  /** Returns valid books of any generated currency with up to 8 entries. */
  public static Gen<PriceBook> books() {
    return in -> book(in, oneOf(in, CURRENCIES));
  }

  /**
   * Returns valid books of one currency with up to 8 entries.
   *
   * @param currency the currency
   * @return the generator
   * @throws NullPointerException if currency is null
   */
  public static Gen<PriceBook> books(Currency currency) {
    requireNonNull(currency, "currency");
    return in -> book(in, currency);
  }

  /** Returns price requests from the same pools as the books, some of which no entry answers. */
  public static Gen<PriceRequest> requests() {
    return in -> {
      Set<String> categories = subset(in, CATEGORIES);
      return new PriceRequest(ProductId.parse(oneOf(in, PRODUCTS)), categories,
          quantity(in, oneOf(in, UNITS)), oneOf(in, CURRENCIES), oneOf(in, CHANNELS),
          subset(in, GROUPS), START.plus(Duration.ofHours(pickLong(in, 24L * 200))));
    };
  }

  /**
   * Returns price requests aimed at a book: mostly in its currency, for a product or category it
   * prices, in a unit convertible to an entry's, at a time inside the entry's validity.
   *
   * @param book the book
   * @return the generator
   * @throws NullPointerException if book is null
   */
  public static Gen<PriceRequest> requestsFor(PriceBook book) {
    requireNonNull(book, "book");
    return in -> {
      if (book.entries().isEmpty()) {
        return requests().generate(in);
      }
      PriceEntry entry = book.entries().get(pick(in, book.entries().size()));
      ProductId product = ProductId.parse(oneOf(in, PRODUCTS));
      Set<String> categories = subset(in, CATEGORIES);
      if (entry.target() instanceof PriceTarget.ForProduct p) {
        product = p.product();
      } else {
        categories = categories.add(((PriceTarget.ForCategory) entry.target()).category());
      }
      QuantityUnit unit = chance(in, 85) ? convertible(in, entry.list().unit()) : oneOf(in, UNITS);
      Currency currency = chance(in, 90) ? book.currency() : oneOf(in, CURRENCIES);
      String channel = entry.channels().isEmpty() || chance(in, 15) ? oneOf(in, CHANNELS)
          : entry.channels().toVector().get(pick(in, entry.channels().size()));
      Set<String> groups = subset(in, GROUPS);
      if (!entry.customerGroups().isEmpty() && chance(in, 85)) {
        groups = groups.add(entry.customerGroups().head());
      }
      Instant at = START.plus(Duration.ofHours(pickLong(in, 24L * 200)));
      if (entry.validity().isDefined() && chance(in, 85)) {
        TimeWindow window = entry.validity().get();
        at = window.start().plusSeconds(pickLong(in, window.duration().getSeconds()));
      }
      return new PriceRequest(product, categories, quantity(in, unit), currency, channel, groups,
          at);
    };
  }

  // ---- drawing

  private static PriceTarget target(RandomnessSource in) {
    return chance(in, 60) ? new PriceTarget.ForProduct(ProductId.parse(oneOf(in, PRODUCTS)))
        : new PriceTarget.ForCategory(oneOf(in, CATEGORIES));
  }

  private static Set<String> subset(RandomnessSource in, String[] pool) {
    Set<String> picked = HashSet.empty();
    for (String value : pool) {
      if (chance(in, 25)) {
        picked = picked.add(value);
      }
    }
    return picked;
  }

  /** Draws a positive quantity: whole for counts, up to one decimal for weights. */
  private static Quantity quantity(RandomnessSource in, QuantityUnit unit) {
    if (unit == QuantityUnit.PIECE) {
      return Quantity.of(1 + pickLong(in, 50), unit);
    }
    return Quantity.of(BigDecimal.valueOf(1 + pickLong(in, 2000), 1), unit);
  }

  private static QuantityUnit convertible(RandomnessSource in, QuantityUnit unit) {
    Vector<QuantityUnit> same = Vector.of(UNITS).filter(unit::isConvertibleTo);
    return same.get(pick(in, same.size()));
  }

  /** Returns the units a price per {@code unit} converts to exactly by an integer factor. */
  private static Vector<QuantityUnit> coarser(QuantityUnit unit) {
    return Vector.of(UNITS).filter(v -> v != unit && v.isConvertibleTo(unit)
        && factor(unit, v).isPresent());
  }

  /** Returns the units a quantity in {@code unit} converts to exactly by an integer factor. */
  private static Vector<QuantityUnit> finer(QuantityUnit unit) {
    return Vector.of(UNITS).filter(v -> v != unit && v.isConvertibleTo(unit)
        && factor(v, unit).isPresent());
  }

  /** Returns {@code big.size / small.size} if it is a whole number. */
  private static java.util.Optional<BigDecimal> factor(QuantityUnit small, QuantityUnit big) {
    BigDecimal[] division = big.sizeInBaseUnit().divideAndRemainder(small.sizeInBaseUnit());
    return division[1].signum() == 0 && division[0].signum() > 0
        ? java.util.Optional.of(division[0]) : java.util.Optional.empty();
  }

  /** Draws the unit a price per {@code unit} is re-expressed in: itself, or a coarser unit. */
  private static QuantityUnit priceUnit(RandomnessSource in, QuantityUnit unit) {
    Vector<QuantityUnit> coarser = coarser(unit);
    return coarser.isEmpty() || chance(in, 70) ? unit : coarser.get(pick(in, coarser.size()));
  }

  /** Re-expresses an amount per {@code from} as the same price per {@code to}, exactly. */
  private static UnitPrice price(BigDecimal amountPerFrom, Currency currency, QuantityUnit from,
      QuantityUnit to) {
    BigDecimal amount = from == to ? amountPerFrom
        : amountPerFrom.multiply(factor(from, to).orElseThrow());
    return UnitPrice.of(amount, currency, to);
  }

  private static Vector<QuantityBreak> breaks(RandomnessSource in, UnitPrice list,
      int maxScale) {
    int scale = Math.min(list.amount().scale(), maxScale);
    BigDecimal scaled = list.amount().movePointRight(scale);
    long listUnits = scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0
        ? Long.MAX_VALUE / 2 : scaled.longValueExact();
    int count = pick(in, 4);
    if (listUnits < count + 1L) {
      return Vector.empty();
    }
    java.util.TreeSet<Long> prices = new java.util.TreeSet<>();
    while (prices.size() < count) {
      prices.add(pickLong(in, listUnits));
    }
    QuantityUnit unit = list.unit();
    QuantityUnit priceUnit = priceUnit(in, unit);
    Vector<QuantityUnit> finer = finer(unit);
    QuantityUnit minimumUnit = finer.isEmpty() || chance(in, 70) ? unit
        : finer.get(pick(in, finer.size()));
    Vector<QuantityBreak> ladder = Vector.empty();
    long minimum = 0;
    for (Long units : prices.descendingSet()) {
      minimum += 1 + pickLong(in, 20);
      BigDecimal inListUnit = BigDecimal.valueOf(minimum);
      Quantity min = minimumUnit == unit ? Quantity.of(inListUnit, unit)
          : Quantity.of(inListUnit.multiply(factor(minimumUnit, unit).orElseThrow()), minimumUnit);
      ladder = ladder.append(new QuantityBreak(min,
          price(BigDecimal.valueOf(units, scale), list.currency(), unit, priceUnit)));
    }
    return ladder;
  }

  private static PriceEntry entry(RandomnessSource in, Currency currency, String code) {
    PriceTarget target = target(in);
    QuantityUnit unit = oneOf(in, UNITS);
    int scale = currency.getDefaultFractionDigits() + pick(in, 3);
    long listUnits = chance(in, 5) ? 0 : 1 + pickLong(in, 10_000_000);
    UnitPrice list = UnitPrice.of(BigDecimal.valueOf(listUnits, scale), currency, unit);
    Option<UnitPrice> sale = listUnits > 0 && chance(in, 35)
        ? Option.of(UnitPrice.of(BigDecimal.valueOf(pickLong(in, listUnits), scale), currency,
            unit))
        : Option.none();
    Vector<QuantityBreak> breaks = chance(in, 45) ? breaks(in, list, scale) : Vector.empty();
    Set<String> channels = chance(in, 40) ? subset(in, CHANNELS) : HashSet.empty();
    Set<String> groups = chance(in, 40) ? subset(in, GROUPS) : HashSet.empty();
    Option<TimeWindow> validity = Option.none();
    if (chance(in, 40)) {
      Instant start = START.plus(Duration.ofHours(pickLong(in, 24L * 120)));
      validity = Option.of(TimeWindow.of(start,
          start.plus(Duration.ofHours(1 + pickLong(in, 24L * 60)))));
    }
    Option<UnitPrice> cost = chance(in, 40) ? Option.of(price(
        BigDecimal.valueOf(pickLong(in, 10_000_000), scale), currency, unit,
        priceUnit(in, unit))) : Option.none();
    Option<UnitPrice> floor = chance(in, 40) ? Option.of(price(
        BigDecimal.valueOf(pickLong(in, listUnits + 1), scale), currency, unit,
        priceUnit(in, unit))) : Option.none();
    return new PriceEntry(code, target, list, sale, breaks, channels, groups, validity, cost,
        floor);
  }

  private static PriceBook book(RandomnessSource in, Currency currency) {
    int wanted = pick(in, 9);
    ArrayList<PriceEntry> entries = new ArrayList<>();
    for (int i = 0; i < wanted; i++) {
      PriceEntry candidate = entry(in, currency, oneOf(in, PREFIXES) + "-" + i);
      if (entries.stream().noneMatch(kept -> ambiguous(kept, candidate))) {
        entries.add(candidate);
      }
    }
    return new PriceBook(PriceBookId.parse("PB-" + pick(in, 10_000)),
        "Rosewood 红木 price book " + pick(in, 100), currency, Vector.ofAll(entries),
        START.plus(Duration.ofMinutes(pickLong(in, 525_600))));
  }

  /**
   * Says whether two entries would be ambiguous: same target, channels and customer groups and
   * overlapping validity (absent overlaps everything; windows that only touch count too, to keep
   * clear of the edge).
   */
  private static boolean ambiguous(PriceEntry a, PriceEntry b) {
    if (!a.target().equals(b.target()) || !a.channels().equals(b.channels())
        || !a.customerGroups().equals(b.customerGroups())) {
      return false;
    }
    if (a.validity().isEmpty() || b.validity().isEmpty()) {
      return true;
    }
    TimeWindow x = a.validity().get();
    TimeWindow y = b.validity().get();
    return !x.start().isAfter(y.end()) && !y.start().isAfter(x.end());
  }
}
