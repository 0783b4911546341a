package io.rapport.crm.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.Violation;
import io.rapport.crm.persistence.json.CodecException;
import io.rapport.crm.persistence.json.JsonCodec;
import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CartLine;
import io.rapport.crm.pricing.CartProblem;
import io.rapport.crm.pricing.CartRejection;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.CustomerContext;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.Quote;
import io.rapport.crm.pricing.QuoteAdjustment;
import io.rapport.crm.pricing.QuoteEngine;
import io.rapport.crm.pricing.QuoteLine;
import io.rapport.crm.pricing.RoundingPolicy;
import io.rapport.crm.pricing.RoundingStep;
import io.rapport.crm.pricing.RuleNotApplied;
import io.rapport.crm.pricing.RuleSet;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Quotes a cart against price books and, optionally, a discount rule set, showing every applied
 * and every skipped rule with its reason.
 */
@Command(name = "quote", mixinStandardHelpOptions = true,
    description = {"Quotes a cart: the selected prices, every rule applied and every rule "
        + "skipped with why, the totals and the rounding.",
        "Price books are price_book documents, rules a pricing_rules document (docs/json.md); "
            + "the cart's shape is in docs/cli.md. Without --rules, no discounts apply.",
        "Exit status: 0 quoted, 1 the cart was refused (every problem is printed), "
            + "2 bad input or usage."})
final class QuoteCommand implements Callable<Integer> {

  private static final ObjectMapper TREE = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Option(names = "--price-book", required = true, paramLabel = "FILE.json",
      description = "A price book (repeat for several books).")
  List<Path> priceBooks;

  @Option(names = "--rules", paramLabel = "FILE.json",
      description = "A discount rule set. Default: no discounts.")
  Path rules;

