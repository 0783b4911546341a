package io.rapport.crm.pricing;

import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.kernel.Violation;
import io.vavr.Tuple;
import io.vavr.Tuple3;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a book's name, currency and entries against the invariants of {@link PriceBook},
 * collecting every violation with its field path. Shared by {@link PriceBook#define} and the
 * canonical constructor so both report the same codes.
 */
final class PriceBookChecks {

  /** The longest book name, in characters. */
  static final int MAX_NAME = 200;

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private PriceBookChecks() {}

  /** Returns every violation of a book, in the order of its parts, or none. */
  static Seq<Violation> problems(String name, Currency currency, Seq<PriceEntry> entries) {
    java.util.List<Violation> out = new ArrayList<>();
    if (name.isBlank()) {
      out.add(Violation.of("pricing.book.name.blank", "name", "A price book needs a name"));
    } else if (name.length() > MAX_NAME) {
      out.add(Violation.of("pricing.book.name.too_long", "name", "A price book's name has at most "
          + MAX_NAME + " characters, not " + name.length()));
    }
    if (currency.getDefaultFractionDigits() < 0) {
      out.add(Violation.of("pricing.book.currency.no_minor_unit", "currency",
          currency.getCurrencyCode() + " has no minor unit and cannot price goods"));
    }
    java.util.Set<String> codes = new HashSet<>();
    Map<Tuple3<PriceTarget, Set<String>, Set<String>>, java.util.List<Integer>> sameKey =
        new HashMap<>();
    java.util.List<PriceEntry> seen = new ArrayList<>();
    int i = 0;
    for (PriceEntry entry : entries) {
      seen.add(entry);
      String at = "entries[" + i + "]";
      if (!CODE.matcher(entry.code()).matches()) {
        out.add(Violation.of("pricing.entry.code.malformed", at + ".code",
            "An entry code is a lower-case letter or digit, then up to 63 lower-case letters,"
                + " digits or . _ -, but got " + quote(entry.code())));
      } else if (!codes.add(entry.code())) {
        out.add(Violation.of("pricing.entry.code.duplicate", at + ".code",
            "Entry code " + entry.code() + " is used more than once"));
      }
      entry(out, entry, at, currency);
      java.util.List<Integer> earlier = sameKey.computeIfAbsent(
          Tuple.of(entry.target(), entry.channels(), entry.customerGroups()),
          key -> new ArrayList<>());
      for (int j : earlier) {
        PriceEntry other = seen.get(j);
        if (overlap(entry.validity(), other.validity())) {
          out.add(Violation.of("pricing.entry.ambiguous", at,
              "Entry " + quote(entry.code()) + " prices the same target for the same channels and"
                  + " customer groups as entries[" + j + "] " + quote(other.code())
                  + " (both standing, or both from the same start), so neither is more"
                  + " specific"));
          break;
        }
      }
      earlier.add(i);
      i++;
    }
    return List.ofAll(out);
  }

  private static void entry(java.util.List<Violation> out, PriceEntry entry, String at,
      Currency currency) {
    if (entry.target() instanceof PriceTarget.ForCategory category
        && category.category().isBlank()) {
      out.add(Violation.of("pricing.entry.category.blank", at + ".target.category",
          "A category default needs a category code"));
    }
    UnitPrice list = entry.list();
    boolean listOk = inCurrency(out, list, at + ".list", currency);
    entry.sale().forEach(sale -> {
      if (inCurrency(out, sale, at + ".sale", currency) && listOk) {
        if (sale.unit() != list.unit()) {
          out.add(Violation.of("pricing.entry.sale.unit", at + ".sale",
              "A sale price is per " + list.unit().symbol() + " like the list price, not per "
                  + sale.unit().symbol()));
        } else if (PerUnit.compare(sale, list) >= 0) {
          out.add(Violation.of("pricing.entry.sale.not_below_list", at + ".sale",
              "A sale price is below the list price " + list + ", but got " + sale));
        }
      }
    });
    breaks(out, entry.breaks(), list, listOk, at, currency);
    entry.cost().forEach(cost -> {
      if (inCurrency(out, cost, at + ".cost", currency)) {
        convertible(out, cost, list, at + ".cost", "pricing.entry.cost.unit");
      }
    });
    entry.floor().forEach(floor -> {
      if (inCurrency(out, floor, at + ".floor", currency)
          && convertible(out, floor, list, at + ".floor", "pricing.entry.floor.unit")
          && listOk && PerUnit.compare(floor, list) > 0) {
        out.add(Violation.of("pricing.entry.floor.above_list", at + ".floor",
            "A floor is at most the list price " + list + ", but got " + floor));
      }
    });
    blanks(out, entry.channels(), at + ".channels", "pricing.entry.channel.blank", "channel");
    blanks(out, entry.customerGroups(), at + ".customerGroups",
        "pricing.entry.customer_group.blank", "customer group");
  }

  private static void breaks(java.util.List<Violation> out, Seq<QuantityBreak> breaks,
      UnitPrice list, boolean listOk, String at, Currency currency) {
    QuantityBreak previous = null;
    int j = 0;
    for (QuantityBreak quantityBreak : breaks) {
      String here = at + ".breaks[" + j++ + "]";
      boolean minimumOk = true;
      if (!quantityBreak.minimum().unit().isConvertibleTo(list.unit())) {
        minimumOk = false;
        out.add(Violation.of("pricing.entry.break.minimum.unit", here + ".minimum",
            "A break's minimum is a quantity convertible to " + list.unit().symbol() + ", not "
                + quantityBreak.minimum()));
      } else if (quantityBreak.minimum().isZero()) {
        out.add(Violation.of("pricing.entry.break.minimum.not_positive", here + ".minimum",
            "A break's minimum is positive, not " + quantityBreak.minimum()));
      }
      UnitPrice price = quantityBreak.price();
      boolean priceOk = inCurrency(out, price, here + ".price", currency)
          && convertible(out, price, list, here + ".price", "pricing.entry.break.price.unit");
      if (priceOk && listOk && PerUnit.compare(price, list) >= 0) {
        out.add(Violation.of("pricing.entry.break.price.not_below_list", here + ".price",
            "A break's price is below the list price " + list + ", but got " + price));
      }
      if (previous != null) {
        if (minimumOk && PerUnit.compare(quantityBreak.minimum(), previous.minimum()) <= 0) {
          out.add(Violation.of("pricing.entry.break.minimum.not_increasing", here + ".minimum",
              "Break minimums rise strictly, but " + quantityBreak.minimum() + " follows "
                  + previous.minimum()));
        }
        if (priceOk && PerUnit.compare(price, previous.price()) >= 0) {
          out.add(Violation.of("pricing.entry.break.price.not_decreasing", here + ".price",
              "Break prices fall strictly, but " + price + " follows " + previous.price()));
        }
      }
      if (minimumOk && priceOk) {
        previous = quantityBreak;
      }
    }
  }

  private static boolean inCurrency(java.util.List<Violation> out, UnitPrice price, String field,
      Currency currency) {
    if (!price.currency().equals(currency)) {
      out.add(Violation.of("pricing.entry.currency_mismatch", field,
          "Every price of the book is in " + currency.getCurrencyCode() + ", but got " + price));
      return false;
    }
    return true;
  }

  private static boolean convertible(java.util.List<Violation> out, UnitPrice price,
      UnitPrice list, String field, String code) {
    if (!price.unit().isConvertibleTo(list.unit())) {
      out.add(Violation.of(code, field, "A price here is per a unit convertible to "
          + list.unit().symbol() + " like the list price, but got " + price));
      return false;
    }
    return true;
  }

  private static void blanks(java.util.List<Violation> out, Set<String> values, String field,
      String code, String what) {
    if (values.exists(String::isBlank)) {
      out.add(Violation.of(code, field, "A " + what + " is not blank"));
    }
  }

  /** Tells whether two validities overlap; an absent validity overlaps every time. */
  /**
   * Tells whether two entries for the same target, channels and groups leave selection without
   * a winner: both standing (no window), or both windowed from the same start and overlapping. A
   * window beats no window, and of two overlapping windows the later start wins (a flash sale
   * inside a season's sale), so those pairs are not ambiguous.
   */
  static boolean overlap(Option<TimeWindow> a, Option<TimeWindow> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().start().equals(b.get().start())
        && a.get().start().isBefore(b.get().end()) && b.get().start().isBefore(a.get().end());
  }

  private static String quote(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 64 ? text.substring(0, 61) + "..." : text) + "'";
  }
}
