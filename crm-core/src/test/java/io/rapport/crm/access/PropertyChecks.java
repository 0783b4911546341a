package io.rapport.crm.access;

import org.quicktheories.QuickTheory;

/**
 * Runs QuickTheories with a fixed seed, as the kernel's tests do; pass {@code -Drapport.seed=N}
 * to explore other examples.
 */
final class PropertyChecks {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private PropertyChecks() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(500);
  }
}