  @Option(names = "--cart", required = true, paramLabel = "FILE.json", description = "The cart.")
  Path cartFile;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "json or table. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws IOException {
    JsonCodec codec = JsonCodec.standard();
    List<PriceBook> books = new ArrayList<>();
    for (Path book : priceBooks) {
      books.add(decode(codec, Inputs.readable(spec, book, "--price-book"), PriceBook.class));
    }
    io.vavr.control.Option<RuleSet> ruleSet = rules == null ? io.vavr.control.Option.none()
        : io.vavr.control.Option.some(decode(codec, Inputs.readable(spec, rules, "--rules"), RuleSet.class));
    Cart cart = readCart(codec, Inputs.readable(spec, cartFile, "--cart"));
    RuleSet set = ruleSet.getOrElse(() -> RuleSet.noDiscounts("no discounts", cart.currency(),
        RoundingPolicy.STANDARD, cart.at()));
    Either<CartRejection, Quote> quoted = QuoteEngine.quote(PriceList.of(Vector.ofAll(books)),
        set, cart, CouponUsage.NONE);
    if (quoted.isLeft()) {
      for (CartProblem problem : quoted.getLeft().problems()) {
        spec.commandLine().getErr().println("rapport: cart refused: "
            + problem.lineId().map(id -> "line " + id + ": ").getOrElse("") + problem.message()
            + " [" + problem.code() + "]");
      }
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(Inputs.json(json(quoted.get())));
    } else {
      out.print(table(quoted.get()));
    }
    out.flush();
    return 0;
  }

  private static <T> T decode(JsonCodec codec, Path file, Class<T> type) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonLocations locations = JsonLocations.of(file, text);
    try {
      return locations.has("$.schemaVersion") ? codec.decodeDocument(text, type)
          : codec.decode(text, type);
    } catch (CodecException refused) {
      throw located(locations, refused, "");
    }
  }

  private static InputFileException located(JsonLocations locations, CodecException refused,
      String prefix) {
    if (refused.violations().isEmpty()) {
      String path = under(prefix, refused.path());
      return locations.at(path, refused.getMessage().substring(refused.path().length() + 2)
          + " at " + path);
    }
    List<InputFileException> problems = new ArrayList<>();
    for (Violation violation : refused.violations()) {
      String path = under(prefix, violation.field());
      problems.add(locations.at(path, violation.message() + " [" + violation.code() + " at "
          + path + "]"));
    }
    return new InputFileException(problems);
  }

  /** Returns a codec path or field name as a path from the file's root. */
  private static String under(String prefix, String field) {
    String root = prefix.isEmpty() ? "$" : prefix;
    if (field.startsWith("$")) {
      return root + field.substring(1);
    }
    return field.startsWith("[") ? root + field : root + "." + field;
  }

  /** Reads a cart in the shape documented in docs/cli.md. */
  private static Cart readCart(JsonCodec codec, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonLocations at = JsonLocations.of(file, text);
    JsonNode root = TREE.readTree(text);
    CartReader reader = new CartReader(codec, at);
    return reader.cart(root);
  }

  /** Turns a cart's JSON tree into a {@link Cart}, naming the place of the first problem. */
  private static final class CartReader {
    private final JsonCodec codec;
    private final JsonLocations at;

    CartReader(JsonCodec codec, JsonLocations at) {
      this.codec = codec;
      this.at = at;
    }

    Cart cart(JsonNode root) {
      object(root, "$", Set.of("currency", "channel", "at", "customer", "coupons", "lines"));
      Currency currency = currency(text(root, "$", "currency"), "$.currency");
      String channel = text(root, "$", "channel");
      Instant when = instant(text(root, "$", "at"), "$.at");
      CustomerContext customer = root.has("customer") ? customer(root.get("customer"))
          : CustomerContext.ANONYMOUS;
      io.vavr.collection.Set<String> coupons = strings(root.get("coupons"), "$.coupons");
      JsonNode lines = root.get("lines");
      if (lines == null || !lines.isArray() || lines.isEmpty()) {
        throw at.at("$.lines", "'lines' must be a non-empty array of cart lines");
      }
      List<CartLine> cartLines = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        cartLines.add(line(lines.get(i), "$.lines[" + i + "]"));
      }
      return new Cart(currency, Vector.ofAll(cartLines), customer, channel, when, coupons);
    }

    private CartLine line(JsonNode node, String path) {
      object(node, path, Set.of("id", "product", "quantity", "categories", "attributes"));
      String id = text(node, path, "id");
      ProductId product = parse(() -> ProductId.parse(text(node, path, "product")),
          path + ".product");
      JsonNode quantity = node.get("quantity");
      if (quantity == null) {
        throw at.at(path, "missing property 'quantity'");
      }
      Quantity amount;
      try {
        amount = codec.decode(quantity.toString(), Quantity.class);
      } catch (CodecException refused) {
        throw located(at, refused, path + ".quantity");
      }
      io.vavr.collection.Map<String, String> attributes = HashMap.empty();
      JsonNode attributesNode = node.get("attributes");
      if (attributesNode != null) {
        if (!attributesNode.isObject()) {
          throw at.at(path + ".attributes", "'attributes' must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = attributesNode.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          if (!entry.getValue().isTextual()) {
            throw at.at(path + ".attributes." + entry.getKey(), "an attribute must be a string");
          }
          attributes = attributes.put(entry.getKey(), entry.getValue().asText());
        }
      }
      return new CartLine(id, product, strings(node.get("categories"), path + ".categories"),
          attributes, amount);
    }

    private CustomerContext customer(JsonNode node) {
      String path = "$.customer";
      object(node, path, Set.of("id", "tier", "tierDiscount", "segments", "tags"));
      io.vavr.control.Option<CustomerId> id = node.has("id")
          ? io.vavr.control.Option.some(parse(() -> CustomerId.parse(text(node, path, "id")), path + ".id"))
          : io.vavr.control.Option.none();
      io.vavr.control.Option<String> tier = node.has("tier") ? io.vavr.control.Option.some(text(node, path, "tier"))
          : io.vavr.control.Option.none();
      Percentage discount = node.has("tierDiscount")
          ? parse(() -> Percentage.parse(text(node, path, "tierDiscount")), path + ".tierDiscount")
          : Percentage.ZERO;
      try {
        return new CustomerContext(id, tier, discount, strings(node.get("segments"),
            path + ".segments"), strings(node.get("tags"), path + ".tags"));
      } catch (IllegalArgumentException refused) {
        throw at.at(path + ".tierDiscount", refused.getMessage());
      }
    }

    private void object(JsonNode node, String path, Set<String> known) {
      if (node == null || !node.isObject()) {
        throw at.at(path, "expected an object");
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!known.contains(name)) {
          throw at.at(path + "." + name, "unknown property '" + name + "' (known: "
              + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
      }
    }

    private String text(JsonNode node, String path, String name) {
      JsonNode value = node.get(name);
      if (value == null) {
        throw at.at(path, "missing property '" + name + "'");
      }
      if (!value.isTextual() || value.asText().isBlank()) {
        throw at.at(path + "." + name, "'" + name + "' must be a non-blank string");
      }
      return value.asText();
    }

    private io.vavr.collection.Set<String> strings(JsonNode node, String path) {
      if (node == null) {
        return HashSet.empty();
      }
      if (!node.isArray()) {
        throw at.at(path, "expected an array of strings");
      }
      io.vavr.collection.Set<String> out = io.vavr.collection.LinkedHashSet.empty();
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isTextual()) {
          throw at.at(path + "[" + i + "]", "expected a string");
        }
        out = out.add(node.get(i).asText());
      }
      return out;
    }

    private Currency currency(String code, String path) {
      try {
        return Currency.getInstance(code);
      } catch (IllegalArgumentException unknown) {
        throw at.at(path, "'" + code + "' is not an ISO currency code");
      }
    }

    private Instant instant(String text, String path) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException bad) {
        throw at.at(path, "'" + text + "' is not an ISO instant such as 2026-11-11T02:00:00Z");
      }
    }

    private <T> T parse(java.util.function.Supplier<T> value, String path) {
      try {
        return value.get();
      } catch (InvalidValueException refused) {
        throw at.at(path, refused.violations().map(v -> v.message() + " [" + v.code() + "]")
            .mkString("; "));
      } catch (IllegalArgumentException refused) {
        throw at.at(path, refused.getMessage());
      }
    }
  }

  static Map<String, Object> json(Quote quote) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("currency", quote.currency().getCurrencyCode());
    List<Object> lines = new ArrayList<>();
    for (QuoteLine line : quote.lines()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", line.lineId());
      out.put("product", line.product().toString());
      out.put("quantity", line.quantity().toString());
      out.put("priceEntry", line.base().entry().code());
      out.put("basis", line.base().basis());
      out.put("unitPrice", line.base().unitPrice().toString());
      out.put("baseAmount", line.baseAmount().toPlainString());
      out.put("adjustments", adjustments(line.adjustments()));
      out.put("finalAmount", line.finalAmount().toPlainString());
      line.roundedAmount().forEach(m -> out.put("roundedAmount", m.amount().toPlainString()));
      out.put("notApplied", skipped(line.notApplied()));
      lines.add(out);
    }
    json.put("lines", lines);
    json.put("applied", adjustments(quote.ruleTotals()));
    json.put("skipped", skipped(quote.notApplied()));
    json.put("subtotal", quote.subtotal().toPlainString());
    json.put("discount", quote.discount().toPlainString());
    json.put("exactTotal", quote.exactTotal().toPlainString());
    json.put("total", quote.total().amount().toPlainString());
    List<Object> rounding = new ArrayList<>();
    for (RoundingStep step : quote.rounding()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("scope", step.scope());
      out.put("exact", step.exact().toPlainString());
      out.put("rounded", step.rounded().amount().toPlainString());
      out.put("mode", step.mode().name());
      rounding.add(out);
    }
    json.put("rounding", rounding);
    return json;
  }

  private static List<Object> adjustments(Seq<QuoteAdjustment> adjustments) {
    List<Object> out = new ArrayList<>();
    for (QuoteAdjustment adjustment : adjustments) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("rule", adjustment.rule().toString());
      one.put("amount", adjustment.amount().toPlainString());
      one.put("reason", adjustment.reason());
      out.add(one);
    }
    return out;
  }

  private static List<Object> skipped(Seq<RuleNotApplied> rules) {
    List<Object> out = new ArrayList<>();
    for (RuleNotApplied rule : rules) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("rule", rule.rule().toString());
      one.put("code", rule.code());
      one.put("reason", rule.reason());
      out.add(one);
    }
    return out;
  }

  static String table(Quote quote) {
    StringBuilder out = new StringBuilder();
    String currency = quote.currency().getCurrencyCode();
    out.append("Quote in ").append(currency).append(System.lineSeparator());
    for (QuoteLine line : quote.lines()) {
      out.append(String.format(Locale.ROOT, "line %s: %s x %s at %s (%s, entry %s) = %s%n",
          line.lineId(), line.product(), line.quantity(), line.base().unitPrice(),
          line.base().basis(), line.base().entry().code(), line.baseAmount().toPlainString()));
      for (QuoteAdjustment adjustment : line.adjustments()) {
        out.append(String.format(Locale.ROOT, "  applied %-20s %14s  %s%n", adjustment.rule(),
            adjustment.amount().toPlainString(), adjustment.reason()));
      }
      for (RuleNotApplied rule : line.notApplied()) {
        out.append(String.format(Locale.ROOT, "  skipped %-20s %s: %s%n", rule.rule(),
            rule.code(), rule.reason()));
      }
      out.append(String.format(Locale.ROOT, "  line amount %s%s%n",
          line.finalAmount().toPlainString(), line.roundedAmount()
              .map(m -> ", rounded " + m.amount().toPlainString()).getOrElse("")));
    }
    out.append("Rules applied:").append(quote.ruleTotals().isEmpty() ? " none" : "")
        .append(System.lineSeparator());
    for (QuoteAdjustment adjustment : quote.ruleTotals()) {
      out.append(String.format(Locale.ROOT, "  %-20s %14s  %s%n", adjustment.rule(),
          adjustment.amount().toPlainString(), adjustment.reason()));
    }
    out.append("Rules skipped:").append(quote.notApplied().isEmpty() ? " none" : "")
        .append(System.lineSeparator());
    for (RuleNotApplied rule : quote.notApplied()) {
      out.append(String.format(Locale.ROOT, "  %-20s %s: %s%n", rule.rule(), rule.code(),
          rule.reason()));
    }
    out.append(String.format(Locale.ROOT, "subtotal    %s %s%n", currency,
        quote.subtotal().toPlainString()));
    out.append(String.format(Locale.ROOT, "discount    %s %s%n", currency,
        quote.discount().toPlainString()));
    out.append(String.format(Locale.ROOT, "exact total %s %s%n", currency,
        quote.exactTotal().toPlainString()));
    out.append(String.format(Locale.ROOT, "total       %s%n", quote.total()));
    return out.toString();
  }
}
