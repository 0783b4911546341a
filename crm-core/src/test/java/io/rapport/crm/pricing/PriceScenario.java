package io.rapport.crm.pricing;

import static io.rapport.crm.pricing.PriceFixtures.CNY;
import static io.rapport.crm.pricing.PriceFixtures.EUR;
import static io.rapport.crm.pricing.PriceFixtures.ROSEWOOD_TABLE;
import static io.rapport.crm.pricing.PriceFixtures.T0;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Currency;
import java.util.SplittableRandom;

/**
 * Builds a valid set of price books and a request from generated seeds: entries for the rosewood
 * table, its categories and unrelated products, in CNY and EUR books, with channels, customer
 * groups, validity windows, sale prices and breaks. Entries that would make a book ambiguous are
 * left out, so every book is valid.
 */
final class PriceScenario {

  static final Set<String> CATEGORIES = HashSet.of("tables", "furniture");
  private static final String[] TARGETS = {"p:rosewood-table", "c:tables", "c:furniture",
      "p:rosewood-chair", "c:sofas"};
  private static final String[][] CHANNELS = {{}, {"store"}, {"online"}, {"store", "online"}};
  private static final String[][] GROUPS = {{}, {"gold"}, {"silver"}, {"gold", "staff"}};
  private static final QuantityUnit[] UNITS = {QuantityUnit.JIN, QuantityUnit.KILOGRAM,
      QuantityUnit.GRAM, QuantityUnit.PIECE};

  private PriceScenario() {}

  /** Tells whether an entry prices the table or one of its categories. */
  static boolean related(PriceEntry entry) {
    return entry.target().equals(new PriceTarget.ForProduct(ROSEWOOD_TABLE))
        || entry.target() instanceof PriceTarget.ForCategory category
        && CATEGORIES.contains(category.category());
  }

  /** Returns two books, CNY then EUR, holding the valid entries built from the seeds. */
  static Seq<PriceBook> books(Seq<Long> seeds) {
    List<PriceEntry> cny = List.empty();
    List<PriceEntry> eur = List.empty();
    int i = 0;
    for (long seed : seeds) {
      SplittableRandom random = new SplittableRandom(seed);
      boolean inEuros = random.nextInt(4) == 0;
      PriceEntry entry = entry("e" + i++, inEuros ? EUR : CNY, random);
      if (inEuros && valid(EUR, eur.append(entry))) {
        eur = eur.append(entry);
      } else if (!inEuros && valid(CNY, cny.append(entry))) {
        cny = cny.append(entry);
      }
    }
    return List.of(book("cny", CNY, cny), book("eur", EUR, eur));
  }

  /** Returns a request for the table built from a seed. */
  static PriceRequest request(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    QuantityUnit unit = UNITS[random.nextInt(UNITS.length)];
    Quantity quantity = unit == QuantityUnit.PIECE
        ? Quantity.of(1 + random.nextInt(20), unit)
        : Quantity.of(java.math.BigDecimal.valueOf(1 + random.nextInt(200_000), 2), unit);
    String[] groups = GROUPS[random.nextInt(GROUPS.length)];
    return new PriceRequest(ROSEWOOD_TABLE, CATEGORIES, quantity,
        random.nextInt(5) == 0 ? EUR : CNY, random.nextBoolean() ? "store" : "online",
        HashSet.of(groups), T0.plusSeconds(3_600L * random.nextInt(24 * 40)));
  }

  static PriceBook book(String id, Currency currency, Seq<PriceEntry> entries) {
    return new PriceBook(PriceBookId.parse(id), "Book " + id, currency, entries, T0);
  }

  private static boolean valid(Currency currency, Seq<PriceEntry> entries) {
    return PriceBook.define(PriceBookId.parse("check"), "check", currency, entries, T0).isValid();
  }

  private static PriceEntry entry(String code, Currency currency, SplittableRandom random) {
    String target = TARGETS[random.nextInt(TARGETS.length)];
    PriceTarget priceTarget = target.startsWith("p:")
        ? new PriceTarget.ForProduct(io.rapport.crm.kernel.ProductId.parse(target.substring(2)))
        : new PriceTarget.ForCategory(target.substring(2));
    QuantityUnit unit = UNITS[random.nextInt(UNITS.length)];
    long listCents = 1_000 + random.nextInt(200_000);
    UnitPrice list = price(listCents, currency, unit);
    Option<UnitPrice> sale = random.nextBoolean()
        ? Option.of(price(listCents - 1 - random.nextInt(900), currency, unit))
        : Option.none();
    Seq<QuantityBreak> breaks = List.empty();
    if (random.nextBoolean()) {
      long minimum = 1 + random.nextInt(50);
      long price = listCents - 1 - random.nextInt(500);
      for (int j = 0; j < 1 + random.nextInt(3); j++) {
        breaks = breaks.append(new QuantityBreak(Quantity.of(minimum, unit),
            price(price, currency, unit)));
        minimum += 1 + random.nextInt(50);
        price -= 1 + random.nextInt(100);
      }
    }
    Option<TimeWindow> validity = Option.none();
    if (random.nextInt(3) == 0) {
      Instant start = T0.plusSeconds(3_600L * random.nextInt(24 * 40));
      validity = Option.of(TimeWindow.of(start, start.plusSeconds(3_600L
          * (1 + random.nextInt(24 * 20)))));
    }
    return new PriceEntry(code, priceTarget, list, sale, breaks,
        HashSet.of(CHANNELS[random.nextInt(CHANNELS.length)]),
        HashSet.of(GROUPS[random.nextInt(GROUPS.length)]), validity, Option.none(),
        Option.none());
  }

  private static UnitPrice price(long cents, Currency currency, QuantityUnit unit) {
    return UnitPrice.of(Money.ofMinor(cents, currency), unit);
  }
}
