package io.rapport.crm.value;

import org.quicktheories.QuickTheory;

/**
 * Runs QuickTheories with a fixed seed for the segment tests, as the kernel's property checks do.
 */
final class SegmentPropertyChecks {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private SegmentPropertyChecks() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(200);
  }
}
