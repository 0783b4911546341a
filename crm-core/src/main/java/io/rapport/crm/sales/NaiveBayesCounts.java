package io.rapport.crm.sales;

import static java.util.Objects.requireNonNull;

import io.vavr.collection.SortedMap;
import io.vavr.collection.SortedSet;
import io.vavr.collection.TreeMap;

/**
 * Counts how often each value of one feature came with won and with lost training examples: what
 * a {@link NaiveBayesModel} learned about that feature, stored as data. A value never seen with an
 * outcome is absent from that outcome's map (a count of zero). Counts are checked as part of their
 * model. Immutable and thread-safe.
 *
 * @param feature the feature's name, such as {@code source.channel}
 * @param won how many won examples had each value; kept sorted by value
 * @param lost how many lost examples had each value; kept sorted by value
 */
public record NaiveBayesCounts(String feature, SortedMap<String, Integer> won,
    SortedMap<String, Integer> lost) {

  /**
   * Checks the components and sorts the maps.
   *
   * @throws NullPointerException if a component, a value or a count is null
   */
  public NaiveBayesCounts {
    requireNonNull(feature, "feature");
    requireNonNull(won, "won");
    requireNonNull(lost, "lost");
    won.forEach((value, count) -> requireNonNull(count, "won count"));
    lost.forEach((value, count) -> requireNonNull(count, "lost count"));
    won = TreeMap.ofEntries(won);
    lost = TreeMap.ofEntries(lost);
  }

  /** Returns every value seen in training, won or lost, sorted. */
  public SortedSet<String> values() {
    return won.keySet().addAll(lost.keySet());
  }

  /**
   * Returns how many won examples had a value.
   *
   * @param value the value
   * @return the count, zero for a value not seen with won examples
   */
  public int wonWith(String value) {
    return won.get(requireNonNull(value, "value")).getOrElse(0);
  }

  /**
   * Returns how many lost examples had a value.
   *
   * @param value the value
   * @return the count, zero for a value not seen with lost examples
   */
  public int lostWith(String value) {
    return lost.get(requireNonNull(value, "value")).getOrElse(0);
  }

  /** Returns how many values the feature can take for smoothing: those seen plus one for unseen. */
  public int outcomes() {
    return values().size() + 1;
  }
}
