package io.rapport.crm.value;

import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Runs QuickTheories with a fixed seed for the purchase-model tests, and draws summaries. */
final class ModelPropertyChecks {

  static final long SEED = Long.getLong("rapport.seed", 20261123L);

  private ModelPropertyChecks() {}

  static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  /** Draws {@code (x, t_x, T)} with x up to 600 and T up to 80 weeks. */
  static Gen<double[]> histories() {
    return SourceDSL.integers().between(0, 600)
        .zip(SourceDSL.doubles().between(0, 1), SourceDSL.doubles().between(0.01, 80),
            (x, share, age) -> new double[] {x, x == 0 ? 0 : share * age, age});
  }

  /** Draws a share in [0, 1], to move a purchase earlier in the same history. */
  static Gen<Double> shares() {
    return SourceDSL.doubles().between(0, 1);
  }

  /** Draws a positive horizon up to 200 weeks. */
  static Gen<Double> horizons() {
    return SourceDSL.doubles().between(0, 200);
  }
}
