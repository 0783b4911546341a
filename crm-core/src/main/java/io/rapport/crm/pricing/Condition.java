package io.rapport.crm.pricing;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.ProductId;
import io.rapport.crm.kernel.Quantity;
import io.vavr.collection.Set;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * States one condition of a {@link PricingRule}. Immutable and thread-safe.
 *
 * <p>Conditions come in two scopes, told by {@link #selectsLines()}:
 *
 * <ul>
 *   <li><b>line conditions</b> ({@link Products}, {@link Categories}, {@link Attribute},
 *       {@link MinQuantity}, {@link LineSubtotalAtLeast}) select the lines a rule acts on: a line
 *       is one of the rule's lines when it meets every line condition of the rule. A rule without
 *       line conditions acts on every line of the cart;</li>
 *   <li><b>cart conditions</b> ({@link CartSubtotalAtLeast}, {@link CustomerTiers},
 *       {@link CustomerSegments}, {@link CustomerTags}, {@link Channels}, {@link During},
 *       {@link Coupon}) must all hold for the rule to apply at all.</li>
 * </ul>
 *
 * <p>All conditions of a rule must hold (a rule with no conditions applies to every cart and
 * line); a set-valued condition holds when the cart or line has at least one of its values.
 * Subtotals are measured on base prices, before any rule's adjustment. The components' checks
 * (sets not empty, strings not blank, amounts in the rule set's currency and positive, coupon
 * codes well formed, windows not empty) are made with the rule set, see {@link RuleSet}.
 */
public sealed interface Condition permits Condition.Products, Condition.Categories,
    Condition.Attribute, Condition.MinQuantity, Condition.LineSubtotalAtLeast,
    Condition.CartSubtotalAtLeast, Condition.CustomerTiers, Condition.CustomerSegments,
    Condition.CustomerTags, Condition.Channels, Condition.During, Condition.Coupon {

  /**
   * Tells whether this is a line condition, selecting the lines a rule acts on, rather than a
   * cart condition, deciding whether the rule applies at all.
   *
   * @return true for a line condition
   */
  boolean selectsLines();

  /**
   * Holds for a line whose product is one of these. Immutable and thread-safe.
   *
   * @param products the products, not empty
   */
  record Products(Set<ProductId> products) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if products or one of them is null
     */
    public Products {
      requireNonNull(products, "products");
      products.forEach(value -> requireNonNull(value, "products"));
    }

    /** Returns true: a line condition. */
    @Override
    public boolean selectsLines() {
      return true;
    }
  }

  /**
   * Holds for a line whose product belongs to one of these categories. Immutable and
   * thread-safe.
   *
   * @param categories the category codes, not empty, none blank
   */
  record Categories(Set<String> categories) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if categories or one of them is null
     */
    public Categories {
      requireNonNull(categories, "categories");
      categories.forEach(value -> requireNonNull(value, "categories"));
    }

    /** Returns true: a line condition. */
    @Override
    public boolean selectsLines() {
      return true;
    }
  }

  /**
   * Holds for a line whose product has the attribute {@code key} with one of these values, such
   * as wood {@code zitan} or {@code huanghuali}. Immutable and thread-safe.
   *
   * @param key the attribute's key, not blank
   * @param values the values accepted, not empty, none blank
   */
  record Attribute(String key, Set<String> values) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component or a value is null
     */
    public Attribute {
      requireNonNull(key, "key");
      requireNonNull(values, "values");
      values.forEach(value -> requireNonNull(value, "values"));
    }

    /** Returns true: a line condition. */
    @Override
    public boolean selectsLines() {
      return true;
    }
  }

  /**
   * Holds for a line whose quantity is at least this, compared after exact conversion; a line
   * whose unit does not convert to this one (pieces against a weight) does not meet it.
   * Immutable and thread-safe.
   *
   * @param minimum the least quantity, above zero
   */
  record MinQuantity(Quantity minimum) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if minimum is null
     */
    public MinQuantity {
      requireNonNull(minimum, "minimum");
    }

    /** Returns true: a line condition. */
    @Override
    public boolean selectsLines() {
      return true;
    }
  }

  /**
   * Holds for a line whose base subtotal (selected unit price times quantity, before any
   * adjustment) is at least this. Immutable and thread-safe.
   *
   * @param minimum the least subtotal, positive, in the rule set's currency
   */
  record LineSubtotalAtLeast(Money minimum) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if minimum is null
     */
    public LineSubtotalAtLeast {
      requireNonNull(minimum, "minimum");
    }

    /** Returns true: a line condition. */
    @Override
    public boolean selectsLines() {
      return true;
    }
  }

  /**
   * Holds for a cart whose base subtotal (the sum of its lines' base subtotals) is at least this.
   * Immutable and thread-safe.
   *
   * @param minimum the least subtotal, positive, in the rule set's currency
   */
  record CartSubtotalAtLeast(Money minimum) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if minimum is null
     */
    public CartSubtotalAtLeast {
      requireNonNull(minimum, "minimum");
    }

    /** Returns false: a cart condition. */
    @Override
    public boolean selectsLines() {
      return false;
    }
  }

  /**
   * Holds when the customer's loyalty tier is one of these codes. Immutable and thread-safe.
   *
   * @param tiers the tier codes, not empty, none blank
   */
  record CustomerTiers(Set<String> tiers) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if tiers or one of them is null
     */
    public CustomerTiers {
      requireNonNull(tiers, "tiers");
      tiers.forEach(value -> requireNonNull(value, "tiers"));
    }

    /** Returns false: a cart condition. */
    @Override
    public boolean selectsLines() {
      return false;
    }
  }

  /**
   * Holds when the customer is in one of these segments (such as RFM segments). Immutable and
   * thread-safe.
   *
   * @param segments the segment codes, not empty, none blank
   */
  record CustomerSegments(Set<String> segments) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if segments or one of them is null
     */
    public CustomerSegments {
      requireNonNull(segments, "segments");
      segments.forEach(value -> requireNonNull(value, "segments"));
    }

    /** Returns false: a cart condition. */
    @Override
    public boolean selectsLines() {
      return false;
    }
  }

  /**
   * Holds when the customer carries one of these tags. Immutable and thread-safe.
   *
   * @param tags the tags, not empty, none blank
   */
  record CustomerTags(Set<String> tags) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if tags or one of them is null
     */
    public CustomerTags {
      requireNonNull(tags, "tags");
      tags.forEach(value -> requireNonNull(value, "tags"));
    }

    /** Returns false: a cart condition. */
    @Override
    public boolean selectsLines() {
      return false;
    }
  }

  /**
   * Holds when the cart is quoted in one of these channels, such as {@code store} or
   * {@code call-center}. Immutable and thread-safe.
   *
   * @param channels the channels, not empty, none blank
   */
  record Channels(Set<String> channels) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if channels or one of them is null
     */
    public Channels {
      requireNonNull(channels, "channels");
      channels.forEach(value -> requireNonNull(value, "channels"));
    }

    /** Returns false: a cart condition. */
    @Override
    public boolean selectsLines() {
      return false;
    }
  }

  /**
   * Holds when the quote's instant falls in a window of wall-clock time in a time zone, such as
   * 11 November 00:00 to 12 November 00:00 in Asia/Shanghai; {@code from} is inclusive,
   * {@code until} exclusive. Immutable and thread-safe.
   *
   * <p>The instant is turned into the zone's local date-time and compared with the two bounds
   * (see {@link #contains(Instant)}), so a window follows the zone's daylight-saving changes: a
   * local time repeated when clocks go back is inside the window both times, a local time
   * skipped when clocks go forward never occurs.
   *
   * @param from the first local date-time inside the window
   * @param until the first local date-time after the window, after {@code from}
   * @param zone the time zone both are read in
   */
  record During(LocalDateTime from, LocalDateTime until, ZoneId zone) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public During {
      requireNonNull(from, "from");
      requireNonNull(until, "until");
      requireNonNull(zone, "zone");
    }

    /**
     * Tells whether an instant falls in the window: its local date-time in the zone is at or
     * after {@code from} and before {@code until}.
     *
     * @param at the instant
     * @return true if it falls in the window
     * @throws NullPointerException if at is null
     */
    public boolean contains(Instant at) {
      LocalDateTime local = LocalDateTime.ofInstant(requireNonNull(at, "at"), zone);
      return !local.isBefore(from) && local.isBefore(until);
    }

    /** Returns false: a cart condition. */
    @Override
    public boolean selectsLines() {
      return false;
    }
  }

  /**
   * Holds when the cart presents this coupon code (codes compare exactly). Immutable and
   * thread-safe.
   *
   * @param code the code: an upper-case letter or digit, then 2 to 31 upper-case letters, digits,
   *     {@code _} or {@code -}, such as {@code DOUBLE11}
   */
  record Coupon(String code) implements Condition {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if code is null
     */
    public Coupon {
      requireNonNull(code, "code");
    }

    /** Returns false: a cart condition. */
    @Override
    public boolean selectsLines() {
      return false;
    }
  }
}
