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
 * Holds a ladder's thresholds as plain arrays and measures windows of a {@link QualifyingIndex}
 * against them. A measure is a {@code long[]}: qualifying points per threshold currency (in the
 * order of {@link #currencies}), then net spend in minor units of the spend currency, purchases
 * and referrals. A tier is reached when any of its thresholds is met; the base tier always is.
 */
final class TierRules {

  static final int POINTS = 0;
  static final int SPEND = 1;
  static final int PURCHASES = 2;
  static final int REFERRALS = 3;

  final String[] codes;
  final int tiers;
  final PointCurrency[] currencies;
  final Currency spendCurrency;
  private final int[][] kinds;
  private final int[][] slots;
  private final long[][] minimums;
  private final TierThreshold[][] thresholds;
  private final boolean usesSpend;
  private final boolean usesPurchases;
  private final boolean usesReferrals;
  private final int spendSlot;

  private TierRules(LoyaltyProgram program) {
    Seq<Tier> ladder = program.ladder().tiers();
    tiers = ladder.size();
    codes = new String[tiers];
    kinds = new int[tiers][];
    slots = new int[tiers][];
    minimums = new long[tiers][];
    thresholds = new TierThreshold[tiers][];
    spendCurrency = program.spendCurrency();
    ArrayList<PointCurrency> used = new ArrayList<>();
    boolean spend = false;
    boolean purchases = false;
    boolean referrals = false;
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
          spend = true;
        } else if (threshold instanceof TierThreshold.Purchases count) {
          kinds[t][i] = PURCHASES;
          minimums[t][i] = count.minimum();
          purchases = true;
        } else {
          kinds[t][i] = REFERRALS;
          minimums[t][i] = ((TierThreshold.Referrals) threshold).minimum();
          referrals = true;
        }
        i++;
      }
      t++;
    }
    currencies = used.toArray(new PointCurrency[0]);
    usesSpend = spend;
    usesPurchases = purchases;
    usesReferrals = referrals;
    spendSlot = currencies.length;
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
    return new TierRules(program);
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

  /** Measures entries {@code from} (inclusive) to {@code to} (exclusive) of an index. */
  long[] measure(QualifyingIndex index, int from, int to) {
    long[] measure = new long[spendSlot + 3];
    PointCurrency[] currencies = this.currencies;
    QualifyingEntry[] entries = index.entries;
    for (int e = from; e < to; e++) {
      QualifyingEntry entry = entries[e];
      for (int c = 0; c < currencies.length; c++) {
        measure[c] += entry.points().getOrElse(currencies[c], 0L);
      }
      if (usesSpend) {
        Money spend = entry.spend();
        if (!spend.isZero() && spend.currency().equals(spendCurrency)) {
          measure[spendSlot] += spend.toMinorUnits();
        }
      }
      if (usesPurchases) {
        measure[spendSlot + 1] += entry.purchases();
      }
      if (usesReferrals) {
        measure[spendSlot + 2] += entry.referrals();
      }
    }
    return measure;
  }

  /** Tells whether a measure meets one threshold of a tier. */
  boolean meets(long[] measure, int tier, int threshold) {
    return measure[slots[tier][threshold]] >= minimums[tier][threshold];
  }

  /** Tells whether a measure reaches a tier. */
  boolean reaches(long[] measure, int tier) {
    if (tier == 0) {
      return true;
    }
    for (int i = 0; i < kinds[tier].length; i++) {
      if (meets(measure, tier, i)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the highest tier a measure reaches (the base tier when none else). */
  int highestReached(long[] measure) {
    for (int tier = tiers - 1; tier > 0; tier--) {
      if (reaches(measure, tier)) {
        return tier;
      }
    }
    return 0;
  }

  /** Tells whether a measure reaches a tier or any tier above it. */
  boolean reachesAtLeast(long[] measure, int tier) {
    for (int t = tiers - 1; t >= tier; t--) {
      if (reaches(measure, t)) {
        return true;
      }
    }
    return false;
  }

  /** Returns what a measure reached of one threshold, as the shortfall reports it. */
  BigDecimal reached(long[] measure, int tier, int threshold) {
    long value = measure[slots[tier][threshold]];
    return kinds[tier][threshold] == SPEND ? Money.ofMinor(value, spendCurrency).amount()
        : BigDecimal.valueOf(value);
  }

  /** Returns what is still missing of one threshold, zero once met. */
  BigDecimal missing(long[] measure, int tier, int threshold) {
    long value = measure[slots[tier][threshold]];
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
