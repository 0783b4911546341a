package io.rapport.crm.customer;

import org.quicktheories.QuickTheory;

/**
 * Runs QuickTheories with a fixed seed, as {@code io.rapport.crm.kernel.PropertyChecks} does, so a
 * failing law fails the same way on every machine; pass {@code -Drapport.seed=N} to explore.
 */
final class DuplicatePropertyChecks {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private DuplicatePropertyChecks() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(500);
  }
}
