package io.rapport.crm.value;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.time.Period;

/**
 * Places customers in lifecycle segments on a given day from the days of their purchases.
 * Immutable and thread-safe.
 *
 * <p>Definitions, on the as-of day {@code D} (purchases after {@code D} are ignored, so a past
 * day can be replayed): <b>new</b> — the first purchase falls in {@code (D − newWithin, D]};
 * <b>active</b> — at least {@code activeMinimum} purchases fall in {@code (D − activeWindow, D]};
 * <b>inactive</b> — the last purchase is on or before {@code D − inactiveAfter}. Defaults: 6
 * months, 12 months and 2 purchases, 6 months. Precedence when several hold: prospect (no purchase
 * at all) before inactive before new before active — recency speaks first, so a customer who
 * bought twice 8 and 10 months ago is inactive, not active, and a new customer who already
 * bought twice is new. A customer meeting none is <b>occasional</b> (bought within the inactive
 * window, but neither for the first time nor often enough to be active), so every customer gets
 * exactly one segment.
 *
 * @param newWithin the window of a first purchase that makes a customer new
 * @param activeWindow the window in which purchases are counted for "active"
 * @param activeMinimum the purchases needed in {@code activeWindow} to be active, ≥ 1
 * @param inactiveAfter the time without a purchase that makes a customer inactive
 */
public record LifecycleSegments(Period newWithin, Period activeWindow, int activeMinimum,
    Period inactiveAfter) {

  /**
   * Checks the thresholds.
   *
   * @throws NullPointerException when a window is null
   * @throws InvalidValueException when a window is not positive
   *     ({@code value.lifecycle.window_invalid}) or {@code activeMinimum < 1}
   *     ({@code value.lifecycle.minimum_invalid}), with every violation
   */
  public LifecycleSegments {
    requireNonNull(newWithin, "newWithin");
    requireNonNull(activeWindow, "activeWindow");
    requireNonNull(inactiveAfter, "inactiveAfter");
    Seq<Violation> problems = problems(newWithin, activeWindow, activeMinimum, inactiveAfter);
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Returns the usual thresholds: new within 6 months, active with 2 purchases in 12 months,
   * inactive after 6 months without a purchase.
   *
   * @return the standard segments
   */
  public static LifecycleSegments standard() {
    return new LifecycleSegments(Period.ofMonths(6), Period.ofMonths(12), 2, Period.ofMonths(6));
  }

  /**
   * Validates thresholds, reporting every problem.
   *
   * @param newWithin the "new" window
   * @param activeWindow the "active" window
   * @param activeMinimum the purchases needed to be active
   * @param inactiveAfter the "inactive" window
   * @return the segments, or every violation ({@code value.lifecycle.*})
   */
  public static Validation<Seq<Violation>, LifecycleSegments> validated(Period newWithin,
      Period activeWindow, int activeMinimum, Period inactiveAfter) {
    Seq<Violation> problems = problems(newWithin, activeWindow, activeMinimum, inactiveAfter);
    return problems.isEmpty()
        ? Validation.valid(new LifecycleSegments(newWithin, activeWindow, activeMinimum,
            inactiveAfter))
        : Validation.invalid(problems);
  }

  private static Seq<Violation> problems(Period newWithin, Period activeWindow,
      int activeMinimum, Period inactiveAfter) {
    return window(newWithin, "newWithin").appendAll(window(activeWindow, "activeWindow"))
        .appendAll(window(inactiveAfter, "inactiveAfter"))
        .appendAll(activeMinimum >= 1 ? List.empty()
            : List.of(Violation.of("value.lifecycle.minimum_invalid", "activeMinimum",
                "an active customer needs at least 1 purchase, was " + activeMinimum)));
  }

  private static List<Violation> window(Period window, String field) {
    if (window == null) {
      return List.of(Violation.of("value.lifecycle.window_invalid", field,
          "the window is missing"));
    }
    if (window.isZero() || window.getYears() < 0 || window.getMonths() < 0
        || window.getDays() < 0) {
      return List.of(Violation.of("value.lifecycle.window_invalid", field,
          "the window must be positive, was " + window));
    }
    return List.empty();
  }

  /**
   * Places one customer in their segment on a day.
   *
   * @param history the customer's purchases
   * @param asOf the day; purchases after it are ignored
   * @return the segment
   */
  public LifecycleSegment segmentOf(PurchaseHistory history, LocalDate asOf) {
    requireNonNull(history, "history");
    return segmentOf(history.upTo(asOf), asOf);
  }

  LifecycleSegment segmentOf(Seq<LocalDate> days, LocalDate asOf) {
    if (days.isEmpty()) {
      return LifecycleSegment.PROSPECT;
    }
    if (!days.last().isAfter(asOf.minus(inactiveAfter))) {
      return LifecycleSegment.INACTIVE;
    }
    if (days.head().isAfter(asOf.minus(newWithin))) {
      return LifecycleSegment.NEW;
    }
    LocalDate activeFrom = asOf.minus(activeWindow);
    if (days.count(d -> d.isAfter(activeFrom)) >= activeMinimum) {
      return LifecycleSegment.ACTIVE;
    }
    return LifecycleSegment.OCCASIONAL;
  }

  /**
   * Places every customer in their segment on a day.
   *
   * @param histories the customers' purchases, one history per customer, in any order
   * @param asOf the day; purchases after it are ignored
   * @return each customer's segment, by customer key (the same whatever the input order)
   * @throws InvalidValueException when two histories have the same customer
   *     ({@code value.lifecycle.customer_duplicate})
   */
  public SortedMap<String, LifecycleSegment> assign(Seq<PurchaseHistory> histories,
      LocalDate asOf) {
    requireNonNull(histories, "histories");
    requireNonNull(asOf, "asOf");
    checkUnique(histories);
    return TreeMap.ofEntries(histories.map(h -> io.vavr.Tuple.of(h.customer(),
        segmentOf(h, asOf))));
  }

  static void checkUnique(Seq<PurchaseHistory> histories) {
    Seq<String> duplicates = histories.map(PurchaseHistory::customer).groupBy(c -> c)
        .filterValues(s -> s.size() > 1).keySet().toList().sorted();
    if (!duplicates.isEmpty()) {
      throw new InvalidValueException(duplicates.map(c -> Violation.of(
          "value.lifecycle.customer_duplicate", "histories",
          "the customer '" + c + "' has more than one history")));
    }
  }
}
