package io.rapport.crm.testkit;

import static io.rapport.crm.testkit.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceRequest;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.QuantityBreak;
import io.rapport.crm.testkit.generators.PricingGenerators;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pricing generators make only valid books: every invariant of
 * docs/guides/pricing-storage.md holds for every generated book and entry, checked here
 * independently of the book's constructor, which its owner is writing at the same time (the
 * checker is itself shown to catch each kind of planted mistake); every variant is reachable; and
 * requests are well formed, those aimed at a book mostly meeting one of its entries.
 */
class PricingGeneratorsProperties {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Compares two unit prices per the same quantity: a per its unit against b per its unit. */
  private static int comparePerUnit(UnitPrice a, UnitPrice b) {
    return a.amount().multiply(b.unit().sizeInBaseUnit())
        .compareTo(b.amount().multiply(a.unit().sizeInBaseUnit()));
  }

  private static BigDecimal inBase(Quantity q) {
    return q.amount().multiply(q.unit().sizeInBaseUnit());
  }

  private static boolean overlap(Option<TimeWindow> a, Option<TimeWindow> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    return a.get().start().isBefore(b.get().end()) && b.get().start().isBefore(a.get().end());
  }

  /** Returns the names of the book invariants a book breaks. */
  static List<String> broken(PriceBook book) {
    List<String> broken = List.empty();
    if (book.name().isBlank() || book.name().length() > 200) {
      broken = broken.append("name");
    }
    Seq<String> codes = book.entries().map(PriceEntry::code);
    if (codes.distinct().size() != codes.size()) {
      broken = broken.append("codes.unique");
    }
    Currency currency = book.currency();
    for (int i = 0; i < book.entries().size(); i++) {
      PriceEntry e = book.entries().get(i);
      String at = "entries[" + i + "].";
      UnitPrice list = e.list();
      QuantityUnit unit = list.unit();
      if (!CODE.matcher(e.code()).matches()) {
        broken = broken.append(at + "code");
      }
      Seq<UnitPrice> prices = List.of(list).appendAll(e.sale()).appendAll(e.cost())
          .appendAll(e.floor()).appendAll(e.breaks().map(QuantityBreak::price));
      if (!prices.forAll(p -> p.currency().equals(currency))) {
        broken = broken.append(at + "currency");
      }
      if (e.sale().exists(s -> s.unit() != unit || comparePerUnit(s, list) >= 0)) {
        broken = broken.append(at + "sale");
      }
      for (int j = 0; j < e.breaks().size(); j++) {
        QuantityBreak b = e.breaks().get(j);
        boolean ok = b.minimum().amount().signum() > 0 && b.minimum().unit().isConvertibleTo(unit)
            && b.price().unit().isConvertibleTo(unit) && comparePerUnit(b.price(), list) < 0;
        if (j > 0) {
          QuantityBreak before = e.breaks().get(j - 1);
          ok = ok && inBase(before.minimum()).compareTo(inBase(b.minimum())) < 0
              && comparePerUnit(b.price(), before.price()) < 0;
        }
        if (!ok) {
          broken = broken.append(at + "breaks[" + j + "]");
        }
      }
      if (e.floor().exists(f -> !f.unit().isConvertibleTo(unit) || comparePerUnit(f, list) > 0)) {
        broken = broken.append(at + "floor");
      }
      PriceTarget target = e.target();
      if (target instanceof PriceTarget.ForCategory c && c.category().isBlank()) {
        broken = broken.append(at + "target");
      }
      if (e.channels().exists(String::isBlank) || e.customerGroups().exists(String::isBlank)) {
        broken = broken.append(at + "channels/groups");
      }
      for (int j = 0; j < i; j++) {
        PriceEntry other = book.entries().get(j);
        if (other.target().equals(target) && other.channels().equals(e.channels())
            && other.customerGroups().equals(e.customerGroups())
            && overlap(other.validity(), e.validity())) {
          broken = broken.append(at + "ambiguous");
          break;
        }
      }
    }
    return broken;
  }

  @Test
  void everyGeneratedBookKeepsEveryInvariant() {
    qt().forAll(PricingGenerators.books()).checkAssert(book ->
        assertThat(broken(book)).as("%s", book).isEmpty());
  }

  @Test
  void everyGeneratedEntryIsValidAsABookOfItsOwn() {
    qt().forAll(PricingGenerators.entries()).checkAssert(entry -> {
      PriceBook alone = new PriceBook(PriceBookId.parse("PB-1"), "alone",
          entry.list().currency(), Vector.of(entry), PricingGenerators.START);
      assertThat(broken(alone)).as("%s", entry).isEmpty();
    });
  }

  @Test
  void everyGeneratedBreakLadderFitsItsListPrice() {
    UnitPrice list = UnitPrice.parse("CNY 1280.00/jin");
    qt().forAll(PricingGenerators.breaks(list)).checkAssert(ladder -> {
      PriceEntry entry = new PriceEntry("e", new PriceTarget.ForCategory("chairs"), list,
          Option.none(), ladder, HashSet.empty(), HashSet.empty(), Option.none(), Option.none(),
          Option.none());
      assertThat(broken(new PriceBook(PriceBookId.parse("PB-1"), "b", list.currency(),
          Vector.of(entry), PricingGenerators.START))).as("%s", ladder).isEmpty();
    });
  }

