package io.rapport.crm.loyalty;

/**
 * Measures windows of one {@link QualifyingIndex} under one {@link TierRules}, lazily: a window
 * sums a slot only when a threshold asks for it. Short runs scan the window's entries; once a run
 * asks for many windows (a replay), each slot gets prefix sums and a window costs two lookups.
 * Not thread-safe: one call of the engine uses it.
 */
final class Measures {

  private static final int SCANS_BEFORE_PREFIX = 6;

  private final TierRules rules;
  private final QualifyingIndex index;
  private final long[][] prefix;
  private int windows;

  Measures(TierRules rules, QualifyingIndex index) {
    this.rules = rules;
    this.index = index;
    this.prefix = new long[rules.slotCount][];
  }

  /** Returns the window of entries {@code from} (inclusive) to {@code to} (exclusive). */
  Window window(int from, int to) {
    windows++;
    return new Window(from, to);
  }

  private long sum(int slot, int from, int to) {
    if (from >= to) {
      return 0;
    }
    if (prefix[slot] == null && windows > SCANS_BEFORE_PREFIX) {
      long[] sums = new long[index.size + 1];
      for (int i = 0; i < index.size; i++) {
        sums[i + 1] = sums[i] + rules.value(index.entries[i], slot);
      }
      prefix[slot] = sums;
    }
    if (prefix[slot] != null) {
      return prefix[slot][to] - prefix[slot][from];
    }
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += rules.value(index.entries[i], slot);
    }
    return sum;
  }

  /** A window's sums, computed slot by slot as thresholds ask. */
  final class Window {

    private final int from;
    private final int to;
    private final long[] values;
    private long known;

    private Window(int from, int to) {
      this.from = from;
      this.to = to;
      this.values = new long[rules.slotCount];
    }

    /** Returns the window's sum of one slot. */
    long value(int slot) {
      if (slot >= Long.SIZE) {
        return sum(slot, from, to);
      }
      long bit = 1L << slot;
      if ((known & bit) == 0) {
        values[slot] = sum(slot, from, to);
        known |= bit;
      }
      return values[slot];
    }
  }
}
