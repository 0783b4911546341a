package io.rapport.crm.testkit.generators;

import static io.rapport.crm.testkit.generators.Draws.chance;
import static io.rapport.crm.testkit.generators.Draws.oneOf;
import static io.rapport.crm.testkit.generators.Draws.pick;
import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.pricing.Cart;
import io.rapport.crm.pricing.CartLine;
import io.rapport.crm.pricing.Condition;
import io.rapport.crm.pricing.CouponUsage;
import io.rapport.crm.pricing.CustomerContext;
import io.rapport.crm.pricing.PriceBook;
import io.rapport.crm.pricing.PriceEntry;
import io.rapport.crm.pricing.PriceList;
import io.rapport.crm.pricing.PriceTarget;
import io.rapport.crm.pricing.PricingRule;
import io.rapport.crm.pricing.RuleSet;
import io.rapport.crm.testkit.laws.QuoteCase;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Generates carts over a price list's products for a rule set, so that {@code QuoteLaws} can be
 * run on a team's own prices and rules: lines of the products the list prices (and of products
 * only known by a category the list prices), in quantities of the price's dimension (pieces, or
 * weights in jin, liang, kg or g), with the categories, attributes, customer tiers, segments,
 * tags, channels and coupons that the rules and the price entries mention, so that the rules'
 * conditions both hold and fail.
 */
public final class CartGenerators {

  private static final QuantityUnit[] WEIGHTS = {QuantityUnit.JIN, QuantityUnit.LIANG,
      QuantityUnit.KILOGRAM, QuantityUnit.GRAM};

  private CartGenerators() {}

  /**
   * Returns carts of 1 to 6 lines over the list's products, in the rule set's currency, at an
   * instant.
   *
   * @param prices the price list
   * @param rules the rule set whose conditions the carts exercise
   * @param at the instant every cart is quoted at
   * @return the generator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the price list has no entry
   */
  public static Gen<Cart> carts(PriceList prices, RuleSet rules, Instant at) {
    return carts(prices, rules, at, 6);
  }

  /**
   * Returns carts of 1 to {@code maxLines} lines over the list's products, in the rule set's
   * currency, at an instant.
   *
   * @param prices the price list
   * @param rules the rule set whose conditions the carts exercise
   * @param at the instant every cart is quoted at
   * @param maxLines the most lines in a cart, at least 1
   * @return the generator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the price list has no entry or maxLines is below 1
   */
  public static Gen<Cart> carts(PriceList prices, RuleSet rules, Instant at, int maxLines) {
    requireNonNull(prices, "prices");
    requireNonNull(rules, "rules");
    requireNonNull(at, "at");
    if (maxLines < 1) {
      throw new IllegalArgumentException("A cart has at least one line, not " + maxLines);
    }
    Pools pools = new Pools(prices, rules);
    return in -> cart(in, pools, rules, at, maxLines);
  }

  /**
   * Returns quote cases: the price list and rule set with generated carts and no usage so far.
   *
   * @param prices the price list
   * @param rules the rule set
   * @param at the instant every cart is quoted at
   * @return the generator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the price list has no entry
   */
  public static Gen<QuoteCase> cases(PriceList prices, RuleSet rules, Instant at) {
    return carts(prices, rules, at).map(cart -> new QuoteCase(prices, rules, cart,
        CouponUsage.NONE));
  }

  /** What the carts draw from. */
  private static final class Pools {
    final List<PriceEntry> entries = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
    final List<Tuple2<String, String>> attributes = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<String> segments = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<String> channels = new ArrayList<>();
    final List<String> coupons = new ArrayList<>();
    final List<ProductId> products = new ArrayList<>();

