package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.testkit.Theories;
import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.PurchaseModel;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Checks the laws every fitted buy-till-you-die model keeps, on a team's own fitted
 * {@link PurchaseModel} (BG/NBD, MBG/NBD, Pareto/NBD, or a wrapper of their own) with generated
 * customer summaries: P(alive) lies in [0, 1]; for the same frequency and age it falls
 * (non-strictly) as the last purchase recedes; conditional expected purchases are ≥ 0 and
 * non-decreasing in the horizon; the unconditional expectation is non-decreasing; no answer is
 * NaN or infinite. Each runs {@link Theories#qt()} and throws an {@link AssertionError} with the
 * smallest falsifying example and the seed.
 */
public final class PurchaseModelLaws {

  /** The relative slack allowed for rounding when comparing two answers of a model. */
  private static final double SLACK = 1e-9;

  private PurchaseModelLaws() {}

  /**
   * Draws summaries with frequency up to {@code maxFrequency}, age in {@code (0, maxAge]} and a
   * recency anywhere in {@code [0, age]} (0 without repeat purchases).
   *
   * @param maxFrequency the highest frequency, ≥ 0
   * @param maxAge the highest age, in the model's unit, above 0
   * @return the generator
   */
  public static Gen<CustomerSummary> summaries(int maxFrequency, double maxAge) {
    return SourceDSL.integers().between(0, maxFrequency)
        .zip(SourceDSL.doubles().between(0, 1), SourceDSL.doubles().between(maxAge / 1000, maxAge),
            (x, share, age) -> new CustomerSummary("c", x, x == 0 ? 0 : share * age, age, 0, 0));
  }

  /**
   * Checks every law.
   *
   * @param model the fitted model
   * @param summaries the customers to ask about
   * @param maxHorizon the longest forecast horizon to try, in the model's unit, above 0
   * @throws AssertionError if a law fails
   */
  public static void all(PurchaseModel model, Gen<CustomerSummary> summaries, double maxHorizon) {
    probabilityAliveIsAProbability(model, summaries);
    probabilityAliveFallsAsTheLastPurchaseRecedes(model, summaries);
    conditionalExpectationGrowsWithTheHorizon(model, summaries, maxHorizon);
    unconditionalExpectationGrowsWithTheHorizon(model, maxHorizon);
  }

  /**
   * Checks law 1: P(alive) is a number in [0, 1], never NaN.
   *
   * @param model the fitted model
   * @param summaries the customers
   * @throws AssertionError if the law fails
   */
  public static void probabilityAliveIsAProbability(PurchaseModel model,
      Gen<CustomerSummary> summaries) {
    requireNonNull(model, "model");
    Theories.qt().forAll(summaries).checkAssert(c -> {
      double p = model.probabilityAlive(c.frequency(), c.recency(), c.age());
      assertThat(p).as("P(alive) of %s", c).isNotNaN().isBetween(0.0, 1.0);
    });
  }

  /**
   * Checks law 2: for the same frequency and age, moving the last purchase earlier does not
   * raise P(alive).
   *
   * @param model the fitted model
   * @param summaries the customers; each is compared with itself at an earlier recency
   * @throws AssertionError if the law fails
   */
  public static void probabilityAliveFallsAsTheLastPurchaseRecedes(PurchaseModel model,
      Gen<CustomerSummary> summaries) {
    requireNonNull(model, "model");
    Theories.qt().forAll(summaries, SourceDSL.doubles().between(0, 1)).checkAssert((c, share) -> {
      if (c.frequency() == 0) {
        return;
      }
      double later = model.probabilityAlive(c.frequency(), c.recency(), c.age());
      double earlier = model.probabilityAlive(c.frequency(), c.recency() * share, c.age());
      assertThat(earlier).as("P(alive) of %s with the last purchase at %s", c,
          c.recency() * share).isNotNaN().isLessThanOrEqualTo(later + SLACK);
    });
  }

  /**
   * Checks law 3: the conditional expected purchases are finite, ≥ 0 and do not fall as the
   * horizon grows.
   *
   * @param model the fitted model
   * @param summaries the customers
   * @param maxHorizon the longest horizon, above 0
   * @throws AssertionError if the law fails
   */
  public static void conditionalExpectationGrowsWithTheHorizon(PurchaseModel model,
      Gen<CustomerSummary> summaries, double maxHorizon) {
    requireNonNull(model, "model");
    Gen<Double> horizons = SourceDSL.doubles().between(0, maxHorizon);
    Theories.qt().forAll(summaries, horizons, horizons).checkAssert((c, t1, t2) -> {
      double shorter = model.expectedPurchases(c.frequency(), c.recency(), c.age(),
          Math.min(t1, t2));
      double longer = model.expectedPurchases(c.frequency(), c.recency(), c.age(),
          Math.max(t1, t2));
      assertThat(shorter).as("E[purchases] of %s over %s", c, Math.min(t1, t2)).isFinite()
          .isGreaterThanOrEqualTo(0.0);
      assertThat(longer).as("E[purchases] of %s over %s", c, Math.max(t1, t2)).isFinite()
          .isGreaterThanOrEqualTo(shorter * (1 - SLACK));
    });
  }

  /**
   * Checks law 4: the unconditional expected purchases are finite, ≥ 0 and do not fall as the
   * window grows.
   *
   * @param model the fitted model
   * @param maxHorizon the longest window, above 0
   * @throws AssertionError if the law fails
   */
  public static void unconditionalExpectationGrowsWithTheHorizon(PurchaseModel model,
      double maxHorizon) {
    requireNonNull(model, "model");
    Gen<Double> horizons = SourceDSL.doubles().between(0, maxHorizon);
    Theories.qt().forAll(horizons, horizons).checkAssert((t1, t2) -> {
      double shorter = model.expectedPurchases(Math.min(t1, t2));
      double longer = model.expectedPurchases(Math.max(t1, t2));
      assertThat(shorter).as("E[X(%s)]", Math.min(t1, t2)).isFinite().isGreaterThanOrEqualTo(0.0);
      assertThat(longer).as("E[X(%s)]", Math.max(t1, t2)).isFinite()
          .isGreaterThanOrEqualTo(shorter * (1 - SLACK));
    });
  }
}
