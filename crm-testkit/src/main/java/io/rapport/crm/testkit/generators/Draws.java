package io.rapport.crm.testkit.generators;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Draws plain values from a QuickTheories randomness source, for the generators' own code. */
final class Draws {

  private Draws() {}

  /** Draws an int from 0 to bound - 1. */
  static int pick(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }

  /** Draws a long from 0 to bound - 1. */
  static long pickLong(RandomnessSource in, long bound) {
    return in.next(Constraint.between(0, bound - 1));
  }

  /** Answers true with the given chance, in percent. */
  static boolean chance(RandomnessSource in, int percent) {
    return in.next(Constraint.between(0, 99)) < percent;
  }

  /** Draws one of the values. */
  static <T> T oneOf(RandomnessSource in, T[] values) {
    return values[pick(in, values.length)];
  }
}
