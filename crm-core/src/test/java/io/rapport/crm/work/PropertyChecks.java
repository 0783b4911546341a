package io.rapport.crm.work;

import org.quicktheories.QuickTheory;

/** Runs QuickTheories with a fixed seed, as the kernel's tests do. */
final class PropertyChecks {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private PropertyChecks() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(500);
  }
}
