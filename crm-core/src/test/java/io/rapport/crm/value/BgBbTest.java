package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.kernel.InvalidValueException;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class BgBbTest {

  /** Fader, Hardie and Shang (2010), donations: α, β, γ, δ and LL. */
  @Test
  void reproducesThePublishedEstimatesOnTheDonationsData() {
    var fit = BgBb.fit(ClvTestData.donations()).get();
    BgBb model = fit.model();
    assertThat(model.alpha()).isCloseTo(1.204, within(0.0015));
    assertThat(model.beta()).isCloseTo(0.750, within(0.0015));
    assertThat(model.gamma()).isCloseTo(0.657, within(0.0015));
    assertThat(model.delta()).isCloseTo(2.783, within(0.0025));
    assertThat(fit.logLikelihood()).isCloseTo(-33_225.6, within(0.1));
    assertThat(fit.standardErrors().keySet().toList())
        .containsExactly("alpha", "beta", "gamma", "delta");
    assertThat(fit.standardErrors().values()).allMatch(se -> se > 0 && se < 1);
  }

  @Test
  void thePublishedParametersGiveThePublishedLogLikelihoodAndNoMoreThanOurs() {
    PatternCounts data = ClvTestData.donations();
    BgBb published = new BgBb(1.204, 0.750, 0.657, 2.783);
    double ll = 0;
    for (PatternCounts.Pattern p : data.patterns()) {
      ll += p.count() * published.logLikelihood(p.frequency(), p.recency(), p.periods());
    }
    assertThat(ll).isCloseTo(-33_225.6, within(0.1));
    assertThat(BgBb.fit(data).get().logLikelihood()).isGreaterThanOrEqualTo(ll);
    assertThat(data.customers()).isEqualTo(11_104);
  }

  /** Hardie's BG/BB spreadsheet: total expected repeat donations in 1996+6 … +5 is 12 884.2. */
  @Test
  void reproducesThePublishedTotalOfConditionalExpectationsOverFiveYears() {
    PatternCounts data = ClvTestData.donations();
    BgBb model = BgBb.fit(data).get().model();
    double total = 0;
    for (PatternCounts.Pattern p : data.patterns()) {
      total += p.count() * model.expectedTransactions(p.frequency(), p.recency(), p.periods(), 5);
    }
    assertThat(total).isCloseTo(12_884.2, within(1.0));
  }

  /** Published P(alive in 2002): 0.11 for (0, 0), 0.59 for (2, 4), 0.93 for (6, 6). */
  @Test
  void reproducesThePublishedProbabilitiesOfBeingAlive() {
    BgBb model = new BgBb(1.204, 0.750, 0.657, 2.783);
    assertThat(model.probabilityAlive(0, 0, 6)).isCloseTo(0.11, within(0.005));
    assertThat(model.probabilityAlive(2, 4, 6)).isCloseTo(0.59, within(0.005));
    assertThat(model.probabilityAlive(6, 6, 6)).isCloseTo(0.93, within(0.005));
  }

  @Test
  void unconditionalExpectationEqualsTheSumOverOpportunitiesOfAliveTimesMeanP() {
    BgBb model = new BgBb(1.204, 0.750, 0.657, 2.783);
    double meanP = 1.204 / (1.204 + 0.750);
    double sum = 0;
    for (int t = 1; t <= 10; t++) {
      // P(alive at opportunity t) = B(γ, δ + t) / B(γ, δ)
      sum += meanP * Math.exp(org.hipparchus.special.Beta.logBeta(0.657, 2.783 + t)
          - org.hipparchus.special.Beta.logBeta(0.657, 2.783));
      assertThat(model.expectedTransactions(t)).isCloseTo(sum, within(1e-10));
    }
    assertThat(model.expectedTransactions(0)).isZero();
  }

  @Test
  void gammaOneUsesTheLimitAndStaysContinuous() {
    BgBb at = new BgBb(1.2, 0.75, 1.0, 2.8);
    BgBb near = new BgBb(1.2, 0.75, 1.0 + 1e-6, 2.8);
    assertThat(at.expectedTransactions(10)).isCloseTo(near.expectedTransactions(10),
        within(1e-5));
    assertThat(at.expectedTransactions(2, 4, 6, 5)).isCloseTo(
        near.expectedTransactions(2, 4, 6, 5), within(1e-5));
  }

  @Test
  void staysFiniteForHundredsOfOpportunities() {
    BgBb model = new BgBb(1.204, 0.750, 0.657, 2.783);
    assertThat(model.logLikelihood(400, 500, 500)).isFinite().isNegative();
    assertThat(model.probabilityAlive(400, 500, 500)).isBetween(0.0, 1.0);
    assertThat(model.expectedTransactions(400, 500, 500, 100)).isFinite().isPositive();
  }

  @Test
  void propertiesProbabilitiesAndExpectationsBehave() {
    BgBb model = new BgBb(1.204, 0.750, 0.657, 2.783);
    ClvTestData.qt().forAll(integers().between(1, 30), integers().between(0, 30),
        integers().between(0, 30), integers().between(0, 20)).checkAssert((n, a, b, h) -> {
          int tx = Math.min(a, n);
          int x = tx == 0 ? 0 : 1 + Math.min(b, tx - 1);
          assertThat(model.probabilityAlive(x, tx, n)).isBetween(0.0, 1.0);
          assertThat(model.expectedTransactions(x, tx, n, h + 1))
              .isGreaterThanOrEqualTo(model.expectedTransactions(x, tx, n, h))
              .isLessThanOrEqualTo(h + 1.0);
          if (x > 0 && tx < n) {
            assertThat(model.probabilityAlive(x, tx, n))
                .isLessThanOrEqualTo(model.probabilityAlive(x, tx + 1, n) + 1e-12);
          }
        });
  }

  @Test
  void aBaseThatNeverRepeatsIsATypedFailureWithDiagnostics() {
    var fit = BgBb.fit(PatternCounts.of(List.of(new PatternCounts.Pattern(0, 0, 6, 100))));
    assertThat(fit.isLeft()).isTrue();
    assertThat(fit.getLeft().code()).isEqualTo("value.fit.degenerate");
    assertThat(fit.getLeft().diagnostics().keySet().toList())
        .containsExactly("alpha", "beta", "gamma", "delta", "logLikelihood", "evaluations");
  }

  @Test
  void refusesBadParametersAndPatternsWithEveryViolation() {
    assertThatThrownBy(() -> new BgBb(0, -1, Double.NaN, 1))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(
            e.violations().map(v -> v.field())).containsExactly("alpha", "beta", "gamma"));
    var result = PatternCounts.validated(List.of(new long[] {2, 1, 6, 0},
        new long[] {0, 3, 2, 1}, new long[] {1, 1, 6, 5}));
    assertThat(result.getError().map(v -> v.code())).containsExactly(
        "value.pattern.frequency_above_recency", "value.pattern.count_invalid",
        "value.pattern.recency_invalid", "value.pattern.recency_mismatch");
    assertThatThrownBy(() -> PatternCounts.of(List.empty()))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("value.pattern.empty");
    assertThatThrownBy(() -> new BgBb(1, 1, 1, 1).expectedTransactions(-1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.bgbb.horizon_invalid");
  }
}
