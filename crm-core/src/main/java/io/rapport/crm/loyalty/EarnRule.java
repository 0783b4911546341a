package io.rapport.crm.loyalty;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.TimeWindow;
import io.vavr.control.Option;

/**
 * Pays points in one currency for purchases or occasions. A promotion is a rule with a window
 * (such as double points in November: a second per-spend rule active for the month). Checked as
 * part of its {@link LoyaltyProgram}. Immutable and thread-safe.
 *
 * @param code the rule's code, unique in its program: a lower-case letter or digit, then up to 63
 *     lower-case letters, digits or {@code . _ -}
 * @param name a readable name, not blank
 * @param currency the currency it pays in, declared by the program
 * @param basis what it pays for
 * @param filter which lines and channels it pays for ({@link EarnFilter#ANY} for all)
 * @param tierMultiplied whether the member's tier {@link TierBenefits#pointsMultiplier multiplier}
 *     applies
 * @param activeDuring when it applies (start inclusive, end exclusive), or empty for always
 * @param capPerActivity the most points it pays for one purchase or occasion, or empty
 * @param capPerDay the most points it pays one member per day in the program's time zone, or empty
 */
public record EarnRule(String code, String name, PointCurrency currency, EarnBasis basis,
    EarnFilter filter, boolean tierMultiplied, Option<TimeWindow> activeDuring,
    Option<Long> capPerActivity, Option<Long> capPerDay) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component or an optional value is null
   */
  public EarnRule {
    requireNonNull(code, "code");
    requireNonNull(name, "name");
    requireNonNull(currency, "currency");
    requireNonNull(basis, "basis");
    requireNonNull(filter, "filter");
    requireNonNull(activeDuring, "activeDuring");
    requireNonNull(capPerActivity, "capPerActivity");
    requireNonNull(capPerDay, "capPerDay");
    activeDuring.forEach(value -> requireNonNull(value, "activeDuring"));
    capPerActivity.forEach(value -> requireNonNull(value, "capPerActivity"));
    capPerDay.forEach(value -> requireNonNull(value, "capPerDay"));
  }
}
