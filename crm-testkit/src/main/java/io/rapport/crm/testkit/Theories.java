package io.rapport.crm.testkit;

import org.quicktheories.QuickTheory;

/**
 * Starts QuickTheories property checks the way Rapport's own tests run them: with a fixed seed, so
 * a failing law fails the same way on every machine and in CI, and QuickTheories prints that seed
 * with the falsifying example.
 *
 * <p>System properties change the defaults without touching code: {@code -Drapport.seed=N} explores
 * other examples, {@code -Drapport.examples=N} runs more or fewer of them.
 */
public final class Theories {

  /** The seed used unless {@code rapport.seed} is set. */
  public static final long DEFAULT_SEED = 20261123L;

  /** The number of examples per law unless {@code rapport.examples} is set. */
  public static final int DEFAULT_EXAMPLES = 500;

  private Theories() {}

  /** Returns a QuickTheories runner with the configured seed and number of examples. */
  public static QuickTheory qt() {
    return QuickTheory.qt()
        .withFixedSeed(Long.getLong("rapport.seed", DEFAULT_SEED))
        .withExamples(Integer.getInteger("rapport.examples", DEFAULT_EXAMPLES));
  }
}
