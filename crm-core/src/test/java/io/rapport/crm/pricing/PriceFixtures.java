package io.rapport.crm.pricing;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Currency;
import org.quicktheories.QuickTheory;

/** Price entries, books and requests that read as prose, for the pricing tests. */
final class PriceFixtures {

  static final Currency CNY = Currency.getInstance("CNY");
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final ProductId ROSEWOOD_TABLE = ProductId.parse("rosewood-table");
  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private PriceFixtures() {}

  /** Runs QuickTheories with a fixed seed, as {@code io.rapport.crm.kernel.PropertyChecks}. */
  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  static UnitPrice cny(String amount, QuantityUnit unit) {
    return UnitPrice.of(Money.of(amount, CNY), unit);
  }

  static UnitPrice eur(String amount, QuantityUnit unit) {
    return UnitPrice.of(Money.of(amount, EUR), unit);
  }

  static PriceTarget product(String id) {
    return new PriceTarget.ForProduct(ProductId.parse(id));
  }

  static PriceTarget category(String code) {
    return new PriceTarget.ForCategory(code);
  }

  static TimeWindow days(int fromDay, int toDay) {
    return TimeWindow.of(T0.plusSeconds(86_400L * fromDay), T0.plusSeconds(86_400L * toDay));
  }

  static PriceEntry entry(String code, PriceTarget target, UnitPrice list) {
    return new PriceEntry(code, target, list, Option.none(), List.empty(), HashSet.empty(),
        HashSet.empty(), Option.none(), Option.none(), Option.none());
  }

  static PriceEntry withCode(PriceEntry e, String code) {
    return new PriceEntry(code, e.target(), e.list(), e.sale(), e.breaks(), e.channels(),
        e.customerGroups(), e.validity(), e.cost(), e.floor());
  }

  static PriceEntry withTarget(PriceEntry e, PriceTarget target) {
    return new PriceEntry(e.code(), target, e.list(), e.sale(), e.breaks(), e.channels(),
        e.customerGroups(), e.validity(), e.cost(), e.floor());
  }

  static PriceEntry withList(PriceEntry e, UnitPrice list) {
    return new PriceEntry(e.code(), e.target(), list, e.sale(), e.breaks(), e.channels(),
        e.customerGroups(), e.validity(), e.cost(), e.floor());
  }

  static PriceEntry withSale(PriceEntry e, UnitPrice sale) {
    return new PriceEntry(e.code(), e.target(), e.list(), Option.of(sale), e.breaks(),
        e.channels(), e.customerGroups(), e.validity(), e.cost(), e.floor());
  }

  static PriceEntry withBreaks(PriceEntry e, QuantityBreak... breaks) {
    return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), List.of(breaks),
        e.channels(), e.customerGroups(), e.validity(), e.cost(), e.floor());
  }

  static QuantityBreak from(Quantity minimum, UnitPrice price) {
    return new QuantityBreak(minimum, price);
  }

  static PriceEntry withChannels(PriceEntry e, String... channels) {
    return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), e.breaks(),
        HashSet.of(channels), e.customerGroups(), e.validity(), e.cost(), e.floor());
  }

  static PriceEntry withGroups(PriceEntry e, String... groups) {
    return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), e.breaks(), e.channels(),
        HashSet.of(groups), e.validity(), e.cost(), e.floor());
  }

  static PriceEntry withValidity(PriceEntry e, TimeWindow validity) {
    return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), e.breaks(), e.channels(),
        e.customerGroups(), Option.of(validity), e.cost(), e.floor());
  }

  static PriceEntry withCost(PriceEntry e, UnitPrice cost) {
    return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), e.breaks(), e.channels(),
        e.customerGroups(), e.validity(), Option.of(cost), e.floor());
  }

  static PriceEntry withFloor(PriceEntry e, UnitPrice floor) {
    return new PriceEntry(e.code(), e.target(), e.list(), e.sale(), e.breaks(), e.channels(),
        e.customerGroups(), e.validity(), e.cost(), Option.of(floor));
  }

  static PriceBook book(String id, Currency currency, Seq<PriceEntry> entries) {
    return new PriceBook(PriceBookId.parse(id), "Book " + id, currency, entries, T0);
  }

  static PriceBook cnyBook(PriceEntry... entries) {
    return book("cny-main", CNY, List.of(entries));
  }

  static PriceRequest request(Quantity quantity) {
    return new PriceRequest(ROSEWOOD_TABLE, HashSet.of("tables"), quantity, CNY, "store",
        HashSet.of("gold"), T0.plusSeconds(86_400L * 10));
  }

  static PriceRequest withChannel(PriceRequest r, String channel) {
    return new PriceRequest(r.product(), r.categories(), r.quantity(), r.currency(), channel,
        r.customerGroups(), r.at());
  }

  static PriceRequest withGroups(PriceRequest r, String... groups) {
    return new PriceRequest(r.product(), r.categories(), r.quantity(), r.currency(), r.channel(),
        HashSet.of(groups), r.at());
  }

  static PriceRequest withCurrency(PriceRequest r, Currency currency) {
    return new PriceRequest(r.product(), r.categories(), r.quantity(), currency, r.channel(),
        r.customerGroups(), r.at());
  }

  static PriceRequest withAt(PriceRequest r, Instant at) {
    return new PriceRequest(r.product(), r.categories(), r.quantity(), r.currency(), r.channel(),
        r.customerGroups(), at);
  }
}
