package io.rapport.crm.loyalty;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;

/**
 * Holds a ladder's thresholds as plain arrays, and the program's month starts. A measure has one
 * slot per threshold currency (in the order of {@link #currencies}), then net spend in minor units
 * of the spend currency, purchases and referrals. A tier is reached when any of its thresholds is
 * met; the base tier always is. Immutable after construction and thread-safe; the rules of the
 * last program asked for are kept, so a sweep over many accounts of one program builds them once.
 */
final class TierRules {

  private static volatile TierRules last;

  static final int POINTS = 0;
  static final int SPEND = 1;
  static final int PURCHASES = 2;
  static final int REFERRALS = 3;

  final LoyaltyProgram program;
  final ZoneMonths calendar;
  final String[] codes;
  final int tiers;
  final int slotCount;
  final PointCurrency[] currencies;
  final Currency spendCurrency;
  private final int[][] kinds;
  private final int[][] slots;
  private final long[][] minimums;
  private final TierThreshold[][] thresholds;
  private final int spendSlot;

  private TierRules(LoyaltyProgram program, ZoneMonths calendar) {
    this.program = program;
    this.calendar = calendar;
    Seq<Tier> ladder = program.ladder().tiers();
    tiers = ladder.size();
    codes = new String[tiers];
    kinds = new int[tiers][];
    slots = new int[tiers][];
    minimums = new long[tiers][];
    thresholds = new TierThreshold[tiers][];
    spendCurrency = program.spendCurrency();
    ArrayList<PointCurrency> used = new ArrayList<>();
    int t = 0;
    for (Tier tier : ladder) {
      codes[t] = tier.code();
      int n = t == 0 ? 0 : tier.anyOf().size();
      kinds[t] = new int[n];
      slots[t] = new int[n];
      minimums[t] = new long[n];
      thresholds[t] = new TierThreshold[n];
      int i = 0;
      for (TierThreshold threshold : t == 0 ? List.<TierThreshold>empty() : tier.anyOf()) {
        thresholds[t][i] = threshold;
        if (threshold instanceof TierThreshold.QualifyingPoints points) {
          int slot = used.indexOf(points.currency());
          if (slot < 0) {
            slot = used.size();
            used.add(points.currency());
          }
          kinds[t][i] = POINTS;
          slots[t][i] = slot;
          minimums[t][i] = points.minimum();
        } else if (threshold instanceof TierThreshold.Spend minimum) {
          kinds[t][i] = SPEND;
          minimums[t][i] = minimum.minimum().currency().equals(spendCurrency)
              ? minimum.minimum().toMinorUnits() : Long.MAX_VALUE;
        } else if (threshold instanceof TierThreshold.Purchases count) {
          kinds[t][i] = PURCHASES;
          minimums[t][i] = count.minimum();
        } else {
          kinds[t][i] = REFERRALS;
          minimums[t][i] = ((TierThreshold.Referrals) threshold).minimum();
        }
        i++;
      }
      t++;
    }
    currencies = used.toArray(new PointCurrency[0]);
    spendSlot = currencies.length;
    slotCount = spendSlot + 3;
    for (int tier = 1; tier < tiers; tier++) {
      for (int i = 0; i < kinds[tier].length; i++) {
        if (kinds[tier][i] != POINTS) {
          slots[tier][i] = spendSlot + kinds[tier][i] - SPEND;
        }
      }
    }
  }

  /** Returns the rules of a program's ladder. */
  static TierRules of(LoyaltyProgram program) {
    TierRules rules = last;
    if (rules != null && rules.program == program) {
      return rules;
    }
    ZoneMonths calendar = rules != null && rules.calendar.zone.equals(program.zone())
        ? rules.calendar : new ZoneMonths(program.zone());
    rules = new TierRules(program, calendar);
    last = rules;
    return rules;
  }

  /**
   * Returns the position of a tier code on the ladder.
   *
   * @throws InvalidValueException if the ladder has no such tier ({@code loyalty.tier.unknown})
   */
  int indexOf(String code, String field) {
    for (int i = 0; i < tiers; i++) {
      if (codes[i].equals(code)) {
        return i;
      }
    }
    throw new InvalidValueException(List.of(Violation.of("loyalty.tier.unknown", field,
        "The program's ladder has no tier '" + code + "'")));
  }

  /** Returns the thresholds of a tier, in ladder order. */
  TierThreshold[] thresholds(int tier) {
    return thresholds[tier];
  }

  /** Returns what one entry counts in a slot. */
  long value(QualifyingEntry entry, int slot) {
    if (slot < spendSlot) {
      return entry.points().getOrElse(currencies[slot], 0L);
    }
    if (slot == spendSlot) {
      Money spend = entry.spend();
      return spend.isZero() || !spend.currency().equals(spendCurrency) ? 0
          : spend.toMinorUnits();
    }
    return slot == spendSlot + 1 ? entry.purchases() : entry.referrals();
  }

  /** Tells whether a window reaches a tier. */
  boolean reaches(Measures.Window window, int tier) {
    if (tier == 0) {
      return true;
    }
    long[] minimum = minimums[tier];
    int[] slot = slots[tier];
    for (int i = 0; i < minimum.length; i++) {
      if (window.value(slot[i]) >= minimum[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the highest tier a window reaches (the base tier when none else). Points are looked
   * at first, so other sums are computed only for the tiers points do not reach.
   */
  int highestReached(Measures.Window window) {
    int byPoints = 0;
    for (int tier = tiers - 1; tier > 0 && byPoints == 0; tier--) {
      if (reachesByPoints(window, tier)) {
        byPoints = tier;
      }
    }
    for (int tier = tiers - 1; tier > byPoints; tier--) {
      if (reaches(window, tier)) {
        return tier;
      }
    }
    return byPoints;
  }

  /** Tells whether a window reaches a tier or any tier above it, looking at points first. */
  boolean reachesAtLeast(Measures.Window window, int tier) {
    if (tier == 0) {
      return true;
    }
    for (int t = tiers - 1; t >= tier; t--) {
      if (reachesByPoints(window, t)) {
        return true;
      }
    }
    for (int t = tiers - 1; t >= tier; t--) {
      if (reaches(window, t)) {
        return true;
      }
    }
    return false;
  }

  private boolean reachesByPoints(Measures.Window window, int tier) {
    long[] minimum = minimums[tier];
    int[] slot = slots[tier];
    for (int i = 0; i < minimum.length; i++) {
      if (slot[i] < spendSlot && window.value(slot[i]) >= minimum[i]) {
        return true;
      }
    }
    return false;
  }

  /** Returns what a measure reached of one threshold, as the shortfall reports it. */
  BigDecimal reached(Measures.Window window, int tier, int threshold) {
    long value = window.value(slots[tier][threshold]);
    return kinds[tier][threshold] == SPEND ? Money.ofMinor(value, spendCurrency).amount()
        : BigDecimal.valueOf(value);
  }

  /** Returns what is still missing of one threshold, zero once met. */
  BigDecimal missing(Measures.Window window, int tier, int threshold) {
    long value = window.value(slots[tier][threshold]);
    long minimum = minimums[tier][threshold];
    if (kinds[tier][threshold] == SPEND) {
      Money needed = ((TierThreshold.Spend) thresholds[tier][threshold]).minimum();
      if (!needed.currency().equals(spendCurrency)) {
        return needed.amount();
      }
      return Money.ofMinor(Math.max(0, minimum - value), spendCurrency).amount();
    }
    return BigDecimal.valueOf(Math.max(0, minimum - value));
  }
}
