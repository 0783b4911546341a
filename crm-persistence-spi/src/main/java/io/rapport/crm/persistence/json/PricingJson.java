package io.rapport.crm.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.crm.kernel.PriceBookId;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.TimeWindow;
import io.rapport.crm.kernel.UnitPrice;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.QuantityBreak;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;
import java.util.Currency;

/**
 * Maps the pricing package's price books to plain JSON and back, strictly (see docs/json.md and
 * docs/guides/pricing-storage.md): a book with its entries; each entry's target is an object with
 * a {@code "kind"} ({@code product} or {@code category}); unit prices and quantities are written
 * as everywhere else ({@code {"amount","currency","unit"}} and {@code {"amount","unit"}}); a
 * validity is a time window. Optional values and empty breaks, channels and customer groups are
 * absent; sets are arrays without repeats, written sorted.
 *
 * <p>Reading goes on after a problem and reports every one with its path (books are written by
 * hand): see {@link CollectingReader}. The book is rebuilt through its checking constructor, whose
 * violations (such as {@code entries[2].breaks[1].price}) are reported under their fields; the
 * book's rules are checked even when some of its properties are broken, on the properties that
 * read.
 */
final class PricingJson {

  private static final String KIND = "kind";

  /** What a book's rules about one property also refer to: left out if that property failed. */
  private static final java.util.Map<String, java.util.List<String>> BOOK_DEPENDENTS =
      java.util.Map.of("currency", java.util.List.of("entries"));

  private PricingJson() {}

  /** Adds the pricing package's mappings to the module. */
  static void addTo(RapportJsonModule module) {
    module.addValue(PriceTarget.class, PricingJson::writeTarget,
        (p, n) -> CollectingReader.read(p, n, "price target", PricingJson::readTarget));
    module.addValue(PriceTarget.ForProduct.class, PricingJson::writeTarget,
        (p, n) -> CollectingReader.read(p, n, "price target",
            (r, node, at) -> narrow(r, readTarget(r, node, at), at, PriceTarget.ForProduct.class)));
    module.addValue(PriceTarget.ForCategory.class, PricingJson::writeTarget,
        (p, n) -> CollectingReader.read(p, n, "price target",
            (r, node, at) -> narrow(r, readTarget(r, node, at), at,
                PriceTarget.ForCategory.class)));
    module.addValue(QuantityBreak.class, PricingJson::writeBreak,
        (p, n) -> CollectingReader.read(p, n, "quantity break", PricingJson::readBreak));
    module.addValue(PriceEntry.class, PricingJson::writeEntry,
        (p, n) -> CollectingReader.read(p, n, "price entry", PricingJson::readEntry));
    module.addValue(PriceBook.class, PricingJson::writeBook,
        (p, n) -> CollectingReader.read(p, n, "price book", PricingJson::readBook));
  }

  private static <T> T narrow(CollectingReader r, PriceTarget target, String path,
      Class<T> type) {
    if (target == null) {
      return null;
    }
    if (!type.isInstance(target)) {
      r.invalid(CollectingReader.child(path, KIND), "Expected a price target of kind "
          + (type == PriceTarget.ForProduct.class ? "product" : "category"));
      return null;
    }
    return type.cast(target);
  }

  // ---- helpers

  private static void texts(JsonGenerator g, String name, Set<String> texts) throws IOException {
    g.writeArrayFieldStart(name);
    for (String text : texts.toSortedSet()) {
      g.writeString(text);
    }
    g.writeEndArray();
  }

  private static void optionalPrice(JsonGenerator g, String name, Option<UnitPrice> price)
      throws IOException {
    if (price.isDefined()) {
      g.writeObjectField(name, price.get());
    }
  }

  private static String text(CollectingReader r, JsonNode node, String at) {
    return r.text(node, at);
  }


  // ---- targets and breaks

  private static void writeTarget(PriceTarget target, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (target instanceof PriceTarget.ForProduct product) {
      g.writeStringField(KIND, "product");
      g.writeStringField("product", product.product().value());
    } else {
      PriceTarget.ForCategory category = (PriceTarget.ForCategory) target;
      g.writeStringField(KIND, "category");
      g.writeStringField("category", category.category());
    }
    g.writeEndObject();
  }