  @Test
  void theBookRefusesWhatTheCheckerRefuses() {
    PriceBook good = PricingJsonRoundTripProperties.rosewoodBook();
    assertThat(broken(good)).isEmpty();
    PriceEntry first = good.entries().get(0);
    UnitPrice list = first.list();
    PriceEntry saleAbove = new PriceEntry("x1", first.target(), list,
        Option.of(UnitPrice.parse("CNY 1280.00/jin")), Vector.empty(), HashSet.of("web"),
        HashSet.empty(), Option.none(), Option.none(), Option.none());
    PriceEntry breaksUp = new PriceEntry("x2", first.target(), list, Option.none(),
        Vector.of(first.breaks().get(1), first.breaks().get(0)), HashSet.of("app"),
        HashSet.empty(), Option.none(), Option.none(), Option.none());
    PriceEntry floorAbove = new PriceEntry("x3", first.target(), list, Option.none(),
        Vector.empty(), HashSet.of("fair"), HashSet.empty(), Option.none(), Option.none(),
        Option.of(UnitPrice.parse("CNY 2561.00/kg")));
    PriceEntry twin = new PriceEntry("Twin!", first.target(), list, Option.none(),
        Vector.empty(), HashSet.empty(), HashSet.empty(),
        Option.of(TimeWindow.of(Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-10-02T00:00:00Z"))), Option.none(), Option.none());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PriceBook(good.id(), " ",
        good.currency(), good.entries().appendAll(List.of(saleAbove, breaksUp, floorAbove, twin,
            first)), good.updatedAt()))
        .isInstanceOfSatisfying(io.rapport.crm.kernel.InvalidValueException.class,
            e -> assertThat(e.violations().map(v -> v.code()).toJavaSet()).contains(
                "pricing.book.name.blank", "pricing.entry.code.duplicate",
                "pricing.entry.sale.not_below_list", "pricing.entry.floor.above_list",
                "pricing.entry.code.malformed", "pricing.entry.ambiguous"));
  }

  @Test
  void everyVariantIsReachable() {
    Set<String> seen = new TreeSet<>();
    qt().forAll(PricingGenerators.books()).checkAssert(book -> {
      seen.add("book with " + Math.min(book.entries().size(), 4) + " entries");
      for (PriceEntry e : book.entries()) {
        QuantityUnit unit = e.list().unit();
        seen.add(e.target().getClass().getSimpleName());
        seen.add("list per " + unit.symbol());
        seen.add(e.list().amount().signum() == 0 ? "free" : "priced");
        if (e.sale().isDefined()) {
          seen.add("sale");
        }
        seen.add("breaks " + e.breaks().size());
        if (e.breaks().exists(b -> b.price().unit() != unit)) {
          seen.add("break priced in another unit");
        }
        if (e.breaks().exists(b -> b.minimum().unit() != unit)) {
          seen.add("break minimum in another unit");
        }
        if (!e.channels().isEmpty()) {
          seen.add("channels");
        }
        if (!e.customerGroups().isEmpty()) {
          seen.add("customer groups");
        }
        if (e.validity().isDefined()) {
          seen.add("validity");
        }
        if (e.cost().isDefined()) {
          seen.add("cost");
        }
        if (e.floor().exists(f -> f.unit() != unit)) {
          seen.add("floor in another unit");
        }
        if (e.floor().exists(f -> f.unit() == unit)) {
          seen.add("floor in the list unit");
        }
      }
      seen.add("currency " + book.currency().getCurrencyCode());
    });
    assertThat(seen).contains("ForProduct", "ForCategory", "free", "priced", "sale", "breaks 0",
        "breaks 1", "breaks 2", "breaks 3", "break priced in another unit",
        "break minimum in another unit", "channels", "customer groups", "validity", "cost",
        "floor in another unit", "floor in the list unit", "book with 0 entries",
        "book with 4 entries", "currency CNY", "currency JPY", "currency BHD", "currency USD");
    for (QuantityUnit unit : QuantityUnit.values()) {
      assertThat(seen).contains("list per " + unit.symbol());
    }
  }

  @Test
  void requestsAreWellFormed() {
    qt().forAll(PricingGenerators.requests()).checkAssert(request -> {
      assertThat(request.quantity().amount().signum()).isPositive();
      assertThat(request.channel()).isNotBlank();
      assertThat(request.categories().forAll(c -> !c.isBlank())).isTrue();
    });
  }

  @Test
  void requestsAimedAtABookMostlyMeetOneOfItsEntries() {
    int[] met = new int[2];
    qt().forAll(PricingGenerators.books().flatMap(book ->
        PricingGenerators.requestsFor(book).map(request -> new Object[] {book, request})))
        .checkAssert(pair -> {
          PriceBook book = (PriceBook) pair[0];
          PriceRequest request = (PriceRequest) pair[1];
          assertThat(request.quantity().amount().signum()).isPositive();
          met[1]++;
          if (book.entries().exists(e -> meets(book, e, request))) {
            met[0]++;
          }
        });
    assertThat(met[0]).as("requests meeting an entry of %s", met[1])
        .isGreaterThan(met[1] / 3);
  }

  private static boolean meets(PriceBook book, PriceEntry e, PriceRequest r) {
    boolean target = e.target() instanceof PriceTarget.ForProduct p
        ? p.product().equals(r.product())
        : r.categories().contains(((PriceTarget.ForCategory) e.target()).category());
    return target && book.currency().equals(r.currency())
        && e.validity().forAll(w -> w.contains(r.at()))
        && (e.channels().isEmpty() || e.channels().contains(r.channel()))
        && (e.customerGroups().isEmpty()
            || e.customerGroups().exists(r.customerGroups()::contains))
        && e.list().unit().isConvertibleTo(r.quantity().unit());
  }
}
