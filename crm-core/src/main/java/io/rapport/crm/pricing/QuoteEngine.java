package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.CustomerId;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Percentage;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.rapport.crm.kernel.QuantityUnit;
import io.rapport.crm.kernel.UnitPrice;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quotes carts: selects each line's base price from a {@link PriceList}, applies a
 * {@link RuleSet}'s discount rules, rounds once, and explains every step. Pure and deterministic:
 * the same input gives the same quote.
 *
 * <p><b>Refusals.</b> A cart is refused as a whole, with every problem at once
 * ({@link CartRejection}), rather than priced partly or wrongly: an empty cart
 * ({@code pricing.cart.empty}); a cart in another currency than the rule set's
 * ({@code pricing.cart.currency_mismatch}); a line id used twice
 * ({@code pricing.cart.line_id.duplicate}); a coupon that no rule names
 * ({@code pricing.coupon.unknown}, also every coupon under {@link DiscountPolicy#NO_DISCOUNTS});
 * a coupon whose rule's cap on uses per coupon, or per customer, is reached
 * ({@code pricing.coupon.used_up}); and, per line, the selection's refusal
 * ({@code pricing.price.not_found}, {@code pricing.quantity.not_positive}).
 *
 * <p><b>Base.</b> Each line's price is selected with the cart's currency, channel, instant and
 * the customer's groups (tier and segments); its base amount is the selected unit price times the
 * quantity converted exactly (a pound against a metric unit, which has no finite decimal ratio,
 * is carried to 20 decimals). Its floor is the highest of zero, the entry's floor times the
 * quantity and the cost times (1 + the set's minimum margin) times the quantity, but never above
 * the base amount: no discount takes a line below it.
 *
 * <p><b>Rules.</b> Under {@link DiscountPolicy#NO_DISCOUNTS} no rule applies (every rule, if any,
 * is reported {@code pricing.policy.no_discounts}) and the quote shows the selected prices only.
 * Otherwise rules are considered in {@link RuleSet#byPriority()} order. A rule is
 * <em>applicable</em> when its cart conditions hold ({@code pricing.rule.condition_failed}
 * otherwise), some line meets its line conditions ({@code pricing.rule.no_lines}) and its cap on
 * uses per customer is not reached ({@code pricing.rule.cap.uses_per_customer}; a rule capped per
 * customer does not apply to an anonymous cart: {@code pricing.rule.cap.customer_unknown}). The
 * lines a rule acts on are those meeting its line conditions, except for
 * {@link DiscountAction.FreeItem}, which acts on the lines of its product once some line meets
 * the conditions. Then:
 *
 * <ul>
 *   <li>an {@link StackingMode#EXCLUSIVE} rule applies only if no other applicable rule acts on
 *       one of its lines (or, for a rule without line conditions, no other applicable rule at
 *       all); otherwise it is not applied ({@code pricing.rule.exclusive}, naming the others);
 *       </li>
 *   <li>a {@link StackingMode#STOP_AFTER} rule applies, then its lines are closed to rules of
 *       lower priority ({@code pricing.rule.stopped} on those lines);</li>
 *   <li>the applicable rules of one {@link StackingMode#BEST_IN_GROUP} group are tried, at the
 *       place of the group's first rule in priority order, on the prices left by the rules
 *       before; the one giving the largest discount (ties: the earlier in priority order) applies
 *       there, the others are not applied ({@code pricing.rule.best_in_group.lost});</li>
 *   <li>stackable rules apply on the prices the earlier rules left.</li>
 * </ul>
 *
 * <p>Each line's discount from a rule is then limited, in this order, to the line's current
 * price, to the rule's per-line cap, and to what the line may lose before its floor; the rule's
 * per-order cap limits the sum over lines, in cart order. Each limit that bites is named in the
 * adjustment's reason. A line a rule gives nothing is told why ({@code pricing.rule.no_effect},
 * {@code pricing.rule.at_floor}, {@code pricing.rule.cap.per_order_reached}), and a rule that
 * gives no line anything is reported for the cart ({@code pricing.rule.no_effect}). Nothing
 * raises a price: an action that would (a fixed price or override above the current price) is
 * not applied.
 *
 * <p><b>Rounding.</b> Every amount is kept exact until the one rounding step the rule set's
 * {@link RoundingPolicy} names: {@link RoundingStage#LINE} rounds each line's final amount
 * (the total adds the rounded lines up), {@link RoundingStage#ORDER} rounds the total only.
 */
public final class QuoteEngine {

  private static final int DIVISION_SCALE = 20;

  private QuoteEngine() {}

  /**
   * Quotes a cart.
   *
   * @param prices the price list the base prices come from
   * @param rules the discount rules, their policy and rounding
   * @param cart the cart
   * @param usage the uses so far, for usage caps
   * @return the quote, or every reason the cart cannot be quoted (the codes are on the class)
   * @throws NullPointerException if an argument is null
   */
  public static Either<CartRejection, Quote> quote(PriceList prices, RuleSet rules, Cart cart,
      CouponUsage usage) {
    List<CartProblem> problems = new ArrayList<>(0);
    Pricing pricing = pricing(prices, rules, cart, usage, true, problems);
    return pricing == null ? Either.left(new CartRejection(Vector.ofAll(problems)))
        : Either.right(pricing.run());
  }

  /**
   * Computes a cart's totals only, for listings: the same base amounts, final amounts, rounded
   * amounts and totals as {@link #quote} (equal, scale included, to {@link Quote#totals()} of
   * the quote of the same input), and the same refusals, but without the explanation (no
   * selection kept, no adjustment, no rule not applied, no rounding step), which is most of a
   * quote's cost. While every step is exact in a {@code long} (amounts in whole numbers of their
   * last decimal: prices of at most 18 digits, whole quantities in the price's unit, no floor or
   * cost, percent-off and per-line or per-unit amount-off rules, the rounding), it works in
   * {@code long}s, and as decimals from the first step that is not; the numbers are the same
   * either way.
   *
   * @param prices the price list the base prices come from
   * @param rules the discount rules, their policy and rounding
   * @param cart the cart
   * @param usage the uses so far, for usage caps
   * @return the totals, or every reason the cart cannot be quoted (the codes are on the class)
   * @throws NullPointerException if an argument is null
   */
  public static Either<CartRejection, QuoteTotals> totals(PriceList prices, RuleSet rules,
      Cart cart, CouponUsage usage) {
    List<CartProblem> problems = new ArrayList<>(0);
    Pricing pricing = pricing(prices, rules, cart, usage, false, problems);
    return pricing == null ? Either.left(new CartRejection(Vector.ofAll(problems)))
        : Either.right(pricing.runTotals());
  }

  /**
   * Checks the cart and selects its prices: the start of a quote, explained or not. Returns null
   * with the cart's problems added to {@code problems} when it cannot be quoted. Without
   * explanation, a line's price is found as its selection would find it, but no selection is
   * built (it would be read for the unit price, the cost and the floor only); a line whose price
   * is refused goes through the selection, for the refusal.
   */
  private static Pricing pricing(PriceList prices, RuleSet rules, Cart cart, CouponUsage usage,
      boolean explain, List<CartProblem> problems) {
    requireNonNull(prices, "prices");
    requireNonNull(rules, "rules");
    requireNonNull(cart, "cart");
    requireNonNull(usage, "usage");
    int n = cart.lines().size();
    CartLine[] lines = new CartLine[n];
    int k = 0;
    for (CartLine line : cart.lines()) {
      lines[k++] = line;
    }
    cartProblems(rules, cart, lines, usage, problems);
    PriceSelection[] selections = explain ? new PriceSelection[n] : null;
    UnitPrice[] unitPrices = new UnitPrice[n];
    PriceEntry[] entries = new PriceEntry[n];
    PriceSelector.Slot[] slots = explain ? null : new PriceSelector.Slot[n];
    io.vavr.collection.Set<String> groups = cart.customer().groups();
    for (int i = 0; i < n; i++) {
      CartLine line = lines[i];
      if (!explain) {
        PriceSelector.Slot won = prices.winner(line.product(), line.categories(),
            line.quantity(), cart.currency(), cart.channel(), groups, cart.at());
        if (won != null) {
          slots[i] = won;
          entries[i] = won.entry;
          unitPrices[i] = PriceSelector.applying(won.entry, line.quantity());
          continue;
        }
      }
      Either<PricingRejection, PriceSelection> selected = prices.select(new PriceRequest(
          line.product(), line.categories(), line.quantity(), cart.currency(), cart.channel(),
          groups, cart.at()));
      if (selected.isLeft()) {
        problems.add(new CartProblem(selected.getLeft().code(), Option.some(line.lineId()),
            selected.getLeft().message()));
      } else {
        PriceSelection selection = selected.get();
        if (explain) {
          selections[i] = selection;
        }
        entries[i] = selection.entry();
        unitPrices[i] = selection.unitPrice();
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new Pricing(rules, cart, usage, lines, unitPrices, entries, slots, selections,
        explain);
  }

  private static void cartProblems(RuleSet rules, Cart cart, CartLine[] lines, CouponUsage usage,
      List<CartProblem> problems) {
    if (lines.length == 0) {
      problems.add(new CartProblem("pricing.cart.empty", Option.none(),
          "The cart has no line to quote"));
    }
    if (!rules.currency().equals(cart.currency())) {
      problems.add(new CartProblem("pricing.cart.currency_mismatch", Option.none(),
          "The cart is in " + cart.currency() + " but the rule set '" + rules.name()
              + "' is in " + rules.currency()));
    }
    for (String duplicate : duplicateLineIds(lines)) {
      problems.add(new CartProblem("pricing.cart.line_id.duplicate", Option.some(duplicate),
          "The line id '" + duplicate + "' is used twice"));
    }
    if (cart.coupons().isEmpty()) {
      return;
    }
    Option<CustomerId> customer = cart.customer().customer();
    for (String coupon : cart.coupons().toSortedSet()) {
      Seq<PricingRule> naming = rules.policy() == DiscountPolicy.NO_DISCOUNTS
          ? Vector.empty() : rules.rules().filter(rule -> rule.coupons().contains(coupon));
      if (naming.isEmpty()) {
        problems.add(new CartProblem("pricing.coupon.unknown", Option.none(),
            "No rule of '" + rules.name() + "' takes the coupon '" + coupon + "'"));
        continue;
      }
      for (PricingRule rule : naming) {
        Option<Long> perCoupon = rule.caps().maxUsesPerCoupon();
        Option<Long> perCustomer = rule.caps().maxUsesPerCustomer();
        if (perCoupon.isDefined() && usage.uses(coupon) >= perCoupon.get()) {
          problems.add(new CartProblem("pricing.coupon.used_up", Option.none(),
              "The coupon '" + coupon + "' has been used " + usage.uses(coupon)
                  + " times, the most rule " + rule.id() + " allows"));
          break;
        }
        if (perCustomer.isDefined() && customer.isDefined()
            && usage.uses(coupon, customer.get()) >= perCustomer.get()) {
          problems.add(new CartProblem("pricing.coupon.used_up", Option.none(),
              "The customer has used the coupon '" + coupon + "' "
                  + usage.uses(coupon, customer.get()) + " times, the most rule " + rule.id()
                  + " allows"));
          break;
        }
      }
    }
  }

  /** Returns each line id used again, once per repetition, in cart order. */
  private static List<String> duplicateLineIds(CartLine[] lines) {
    List<String> duplicates = null;
    if (lines.length <= 16) {
      String[] ids = new String[lines.length];
      int[] hashes = new int[lines.length];
      int k = 0;
      for (CartLine line : lines) {
        String id = line.lineId();
        int hash = id.hashCode();
        for (int j = 0; j < k; j++) {
          if (hashes[j] == hash && ids[j].equals(id)) {
            duplicates = added(duplicates, id);
            break;
          }
        }
        hashes[k] = hash;
        ids[k++] = id;
      }
      return duplicates != null ? duplicates : List.of();
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (CartLine line : lines) {
      if (!seen.add(line.lineId())) {
        duplicates = added(duplicates, line.lineId());
      }
    }
    return duplicates != null ? duplicates : List.of();
  }

  /**
   * One quote's working state. The lines a rule acts on are kept as ascending line indices, so a
   * rule costs the lines it touches, not the cart's. With {@code explain} false (for
   * {@link #totals}) the same decisions are taken and the same amounts computed, but no
   * explanation record or reason is built.
   */
  private static final class Pricing {

    private final RuleSet rules;
    private final Cart cart;
    private final CouponUsage usage;
    private final CartLine[] lines;
    private final PriceSelection[] selections;
    private final int n;
    private final boolean explain;
    /* Every line index, ascending: the targets of a rule without line conditions. */
    private final int[] allLines;
    /* Null while the amounts are kept in whole units (see whole). */
    private BigDecimal[] base;
    private BigDecimal[] floor;
    private BigDecimal[] current;
    /*
     * Without explanation, while every amount so far is exact in a long: the amounts as
     * unscaled values and scales (WholeUnits), each equal, scale included, to what the decimal
     * arrays would hold. No line has a floor then (no entry floor, no cost), so each floor is
     * BigDecimal.ZERO.min(base). Anything the whole-unit steps do not cover (another action,
     * best in group, a subtotal condition, an overflow) first turns them into decimals (widen).
     */
    private boolean whole;
    private long[] baseUnscaled;
    private int[] baseScale;
    private long[] currentUnscaled;
    private int[] currentScale;
    private long[] counts;
    private long subtotalUnscaled;
    private int subtotalScale;
    /* Made when a stop-after rule first applies: until then no line is closed. */
    private int[] stoppedBelow;
    private String[] stoppedBy;
    /* Per line, created on the first entry: most lines get one adjustment or none. */
    private final List<QuoteAdjustment>[] adjustments;
    private final List<RuleNotApplied>[] lineNotApplied;
    private final List<QuoteAdjustment> ruleTotals;
    private final List<RuleNotApplied> notApplied;
    private BigDecimal cartSubtotal;
    /*
     * Scratch space of one rule's evaluation, reused rule after rule: whoever calls limited()
     * reads its outcome before the next call. Only the entries of the last rule's targets are
     * ever set; scratch() clears them before the next rule.
     */
    private Outcome outcome;
    private boolean[] open;
    private String[] why;
    private BigDecimal[] proposed;
    private int[] lastTargets;

    Pricing(RuleSet rules, Cart cart, CouponUsage usage, CartLine[] lines,
        UnitPrice[] unitPrices, PriceEntry[] entries, PriceSelector.Slot[] slots,
        PriceSelection[] selections, boolean explain) {
      this.rules = rules;
      this.cart = cart;
      this.usage = usage;
      this.lines = lines;
      this.selections = selections;
      this.n = lines.length;
      this.explain = explain;
      this.notApplied = explain ? new ArrayList<>(rules.rules().size()) : null;
      this.ruleTotals = explain ? new ArrayList<>() : null;
      this.allLines = new int[n];
      @SuppressWarnings("unchecked")
      List<QuoteAdjustment>[] perLineAdjustments = explain ? new List[n] : null;
      @SuppressWarnings("unchecked")
      List<RuleNotApplied>[] perLineNotApplied = explain ? new List[n] : null;
      this.adjustments = perLineAdjustments;
      this.lineNotApplied = perLineNotApplied;
      for (int i = 0; i < n; i++) {
        allLines[i] = i;
      }
      if (!explain && inWholeUnits(unitPrices, entries, slots)) {
        return;
      }
      decimals(unitPrices, entries);
    }

    /**
     * Keeps the base amounts in whole units when every line allows it: no entry floor or cost,
     * the unit price in the quantity's unit with at most 18 digits, a whole quantity, a currency
     * with a minor unit, and nothing overflowing. Returns false, having kept nothing, otherwise.
     */
    private boolean inWholeUnits(UnitPrice[] unitPrices, PriceEntry[] entries,
        PriceSelector.Slot[] slots) {
      if (cart.currency().getDefaultFractionDigits() < 0) {
        return false;
      }
      long[] bases = new long[n];
      int[] scales = new int[n];
      long[] quantities = new long[n];
      long subtotal = 0;
      int scale = 0;
      try {
        for (int i = 0; i < n; i++) {
          Quantity quantity = lines[i].quantity();
          BigDecimal count = quantity.amount();
          if (entries[i].floor().isDefined() || entries[i].cost().isDefined()
              || unitPrices[i].unit() != quantity.unit() || count.scale() != 0
              || count.precision() > 18) {
            return false;
          }
          long price = slots[i].unscaled(unitPrices[i]);
          if (price == WholeUnits.NONE || price < 0) {
            return false;
          }
          quantities[i] = count.longValueExact();
          /* times(): the amount times the quantity, at the price's scale (the count's is 0). */
          bases[i] = Math.multiplyExact(price, quantities[i]);
          scales[i] = unitPrices[i].amount().scale();
          subtotal = WholeUnits.plus(subtotal, scale, bases[i], scales[i]);
          scale = Math.max(scale, scales[i]);
        }
      } catch (ArithmeticException overflow) {
        return false;
      }
      whole = true;
      baseUnscaled = bases;
      baseScale = scales;
      currentUnscaled = bases.clone();
      currentScale = scales.clone();
      counts = quantities;
      subtotalUnscaled = subtotal;
      subtotalScale = scale;
      return true;
    }

    /** Turns the amounts kept in whole units into decimals, for the decimal steps. */
    private void widen() {
      if (!whole) {
        return;
      }
      whole = false;
      base = new BigDecimal[n];
      floor = new BigDecimal[n];
      current = new BigDecimal[n];
      for (int i = 0; i < n; i++) {
        base[i] = BigDecimal.valueOf(baseUnscaled[i], baseScale[i]);
        floor[i] = BigDecimal.ZERO.min(base[i]);
        current[i] = currentUnscaled[i] == baseUnscaled[i] && currentScale[i] == baseScale[i]
            ? base[i] : BigDecimal.valueOf(currentUnscaled[i], currentScale[i]);
      }
      cartSubtotal = BigDecimal.valueOf(subtotalUnscaled, subtotalScale);
    }

    /** Computes the base amounts, floors and subtotal as decimals. */
    private void decimals(UnitPrice[] unitPrices, PriceEntry[] entries) {
      this.base = new BigDecimal[n];
      this.floor = new BigDecimal[n];
      this.current = new BigDecimal[n];
      BigDecimal subtotal = BigDecimal.ZERO;
      BigDecimal markup = null;
      for (int i = 0; i < n; i++) {
        Quantity quantity = lines[i].quantity();
        base[i] = times(unitPrices[i], quantity);
        BigDecimal least = BigDecimal.ZERO;
        /* The selection's floor and cost are its entry's. */
        Option<UnitPrice> entryFloor = entries[i].floor();
        if (entryFloor.isDefined()) {
          least = least.max(times(entryFloor.get(), quantity));
        }
        Option<UnitPrice> cost = entries[i].cost();
        if (cost.isDefined()) {
          if (markup == null) {
            markup = rules.minimumMargin().map(m -> BigDecimal.ONE.add(m.fraction()))
                .getOrElse(BigDecimal.ONE);
          }
          least = least.max(times(cost.get(), quantity).multiply(markup));
        }
        floor[i] = least.min(base[i]);
        current[i] = base[i];
        subtotal = subtotal.add(base[i]);
      }
      this.cartSubtotal = subtotal;
    }

    /** Records a refusal for the cart, when explaining. */
    private void refuse(RuleNotApplied refusal) {
      notApplied.add(refusal);
    }

    Quote run() {
      applyRules();
      return finish();
    }

    QuoteTotals runTotals() {
      applyRules();
      return finishTotals();
    }

    private void applyRules() {
      Ordering prepared = ordered(rules);
      if (rules.policy() == DiscountPolicy.NO_DISCOUNTS) {
        if (explain) {
          for (PricingRule rule : prepared.ordered) {
            refuse(new RuleNotApplied(rule.id(), "pricing.policy.no_discounts",
                "The program gives no discounts (不折不扣): the price is the price"));
          }
        }
      } else {
        applyAll(prepared);
      }
    }

    private void applyAll(Ordering prepared) {
      PricingRule[] ordered = prepared.ordered;
      int count = ordered.length;
      /* Per product-limited rule, the lines of its products, ascending, from the rule index. */
      boolean indexed = !prepared.rulesByProduct.isEmpty();
      int[][] named = indexed ? new int[count][] : null;
      int[] namedCount = indexed ? new int[count] : null;
      for (int i = 0; i < n && indexed; i++) {
        int[] naming = prepared.rulesByProduct.get(lines[i].product());
        if (naming != null) {
          for (int r : naming) {
            if (named[r] == null) {
              named[r] = new int[n];
            }
            named[r][namedCount[r]++] = i;
          }
        }
      }
      int[][] targets = new int[count][];
      for (int r = 0; r < count; r++) {
        targets[r] = indexed
            ? applicability(prepared.prepared[r], prepared.productLimited[r], named[r],
                namedCount[r])
            : applicability(prepared.prepared[r], prepared.productLimited[r], null, 0);
      }
      boolean[] blocked = new boolean[count];
      for (int r = 0; r < count; r++) {
        if (targets[r] != null && ordered[r].stacking() == StackingMode.EXCLUSIVE) {
          List<String> others = new ArrayList<>();
          boolean wholeCart = ordered[r].lineConditions().isEmpty();
          for (int o = 0; o < count; o++) {
            if (o != r && targets[o] != null
                && (wholeCart || intersects(targets[r], targets[o]))) {
              others.add(ordered[o].id().toString());
            }
          }
          if (!others.isEmpty()) {
            blocked[r] = true;
            if (explain) {
              refuse(new RuleNotApplied(ordered[r].id(), "pricing.rule.exclusive",
                  "An exclusive rule applies alone, but " + String.join(", ", others)
                      + (others.size() == 1 ? " applies" : " apply") + " too"));
            }
          }
        }
      }
      java.util.Set<String> groupsDone = null;
      for (int r = 0; r < count; r++) {
        PricingRule rule = ordered[r];
        if (targets[r] == null || blocked[r]) {
          continue;
        }
        if (rule.stacking() != StackingMode.BEST_IN_GROUP) {
          if (explain || !(whole ? appliedWhole(prepared.prepared[r], targets[r])
              : appliedDirectly(prepared.prepared[r], targets[r], 0, BigDecimal.ZERO))) {
            widen();
            apply(prepared.prepared[r], targets[r]);
          }
          continue;
        }
        widen();
        String group = rule.group().getOrElse("");
        if (groupsDone == null) {
          groupsDone = new java.util.HashSet<>();
        }
        if (!groupsDone.add(group)) {
          continue;
        }
        int best = -1;
        BigDecimal bestTotal = null;
        List<Integer> members = new ArrayList<>();
        for (int o = r; o < count; o++) {
          PricingRule other = ordered[o];
          if (targets[o] != null && other.stacking() == StackingMode.BEST_IN_GROUP
              && group.equals(other.group().getOrElse(""))) {
            members.add(o);
            BigDecimal total = sum(limited(prepared.prepared[o], targets[o], false).discounts,
                targets[o]);
            if (bestTotal == null || total.compareTo(bestTotal) > 0) {
              best = o;
              bestTotal = total;
            }
          }
        }
        apply(prepared.prepared[best], targets[best]);
        if (!explain) {
          continue;
        }
        for (int o : members) {
          if (o != best) {
            BigDecimal total = sum(limited(prepared.prepared[o], targets[o], false).discounts,
                targets[o]);
            refuse(new RuleNotApplied(ordered[o].id(), "pricing.rule.best_in_group.lost",
                "Group '" + group + "': " + ordered[best].id() + " gives " + plain(bestTotal)
                    + ", this rule " + plain(total)));
          }
        }
      }
    }

    /**
     * Returns the lines a rule applies to, ascending, or null (with the reason recorded). For a
     * rule a product condition limits ({@code productLimited}), {@code named} holds the first
     * {@code namedCount} lines of its products, found through the prepared index: only those are
     * checked, and the product condition is not checked again.
     */
    private int[] applicability(PreparedRule prepared, boolean productLimited, int[] named,
        int namedCount) {
      PricingRule rule = prepared.rule;
      for (Condition condition : prepared.cartConditions) {
        if (!holds(condition)) {
          if (explain) {
            refuse(new RuleNotApplied(rule.id(), "pricing.rule.condition_failed",
                "Its condition does not hold: " + describe(condition)));
          }
          return null;
        }
      }
      if (productLimited && namedCount == 0) {
        if (explain) {
          refuse(prepared.noLines);
        }
        return null;
      }
      Condition[] lineConditions = prepared.lineConditions;
      int[] meets;
      if (lineConditions.length == 0) {
        meets = allLines;
      } else {
        int[] from = productLimited ? named : allLines;
        int size = productLimited ? namedCount : n;
        Condition settled = productLimited ? prepared.products : null;
        int[] kept = new int[size];
        int k = 0;
        for (int j = 0; j < size; j++) {
          int i = from[j];
          boolean all = true;
          for (Condition condition : lineConditions) {
            if (condition != settled && !meets(condition, i)) {
              all = false;
              break;
            }
          }
          if (all) {
            kept[k++] = i;
          }
        }
        if (k == 0) {
          if (explain) {
            refuse(prepared.noLines);
          }
          return null;
        }
        meets = k == kept.length ? kept : Arrays.copyOf(kept, k);
      }
      Option<Long> perCustomer = rule.caps().maxUsesPerCustomer();
      boolean coupon = perCustomer.isDefined() && prepared.coupon;
      if (perCustomer.isDefined() && !coupon) {
        Option<CustomerId> customer = cart.customer().customer();
        if (customer.isEmpty()) {
          if (explain) {
            refuse(new RuleNotApplied(rule.id(), "pricing.rule.cap.customer_unknown",
                "It is capped per customer and the cart's customer is unknown"));
          }
          return null;
        }
        long used = usage.ruleUses(rule.id(), customer.get());
        if (used >= perCustomer.get()) {
          if (explain) {
            refuse(new RuleNotApplied(rule.id(), "pricing.rule.cap.uses_per_customer",
                "The customer has had it " + used + " times, the most it allows"));
          }
          return null;
        }
      }
      if (coupon && cart.customer().customer().isEmpty()) {
        if (explain) {
          refuse(new RuleNotApplied(rule.id(), "pricing.rule.cap.customer_unknown",
              "Its coupon is capped per customer and the cart's customer is unknown"));
        }
        return null;
      }
      if (rule.action() instanceof DiscountAction.FreeItem free) {
        int[] product = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
          if (lines[i].product().equals(free.product())) {
            product[k++] = i;
          }
        }
        return Arrays.copyOf(product, k);
      }
      return meets;
    }

    private boolean holds(Condition condition) {
      CustomerContext customer = cart.customer();
      if (condition instanceof Condition.CartSubtotalAtLeast c) {
        widen();
        return cartSubtotal.compareTo(c.minimum().amount()) >= 0;
      } else if (condition instanceof Condition.CustomerTiers c) {
        return customer.tier().exists(c.tiers()::contains);
      } else if (condition instanceof Condition.CustomerSegments c) {
        return c.segments().exists(customer.segments()::contains);
      } else if (condition instanceof Condition.CustomerTags c) {
        return c.tags().exists(customer.tags()::contains);
      } else if (condition instanceof Condition.Channels c) {
        return c.channels().contains(cart.channel());
      } else if (condition instanceof Condition.During c) {
        return c.contains(cart.at());
      } else if (condition instanceof Condition.Coupon c) {
        return cart.coupons().contains(c.code());
      }
      return true;
    }

    private boolean meets(Condition condition, int i) {
      CartLine line = lines[i];
      if (condition instanceof Condition.Products c) {
        return c.products().contains(line.product());
      } else if (condition instanceof Condition.Categories c) {
        return c.categories().exists(line.categories()::contains);
      } else if (condition instanceof Condition.Attribute c) {
        return line.attributes().get(c.key()).exists(c.values()::contains);
      } else if (condition instanceof Condition.MinQuantity c) {
        return c.minimum().unit().isConvertibleTo(line.quantity().unit())
            && PerUnit.compare(line.quantity(), c.minimum()) >= 0;
      } else if (condition instanceof Condition.LineSubtotalAtLeast c) {
        widen();
        return base[i].compareTo(c.minimum().amount()) >= 0;
      }
      return true;
    }

    /** What a rule gives each line, limited, with the reasons; nothing recorded yet. */
    private static final class Outcome {
      final BigDecimal[] discounts;
      final String[] reasons;
      final RuleNotApplied[] refusals;

      /* Without explanation there are no reasons or refusals to keep. */
      Outcome(int n, boolean explain) {
        discounts = new BigDecimal[n];
        reasons = explain ? new String[n] : null;
        refusals = explain ? new RuleNotApplied[n] : null;
      }
    }

    private void apply(PreparedRule prepared, int[] targets) {
      PricingRule rule = prepared.rule;
      Outcome outcome = limited(prepared, targets, true);
      boolean stops = rule.stacking() == StackingMode.STOP_AFTER;
      BigDecimal total = BigDecimal.ZERO;
      for (int i : targets) {
        BigDecimal discount = outcome.discounts[i];
        if (!explain) {
          if (discount != null) {
            current[i] = current[i].subtract(discount);
          }
        } else if (outcome.refusals[i] != null) {
          lineNotApplied[i] = added(lineNotApplied[i], outcome.refusals[i]);
        } else if (discount != null) {
          BigDecimal amount = discount.negate();
          adjustments[i] = added(adjustments[i],
              new QuoteAdjustment(rule.id(), amount, outcome.reasons[i]));
          current[i] = current[i].add(amount);
          total = total.add(amount);
        }
        if (stops) {
          closeBelow(rule, i);
        }
      }
      if (!explain) {
        return;
      }
      if (total.signum() == 0) {
        refuse(new RuleNotApplied(rule.id(), "pricing.rule.no_effect",
            "It gives none of its lines anything (each line says why)"));
      } else {
        ruleTotals.add(new QuoteAdjustment(rule.id(), total, rule.name()));
      }
    }

    /**
     * Without explanation, applies a rule whose proposal for a line reads that line only (a
     * percentage off, an amount off per line or per unit) line by line: proposed, limited and
     * subtracted as {@link #limited} and {@link #apply} do one after the other, which read and
     * write each line's own entries only (the per-order cap is used up in the same line order),
     * but without the scratch arrays. Returns false, having done nothing, for other actions.
     * Starts at the target {@code from} with {@code given} of the per-order cap used up, for
     * a rule begun in whole units.
     */
    private boolean appliedDirectly(PreparedRule prepared, int[] targets, int from,
        BigDecimal given) {
      BigDecimal fraction = prepared.percentOff;
      BigDecimal amount = null;
      boolean perUnit = false;
      if (fraction == null) {
        if (!(prepared.rule.action() instanceof DiscountAction.AmountOff a)
            || a.per() == DiscountAction.AmountBasis.ORDER) {
          return false;
        }
        amount = a.amount().amount();
        perUnit = a.per() == DiscountAction.AmountBasis.UNIT;
      }
      PricingRule rule = prepared.rule;
      int priority = rule.priority();
      boolean stops = rule.stacking() == StackingMode.STOP_AFTER;
      Option<Money> perLine = rule.caps().maxPerLine();
      Option<Money> perOrder = rule.caps().maxPerOrder();
      BigDecimal lineCap = perLine.isDefined() ? perLine.get().amount() : null;
      BigDecimal orderCap = perOrder.isDefined() ? perOrder.get().amount() : null;
      for (int j = from; j < targets.length; j++) {
        int i = targets[j];
        if (stoppedBelow == null || priority >= stoppedBelow[i]) {
          BigDecimal price = current[i];
          BigDecimal d = fraction != null ? price.multiply(fraction)
              : perUnit ? amount.multiply(lines[i].quantity().amount()) : amount;
          if (d.signum() > 0) {
            if (d.compareTo(price) > 0) {
              d = price;
            }
            if (lineCap != null && d.compareTo(lineCap) > 0) {
              d = lineCap;
            }
            boolean noFloor = floor[i].signum() == 0;
            BigDecimal room = noFloor ? price : price.subtract(floor[i]);
            if (room.signum() > 0) {
              if (!noFloor && d.compareTo(room) > 0) {
                d = room;
              }
              boolean left = true;
              if (orderCap != null) {
                BigDecimal rest = orderCap.subtract(given);
                if (rest.signum() <= 0) {
                  left = false;
                } else {
                  if (d.compareTo(rest) > 0) {
                    d = rest;
                  }
                  given = given.add(d);
                }
              }
              if (left) {
                current[i] = price.subtract(d);
              }
            }
          }
        }
        if (stops) {
          closeBelow(rule, i);
        }
      }
      return true;
    }

    /**
     * Applies a rule as {@link #appliedDirectly} does, on the amounts kept in whole units: the
     * same steps, each giving the value and scale the decimal step gives (no line has a floor
     * here, so the room is the line's price). At an overflow, turns the amounts into decimals
     * and goes on with {@link #appliedDirectly} from that line. Returns false, having done
     * nothing, for other actions; for an action whose amounts do not fit, goes on in decimals.
     */
    private boolean appliedWhole(PreparedRule prepared, int[] targets) {
      if (!prepared.direct) {
        return false;
      }
      if (!prepared.whole) {
        widen();
        return appliedDirectly(prepared, targets, 0, BigDecimal.ZERO);
      }
      PricingRule rule = prepared.rule;
      int priority = rule.priority();
      boolean stops = rule.stacking() == StackingMode.STOP_AFTER;
      boolean percent = prepared.percentOff != null;
      boolean perUnit = prepared.perUnit;
      long off = prepared.offUnscaled;
      int offScale = prepared.offScale;
      boolean lineCap = prepared.lineCapScale != Integer.MIN_VALUE;
      boolean orderCap = prepared.orderCapScale != Integer.MIN_VALUE;
      long[] amounts = currentUnscaled;
      int[] scales = currentScale;
      long given = 0;
      int givenScale = 0;
      for (int j = 0; j < targets.length; j++) {
        int i = targets[j];
        if (stoppedBelow == null || priority >= stoppedBelow[i]) {
          long price = amounts[i];
          int priceScale = scales[i];
          try {
            long d;
            int dScale;
            if (percent) {
              d = Math.multiplyExact(price, off);
              dScale = priceScale + offScale;
            } else {
              d = perUnit ? Math.multiplyExact(off, counts[i]) : off;
              dScale = offScale;
            }
            if (d > 0) {
              if (WholeUnits.compare(d, dScale, price, priceScale) > 0) {
                d = price;
                dScale = priceScale;
              }
              if (lineCap && WholeUnits.compare(d, dScale, prepared.lineCapUnscaled,
                  prepared.lineCapScale) > 0) {
                d = prepared.lineCapUnscaled;
                dScale = prepared.lineCapScale;
              }
              if (price > 0) {
                boolean left = true;
                long nowGiven = given;
                int nowGivenScale = givenScale;
                if (orderCap) {
                  long rest = WholeUnits.minus(prepared.orderCapUnscaled,
                      prepared.orderCapScale, given, givenScale);
                  int restScale = Math.max(prepared.orderCapScale, givenScale);
                  if (rest <= 0) {
                    left = false;
                  } else {
                    if (WholeUnits.compare(d, dScale, rest, restScale) > 0) {
                      d = rest;
                      dScale = restScale;
                    }
                    nowGiven = WholeUnits.plus(given, givenScale, d, dScale);
                    nowGivenScale = Math.max(givenScale, dScale);
                  }
                }
                if (left) {
                  amounts[i] = WholeUnits.minus(price, priceScale, d, dScale);
                  scales[i] = Math.max(priceScale, dScale);
                }
                given = nowGiven;
                givenScale = nowGivenScale;
              }
            }
          } catch (ArithmeticException overflow) {
            widen();
            return appliedDirectly(prepared, targets, j, BigDecimal.valueOf(given, givenScale));
          }
        }
        if (stops) {
          closeBelow(rule, i);
        }
      }
      return true;
    }

    /** Closes a line to rules of lower priority than a stop-after rule applied on it. */
    private void closeBelow(PricingRule rule, int i) {
      if (stoppedBelow == null) {
        stoppedBelow = new int[n];
        stoppedBy = new String[n];
        Arrays.fill(stoppedBelow, Integer.MIN_VALUE);
      }
      if (rule.priority() > stoppedBelow[i]) {
        stoppedBelow[i] = rule.priority();
        stoppedBy[i] = rule.id().toString();
      }
    }

    private Outcome limited(PreparedRule prepared, int[] targets, boolean explainLimits) {
      PricingRule rule = prepared.rule;
      Outcome outcome = scratch(targets);
      boolean[] open = this.open;
      for (int i : targets) {
        if (stoppedBelow != null && rule.priority() < stoppedBelow[i]) {
          if (explain) {
            outcome.refusals[i] = new RuleNotApplied(rule.id(), "pricing.rule.stopped",
                "Rule " + stoppedBy[i] + " stops rules of lower priority on this line");
          }
        } else {
          open[i] = true;
        }
      }
      String[] why = this.why;
      BigDecimal[] proposed = propose(rule.action(), targets, open, why);
      String described = prepared.described;
      boolean notes = explain && explainLimits;
      Option<Money> perLine = rule.caps().maxPerLine();
      Option<Money> perOrder = rule.caps().maxPerOrder();
      BigDecimal given = BigDecimal.ZERO;
      for (int i : targets) {
        if (!open[i]) {
          continue;
        }
        BigDecimal d = proposed[i];
        if (d == null || d.signum() <= 0) {
          if (explain) {
            outcome.refusals[i] = new RuleNotApplied(rule.id(), "pricing.rule.no_effect",
                why[i] != null ? why[i] : "It gives this line nothing");
          }
          continue;
        }
        StringBuilder reason = null;
        if (d.compareTo(current[i]) > 0) {
          d = current[i];
          reason = note(reason, described, notes, "limited to the line's price");
        }
        if (perLine.isDefined() && d.compareTo(perLine.get().amount()) > 0) {
          d = perLine.get().amount();
          reason = note(reason, described, notes,
              "capped at the rule's per-line cap " + perLine.get());
        }
        boolean noFloor = floor[i].signum() == 0;
        BigDecimal room = noFloor ? current[i] : current[i].subtract(floor[i]);
        if (room.signum() <= 0) {
          if (explain) {
            outcome.refusals[i] = new RuleNotApplied(rule.id(), "pricing.rule.at_floor",
                "The line is at its floor " + plain(floor[i]));
          }
          continue;
        }
        if (!noFloor && d.compareTo(room) > 0) {
          d = room;
          reason = note(reason, described, notes,
              "clipped at the line's floor " + plain(floor[i]));
        }
        if (perOrder.isDefined()) {
          BigDecimal left = perOrder.get().amount().subtract(given);
          if (left.signum() <= 0) {
            if (explain) {
              outcome.refusals[i] = new RuleNotApplied(rule.id(),
                  "pricing.rule.cap.per_order_reached",
                  "The rule's per-order cap " + perOrder.get() + " is used up");
            }
            continue;
          }
          if (d.compareTo(left) > 0) {
            d = left;
            reason = note(reason, described, notes,
                "capped at the rule's per-order cap " + perOrder.get());
          }
          given = given.add(d);
        }
        outcome.discounts[i] = d;
        if (explain) {
          outcome.reasons[i] = reason != null ? reason.toString() : described;
        }
      }
      return outcome;
    }

    /**
     * Returns the scratch outcome and arrays, with the entries the last rule set cleared, and
     * remembers the lines this rule may set.
     */
    private Outcome scratch(int[] targets) {
      if (outcome == null) {
        outcome = new Outcome(n, explain);
        open = new boolean[n];
        why = explain ? new String[n] : null;
        proposed = new BigDecimal[n];
      } else if (explain) {
        for (int i : lastTargets) {
          outcome.discounts[i] = null;
          outcome.reasons[i] = null;
          outcome.refusals[i] = null;
          open[i] = false;
          why[i] = null;
          proposed[i] = null;
        }
      } else {
        for (int i : lastTargets) {
          outcome.discounts[i] = null;
          open[i] = false;
          proposed[i] = null;
        }
      }
      lastTargets = targets;
      return outcome;
    }

    /** Adds a limit to a line's reason, starting it from the action's description. */
    private static StringBuilder note(StringBuilder reason, String described, boolean explain,
        String text) {
      if (!explain) {
        return null;
      }
      StringBuilder started = reason != null ? reason : new StringBuilder(described);
      return started.append(", ").append(text);
    }

    /**
     * Proposes each open line's discount from an action, before limits; null means nothing.
     * Only the rule's target lines are read or written.
     */
    private BigDecimal[] propose(DiscountAction action, int[] targets, boolean[] open,
        String[] why) {
      BigDecimal[] d = this.proposed;
      if (action instanceof DiscountAction.PercentOff a) {
        BigDecimal fraction = a.off().fraction();
        for (int i : targets) {
          if (open[i]) {
            d[i] = current[i].multiply(fraction);
          }
        }
      } else if (action instanceof DiscountAction.AmountOff a) {
        proposeAmountOff(a, targets, open, d, why);
      } else if (action instanceof DiscountAction.FixedPrice a) {
        for (int i : targets) {
          if (open[i]) {
            d[i] = current[i].subtract(a.lineTotal().amount());
            if (explain) {
              why[i] = "The fixed price " + a.lineTotal() + " is not below the line's price";
            }
          }
        }
      } else if (action instanceof DiscountAction.UnitPriceOverride a) {
        for (int i : targets) {
          if (!open[i]) {
            continue;
          }
          if (!a.price().unit().isConvertibleTo(lines[i].quantity().unit())) {
            if (explain) {
              why[i] = "The override " + a.price() + " is not in a unit the line converts to";
            }
          } else {
            d[i] = current[i].subtract(times(a.price(), lines[i].quantity()));
            if (explain) {
              why[i] = "The override " + a.price() + " is not below the line's price";
            }
          }
        }
      } else if (action instanceof DiscountAction.BuyXGetY a) {
        proposeBuyXGetY(a, targets, open, d, why);
      } else if (action instanceof DiscountAction.FreeItem a) {
        proposeFreeItem(a, targets, open, d, why);
      } else {
        Percentage off = cart.customer().tierDiscount();
        boolean none = cart.customer().tier().isEmpty() || off.isZero();
        for (int i : targets) {
          if (open[i]) {
            if (none) {
              if (explain) {
                why[i] = "The customer has no tier benefit discount";
              }
            } else {
              d[i] = current[i].multiply(off.fraction());
            }
          }
        }
      }
      return d;
    }

    private void proposeAmountOff(DiscountAction.AmountOff a, int[] targets, boolean[] open,
        BigDecimal[] d, String[] why) {
      BigDecimal amount = a.amount().amount();
      if (a.per() != DiscountAction.AmountBasis.ORDER) {
        for (int i : targets) {
          if (open[i]) {
            d[i] = a.per() == DiscountAction.AmountBasis.UNIT
                ? amount.multiply(lines[i].quantity().amount()) : amount;
          }
        }
        return;
      }
      int scale = a.amount().currency().getDefaultFractionDigits();
      int count = 0;
      for (int i : targets) {
        if (open[i]) {
          count++;
        }
      }
      long[] ratios = new long[count];
      int[] index = new int[count];
      boolean anyRatio = false;
      int k = 0;
      for (int i : targets) {
        if (open[i]) {
          ratios[k] = current[i].movePointRight(scale).setScale(0, RoundingMode.DOWN)
              .longValueExact();
          anyRatio |= ratios[k] > 0;
          index[k++] = i;
        }
      }
      if (!anyRatio) {
        if (explain) {
          for (int i : index) {
            why[i] = "The rule's lines have nothing left to take the amount from";
          }
        }
        return;
      }
      Seq<Money> parts = a.amount().allocate(ratios);
      String nothing = explain ? "The line's share of " + a.amount() + " is nothing" : null;
      for (int j = 0; j < count; j++) {
        d[index[j]] = parts.get(j).amount();
        if (explain) {
          why[index[j]] = nothing;
        }
      }
    }

    private void proposeBuyXGetY(DiscountAction.BuyXGetY a, int[] targets, boolean[] open,
        BigDecimal[] d, String[] why) {
      List<Integer> pooled = new ArrayList<>();
      long pieces = 0;
      for (int i : targets) {
        if (!open[i]) {
          continue;
        }
        if (lines[i].quantity().unit() != QuantityUnit.PIECE) {
          if (explain) {
            why[i] = "A line sold by weight does not take part in buy " + a.buy() + " get "
                + a.get();
          }
        } else {
          pooled.add(i);
          pieces += lines[i].quantity().amount().longValueExact();
          if (explain) {
            why[i] = "None of the line's pieces is among the " + a.get()
                + " cheapest per group";
          }
        }
      }
      long free = pieces / (a.buy() + a.get()) * a.get();
      pooled.sort((x, y) -> {
        int byPrice = current[x].multiply(lines[y].quantity().amount())
            .compareTo(current[y].multiply(lines[x].quantity().amount()));
        return byPrice != 0 ? byPrice : Integer.compare(x, y);
      });
      BigDecimal off = a.off().fraction();
      for (int i : pooled) {
        if (free <= 0) {
          break;
        }
        BigDecimal count = lines[i].quantity().amount();
        long take = Math.min(free, count.longValueExact());
        free -= take;
        d[i] = part(current[i], BigDecimal.valueOf(take), count).multiply(off);
      }
    }

    private void proposeFreeItem(DiscountAction.FreeItem a, int[] targets, boolean[] open,
        BigDecimal[] d, String[] why) {
      BigDecimal left = PerUnit.inBase(a.quantity());
      for (int i : targets) {
        if (!open[i]) {
          continue;
        }
        Quantity quantity = lines[i].quantity();
        if (!quantity.unit().isConvertibleTo(a.quantity().unit())) {
          if (explain) {
            why[i] = "The line's unit does not convert to the free quantity's " + a.quantity();
          }
          continue;
        }
        if (left.signum() <= 0) {
          if (explain) {
            why[i] = "The free quantity " + a.quantity() + " is given to earlier lines";
          }
          continue;
        }
        BigDecimal held = PerUnit.inBase(quantity);
        BigDecimal take = left.min(held);
        left = left.subtract(take);
        d[i] = part(current[i], take, held);
      }
    }

    private Quote finish() {
      RoundingPolicy policy = rules.rounding();
      java.util.Currency currency = cart.currency();
      int scale = currency.getDefaultFractionDigits();
      QuoteLine[] quoted = new QuoteLine[n];
      List<RoundingStep> steps = new ArrayList<>(policy.stage() == RoundingStage.LINE ? n : 1);
      BigDecimal exactTotal = BigDecimal.ZERO;
      BigDecimal roundedTotal = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        BigDecimal finalAmount = current[i];
        exactTotal = exactTotal.add(finalAmount);
        Option<Money> rounded = Option.none();
        if (policy.stage() == RoundingStage.LINE) {
          Money money = Money.of(finalAmount.setScale(scale, policy.mode()), currency);
          steps.add(new RoundingStep("line " + lines[i].lineId(), finalAmount, money,
              policy.mode()));
          roundedTotal = roundedTotal.add(money.amount());
          rounded = Option.some(money);
        }
        quoted[i] = new QuoteLine(lines[i].lineId(), lines[i].product(), lines[i].quantity(),
            selections[i], base[i], floor[i], array(adjustments[i]), finalAmount,
            rounded, array(lineNotApplied[i]));
      }
      /* Exact sums, so this is the sum of the lines' differences, to the scale. */
      BigDecimal discount = exactTotal.subtract(cartSubtotal);
      Money total;
      if (policy.stage() == RoundingStage.ORDER) {
        total = Money.of(exactTotal.setScale(scale, policy.mode()), currency);
        steps.add(new RoundingStep("order", exactTotal, total, policy.mode()));
      } else {
        total = Money.of(roundedTotal, currency);
      }
      return new Quote(currency, io.vavr.collection.Array.of(quoted), array(ruleTotals),
          array(notApplied), cartSubtotal, discount, exactTotal, total, array(steps));
    }

    /**
     * Adds up as {@link #finishTotals()} does, on the amounts kept in whole units: each sum and
     * rounding gives the value and scale the decimal one gives.
     */
    private QuoteTotals finishWhole() {
      RoundingPolicy policy = rules.rounding();
      java.util.Currency currency = cart.currency();
      int scale = currency.getDefaultFractionDigits();
      boolean perLine = policy.stage() == RoundingStage.LINE;
      RoundingMode mode = policy.mode();
      LineTotal[] totals = new LineTotal[n];
      long exact = 0;
      int exactScale = 0;
      long rounded = 0;
      for (int i = 0; i < n; i++) {
        long amount = currentUnscaled[i];
        int amountScale = currentScale[i];
        exact = WholeUnits.plus(exact, exactScale, amount, amountScale);
        exactScale = Math.max(exactScale, amountScale);
        long minor = 0;
        if (perLine) {
          minor = WholeUnits.rounded(amount, amountScale, scale, mode);
          rounded = Math.addExact(rounded, minor);
        }
        totals[i] = LineTotal.ofUnscaled(lines[i].lineId(), baseUnscaled[i], baseScale[i],
            amount, amountScale, minor, perLine ? currency : null);
      }
      long discount = WholeUnits.minus(exact, exactScale, subtotalUnscaled, subtotalScale);
      int discountScale = Math.max(exactScale, subtotalScale);
      long total = perLine ? rounded : WholeUnits.rounded(exact, exactScale, scale, mode);
      return new QuoteTotals(currency, io.vavr.collection.Array.of(totals),
          BigDecimal.valueOf(subtotalUnscaled, subtotalScale),
          BigDecimal.valueOf(discount, discountScale), BigDecimal.valueOf(exact, exactScale),
          Money.of(BigDecimal.valueOf(total, scale), currency));
    }

    /** Adds up as {@link #finish()} does, building only the lines' totals. */
    private QuoteTotals finishTotals() {
      if (whole) {
        try {
          return finishWhole();
        } catch (ArithmeticException overflow) {
          widen();
        }
      }
      RoundingPolicy policy = rules.rounding();
      java.util.Currency currency = cart.currency();
      int scale = currency.getDefaultFractionDigits();
      LineTotal[] totals = new LineTotal[n];
      BigDecimal exactTotal = BigDecimal.ZERO;
      BigDecimal roundedTotal = BigDecimal.ZERO;
      boolean perLine = policy.stage() == RoundingStage.LINE;
      RoundingMode mode = policy.mode();
      for (int i = 0; i < n; i++) {
        BigDecimal finalAmount = current[i];
        exactTotal = exactTotal.add(finalAmount);
        Option<Money> rounded = Option.none();
        if (perLine) {
          Money money = Money.of(finalAmount.setScale(scale, mode), currency);
          roundedTotal = roundedTotal.add(money.amount());
          rounded = Option.some(money);
        }
        totals[i] = new LineTotal(lines[i].lineId(), base[i], finalAmount, rounded);
      }
      BigDecimal discount = exactTotal.subtract(cartSubtotal);
      Money total = policy.stage() == RoundingStage.ORDER
          ? Money.of(exactTotal.setScale(scale, policy.mode()), currency)
          : Money.of(roundedTotal, currency);
      return new QuoteTotals(currency, io.vavr.collection.Array.of(totals), cartSubtotal,
          discount, exactTotal, total);
    }
  }

  /**
   * The rules of the last rule set quoted, prepared: in priority order, and which of them a
   * {@link Condition.Products} condition limits to named products, indexed by product. Read
   * only, shared by threads.
   */
  private static final class Ordering {
    final Seq<PricingRule> rules;
    final PricingRule[] ordered;
    final PreparedRule[] prepared;
    final boolean[] productLimited;
    final java.util.Map<ProductId, int[]> rulesByProduct;

    Ordering(Seq<PricingRule> rules, PricingRule[] ordered) {
      this.rules = rules;
      this.ordered = ordered;
      this.productLimited = new boolean[ordered.length];
      this.prepared = new PreparedRule[ordered.length];
      java.util.Map<ProductId, int[]> index = new java.util.HashMap<>();
      for (int r = 0; r < ordered.length; r++) {
        prepared[r] = new PreparedRule(ordered[r]);
        for (Condition condition : ordered[r].conditions()) {
          if (condition instanceof Condition.Products named) {
            productLimited[r] = true;
            for (ProductId product : named.products()) {
              int[] before = index.get(product);
              int[] after = before == null ? new int[1]
                  : Arrays.copyOf(before, before.length + 1);
              after[after.length - 1] = r;
              index.put(product, after);
            }
            break;
          }
        }
      }
      this.rulesByProduct = index;
    }
  }

  /**
   * A rule taken apart once for quoting: its conditions split by scope, the product condition
   * that limits its lines (if any), whether it takes a coupon, its action described, and its
   * "no line" refusal, which is the same record for every cart. Read only.
   */
  private static final class PreparedRule {
    final PricingRule rule;
    final Condition[] cartConditions;
    final Condition[] lineConditions;
    final Condition.Products products;
    final ProductId[] productIds;
    final boolean coupon;
    final boolean freeItem;
    /* The fraction a percentage-off action takes, or null for other actions. */
    final BigDecimal percentOff;
    /* Whether appliedDirectly applies the action: a percentage off, an amount off per line or
     * per unit. */
    final boolean direct;
    final boolean perUnit;
    /*
     * For whole units (WholeUnits): whether the fraction or amount and the caps fit, their
     * unscaled values and scales; a cap's scale is Integer.MIN_VALUE when there is no cap.
     */
    final boolean whole;
    final long offUnscaled;
    final int offScale;
    final long lineCapUnscaled;
    final int lineCapScale;
    final long orderCapUnscaled;
    final int orderCapScale;
    final String described;
    final RuleNotApplied noLines;

    PreparedRule(PricingRule rule) {
      this.rule = rule;
      java.util.List<Condition> cartScope = new ArrayList<>();
      java.util.List<Condition> lineScope = new ArrayList<>();
      Condition.Products named = null;
      boolean takesCoupon = false;
      for (Condition condition : rule.conditions()) {
        if (condition.selectsLines()) {
          lineScope.add(condition);
          if (named == null && condition instanceof Condition.Products p) {
            named = p;
          }
        } else {
          cartScope.add(condition);
        }
        takesCoupon |= condition instanceof Condition.Coupon;
      }
      this.cartConditions = cartScope.toArray(new Condition[0]);
      this.lineConditions = lineScope.toArray(new Condition[0]);
      this.products = named;
      this.productIds = named == null ? null : named.products().toJavaArray(ProductId[]::new);
      this.coupon = takesCoupon;
      this.freeItem = rule.action() instanceof DiscountAction.FreeItem;
      this.percentOff = rule.action() instanceof DiscountAction.PercentOff a
          ? a.off().fraction() : null;
      BigDecimal off = percentOff;
      boolean unit = false;
      if (off == null && rule.action() instanceof DiscountAction.AmountOff a
          && a.per() != DiscountAction.AmountBasis.ORDER) {
        off = a.amount().amount();
        unit = a.per() == DiscountAction.AmountBasis.UNIT;
      }
      this.direct = off != null;
      this.perUnit = unit;
      this.offUnscaled = off == null ? WholeUnits.NONE : WholeUnits.unscaled(off);
      this.offScale = off == null ? 0 : off.scale();
      Option<Money> perLine = rule.caps().maxPerLine();
      Option<Money> perOrder = rule.caps().maxPerOrder();
      this.lineCapUnscaled = perLine.isDefined()
          ? WholeUnits.unscaled(perLine.get().amount()) : 0;
      this.lineCapScale = perLine.isDefined() ? perLine.get().amount().scale()
          : Integer.MIN_VALUE;
      this.orderCapUnscaled = perOrder.isDefined()
          ? WholeUnits.unscaled(perOrder.get().amount()) : 0;
      this.orderCapScale = perOrder.isDefined() ? perOrder.get().amount().scale()
          : Integer.MIN_VALUE;
      this.whole = direct && offUnscaled != WholeUnits.NONE
          && lineCapUnscaled != WholeUnits.NONE && orderCapUnscaled != WholeUnits.NONE;
      this.described = describe(rule.action());
      this.noLines = new RuleNotApplied(rule.id(), "pricing.rule.no_lines",
          "No line meets its line conditions");
    }
  }

  private static volatile Ordering lastOrdering;

  /**
   * Returns a rule set's rules prepared for quoting, in {@link RuleSet#byPriority()} order
   * (higher priority first, set order on ties). A host quotes many carts with the same rule set,
   * so the preparation of the last set is kept (by identity of its rule list) instead of being
   * redone for every cart. Nothing in it is written after it is built.
   */
  private static Ordering ordered(RuleSet rules) {
    Ordering last = lastOrdering;
    if (last != null && last.rules == rules.rules()) {
      return last;
    }
    PricingRule[] ordered = rules.rules().toJavaArray(PricingRule[]::new);
    Arrays.sort(ordered, (a, b) -> Integer.compare(b.priority(), a.priority()));
    Ordering prepared = new Ordering(rules.rules(), ordered);
    lastOrdering = prepared;
    return prepared;
  }

  /** Returns a unit price times a quantity converted exactly into its unit. */
  static BigDecimal times(UnitPrice price, Quantity quantity) {
    if (price.unit() == quantity.unit()) {
      return price.amount().multiply(quantity.amount());
    }
    return divide(price.amount().multiply(PerUnit.inBase(quantity)),
        price.unit().sizeInBaseUnit());
  }

  /** Returns {@code amount * part / whole}, exactly when the quotient is finite. */
  private static BigDecimal part(BigDecimal amount, BigDecimal part, BigDecimal whole) {
    return part.compareTo(whole) == 0 ? amount : divide(amount.multiply(part), whole);
  }

  private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    try {
      return dividend.divide(divisor);
    } catch (ArithmeticException infinite) {
      return dividend.divide(divisor, DIVISION_SCALE, RoundingMode.HALF_EVEN);
    }
  }

  /** Adds a value to a list made on first use. */
  private static <T> List<T> added(List<T> list, T value) {
    List<T> into = list != null ? list : new ArrayList<>(2);
    into.add(value);
    return into;
  }

  /**
   * Returns a list (null: none) as an immutable sequence backed by one array: the quote's parts
   * are read, never grown, so no trie is built.
   */
  private static <T> Seq<T> array(List<T> values) {
    return values == null || values.isEmpty() ? io.vavr.collection.Array.empty()
        : io.vavr.collection.Array.ofAll(values);
  }


  /** Tells whether two ascending arrays of line indices share one. */
  private static boolean intersects(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        return true;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /** Adds up the values set at the given indices. */
  private static BigDecimal sum(BigDecimal[] values, int[] indices) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i : indices) {
      if (values[i] != null) {
        sum = sum.add(values[i]);
      }
    }
    return sum;
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private static String describe(DiscountAction action) {
    if (action instanceof DiscountAction.PercentOff a) {
      return a.off() + " off";
    } else if (action instanceof DiscountAction.AmountOff a) {
      return a.amount() + " off per " + a.per().name().toLowerCase(java.util.Locale.ROOT);
    } else if (action instanceof DiscountAction.FixedPrice a) {
      return "fixed price " + a.lineTotal();
    } else if (action instanceof DiscountAction.UnitPriceOverride a) {
      return "unit price " + a.price();
    } else if (action instanceof DiscountAction.BuyXGetY a) {
      return "buy " + a.buy() + " get " + a.get() + " at " + a.off() + " off";
    } else if (action instanceof DiscountAction.FreeItem a) {
      return a.quantity() + " of " + a.product() + " free";
    }
    return "tier benefit discount";
  }

  private static String describe(Condition condition) {
    if (condition instanceof Condition.CartSubtotalAtLeast c) {
      return "cart subtotal at least " + c.minimum();
    } else if (condition instanceof Condition.CustomerTiers c) {
      return "customer tier in " + c.tiers().toSortedSet().mkString(", ");
    } else if (condition instanceof Condition.CustomerSegments c) {
      return "customer segment in " + c.segments().toSortedSet().mkString(", ");
    } else if (condition instanceof Condition.CustomerTags c) {
      return "customer tag in " + c.tags().toSortedSet().mkString(", ");
    } else if (condition instanceof Condition.Channels c) {
      return "channel in " + c.channels().toSortedSet().mkString(", ");
    } else if (condition instanceof Condition.During c) {
      return "during " + c.from() + " to " + c.until() + " in " + c.zone();
    } else if (condition instanceof Condition.Coupon c) {
      return "coupon " + c.code();
    }
    return condition.toString();
  }
}