    Pools(PriceList prices, RuleSet rules) {
      channels.add("store");
      for (PriceBook book : prices.books()) {
        for (PriceEntry entry : book.entries()) {
          entries.add(entry);
          if (entry.target() instanceof PriceTarget.ForCategory category) {
            add(categories, category.category());
          } else {
            add(products, ((PriceTarget.ForProduct) entry.target()).product());
          }
          entry.channels().forEach(channel -> add(channels, channel));
          entry.customerGroups().forEach(group -> add(groups, group));
        }
      }
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("The price list has no entry to make carts of");
      }
      for (PricingRule rule : rules.rules()) {
        for (Condition c : rule.conditions()) {
          if (c instanceof Condition.Categories x) {
            x.categories().forEach(value -> add(categories, value));
          } else if (c instanceof Condition.Attribute x) {
            x.values().forEach(value -> add(attributes, new Tuple2<>(x.key(), value)));
          } else if (c instanceof Condition.CustomerTiers x) {
            x.tiers().forEach(value -> add(groups, value));
          } else if (c instanceof Condition.CustomerSegments x) {
            x.segments().forEach(value -> add(segments, value));
          } else if (c instanceof Condition.CustomerTags x) {
            x.tags().forEach(value -> add(tags, value));
          } else if (c instanceof Condition.Channels x) {
            x.channels().forEach(value -> add(channels, value));
          } else if (c instanceof Condition.Coupon x) {
            add(coupons, x.code());
          }
        }
      }
    }

    private static <T> void add(List<T> list, T value) {
      if (!list.contains(value)) {
        list.add(value);
      }
    }
  }

  private static Cart cart(RandomnessSource in, Pools pools, RuleSet rules, Instant at,
      int maxLines) {
    int count = 1 + pick(in, maxLines);
    ArrayList<CartLine> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(line(in, pools, "L" + (i + 1)));
    }
    return new Cart(rules.currency(), Vector.ofAll(lines), customer(in, pools),
        pools.channels.get(pick(in, pools.channels.size())), at,
        LinkedHashSet.ofAll(some(in, pools.coupons, 30)));
  }

  private static CartLine line(RandomnessSource in, Pools pools, String id) {
    PriceEntry entry = pools.entries.get(pick(in, pools.entries.size()));
    Set<String> categories = LinkedHashSet.ofAll(some(in, pools.categories, 25));
    ProductId product;
    if (entry.target() instanceof PriceTarget.ForProduct target) {
      product = target.product();
    } else {
      product = ProductId.parse("PRD-other-" + pick(in, 5));
      categories = categories.add(((PriceTarget.ForCategory) entry.target()).category());
    }
    Map<String, String> attributes = HashMap.empty();
    for (Tuple2<String, String> attribute : some(in, pools.attributes, 30)) {
      attributes = attributes.put(attribute._1, attribute._2);
    }
    Quantity quantity = entry.list().unit() == QuantityUnit.PIECE
        ? Quantity.pieces(1 + pick(in, 6))
        : Quantity.of(BigDecimal.valueOf(1 + pick(in, 300), 1), oneOf(in, WEIGHTS));
    return new CartLine(id, product, categories, attributes, quantity);
  }

  private static CustomerContext customer(RandomnessSource in, Pools pools) {
    if (chance(in, 25)) {
      return CustomerContext.ANONYMOUS;
    }
    Option<String> tier = pools.groups.isEmpty() || chance(in, 30) ? Option.none()
        : Option.of(pools.groups.get(pick(in, pools.groups.size())));
    Percentage discount = tier.isEmpty() ? Percentage.ZERO
        : Percentage.ofBasisPoints(pick(in, 3001));
    return new CustomerContext(Option.of(CustomerId.parse("CUS-" + pick(in, 20))), tier,
        discount, LinkedHashSet.ofAll(some(in, pools.segments, 40)),
        LinkedHashSet.ofAll(some(in, pools.tags, 40)));
  }

  private static <T> List<T> some(RandomnessSource in, List<T> pool, int percent) {
    List<T> chosen = new ArrayList<>();
    for (T value : pool) {
      if (chance(in, percent)) {
        chosen.add(value);
      }
    }
    return chosen;
  }
}