  private static PriceTarget readTarget(CollectingReader r, JsonNode n, String path) {
    if (n == null || !n.isObject()) {
      r.object(n, path, "price target", new String[0]);
      return null;
    }
    JsonNode kindNode = n.get(KIND);
    if (kindNode == null || kindNode.isNull()) {
      r.object(n, path, "price target", new String[] {KIND}, "product", "category");
      return null;
    }
    String kind = r.text(kindNode, CollectingReader.child(path, KIND));
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "product": {
        CollectingReader.Obj o = r.object(n, path, "product target",
            new String[] {KIND, "product"});
        ProductId product = o.value("product", ProductId.class);
        return o.build(() -> new PriceTarget.ForProduct(product));
      }
      case "category": {
        CollectingReader.Obj o = r.object(n, path, "category target",
            new String[] {KIND, "category"});
        String category = o.text("category");
        return o.build(() -> new PriceTarget.ForCategory(category));
      }
      default:
        r.invalid(CollectingReader.child(path, KIND), "Unknown price target kind '" + kind
            + "'; expected one of product, category");
        return null;
    }
  }

  private static void writeBreak(QuantityBreak quantityBreak, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeObjectField("minimum", quantityBreak.minimum());
    g.writeObjectField("price", quantityBreak.price());
    g.writeEndObject();
  }

  private static QuantityBreak readBreak(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "quantity break",
        new String[] {"minimum", "price"});
    if (o == null) {
      return null;
    }
    Quantity minimum = o.value("minimum", Quantity.class);
    UnitPrice price = o.value("price", UnitPrice.class);
    return o.build(() -> new QuantityBreak(minimum, price));
  }

  // ---- entries and books

  private static void writeEntry(PriceEntry entry, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", entry.code());
    g.writeFieldName("target");
    writeTarget(entry.target(), g);
    g.writeObjectField("list", entry.list());
    optionalPrice(g, "sale", entry.sale());
    if (!entry.breaks().isEmpty()) {
      g.writeArrayFieldStart("breaks");
      for (QuantityBreak quantityBreak : entry.breaks()) {
        writeBreak(quantityBreak, g);
      }
      g.writeEndArray();
    }
    if (!entry.channels().isEmpty()) {
      texts(g, "channels", entry.channels());
    }
    if (!entry.customerGroups().isEmpty()) {
      texts(g, "customerGroups", entry.customerGroups());
    }
    if (entry.validity().isDefined()) {
      g.writeObjectField("validity", entry.validity().get());
    }
    optionalPrice(g, "cost", entry.cost());
    optionalPrice(g, "floor", entry.floor());
    g.writeEndObject();
  }

  private static PriceEntry readEntry(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "price entry",
        new String[] {"code", "target", "list"}, "sale", "breaks", "channels", "customerGroups",
        "validity", "cost", "floor");
    if (o == null) {
      return null;
    }
    String code = o.text("code");
    PriceTarget target = o.part("target", PricingJson::readTarget);
    UnitPrice list = o.value("list", UnitPrice.class);
    Option<UnitPrice> sale = o.optional("sale", UnitPrice.class);
    Vector<QuantityBreak> breaks = o.optionalList("breaks", PricingJson::readBreak);
    Set<String> channels = o.optionalSet("channels", PricingJson::text);
    Set<String> groups = o.optionalSet("customerGroups", PricingJson::text);
    Option<TimeWindow> validity = o.optional("validity", TimeWindow.class);
    Option<UnitPrice> cost = o.optional("cost", UnitPrice.class);
    Option<UnitPrice> floor = o.optional("floor", UnitPrice.class);
    return o.build(() -> new PriceEntry(code, target, list, sale, breaks, channels, groups,
        validity, cost, floor));
  }

  private static void writeBook(PriceBook book, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", book.id().value());
    g.writeStringField("name", book.name());
    g.writeStringField("currency", book.currency().getCurrencyCode());
    g.writeArrayFieldStart("entries");
    for (PriceEntry entry : book.entries()) {
      writeEntry(entry, g);
    }
    g.writeEndArray();
    g.writeStringField("updatedAt", IsoInstants.format(book.updatedAt()));
    g.writeEndObject();
  }

  private static PriceBook readBook(CollectingReader r, JsonNode n, String path) {
    CollectingReader.Obj o = r.object(n, path, "price book",
        new String[] {"id", "name", "currency", "entries", "updatedAt"});
    if (o == null) {
      return null;
    }
    PriceBookId id = o.value("id", PriceBookId.class);
    String name = o.text("name");
    Currency currency = o.part("currency", CollectingReader::currency);
    Vector<PriceEntry> entries = o.list("entries", PricingJson::readEntry);
    Instant updatedAt = o.value("updatedAt", Instant.class);
    return o.buildAnyway(() -> new PriceBook(o.or(id, PriceBookId.parse("unread")),
        o.or(name, "unread"), o.or(currency, Currency.getInstance("CNY")),
        o.or(entries, Vector.empty()), o.or(updatedAt, Instant.EPOCH)), BOOK_DEPENDENTS);
  }
}
