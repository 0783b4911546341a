package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

  /** Fader and Hardie (2013): p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat customers. */
  @Test
  void reproducesThePublishedEstimatesOnCdnow() {
    var fit = GammaGamma.fit(ClvTestData.cdnowWithSpend()).get();
    assertThat(fit.model().p()).isCloseTo(6.25, within(0.005));
    assertThat(fit.model().q()).isCloseTo(3.74, within(0.005));
    assertThat(fit.model().v()).isCloseTo(15.44, within(0.01));
    assertThat(fit.logLikelihood()).isFinite();
    assertThat(fit.standardErrors().keySet().toList()).containsExactly("p", "q", "v");
  }

  /**
   * Hardie's spreadsheet (note 025): expected spend of the first ten CDNOW customers, printed to
   * the cent, from the unrounded estimates; the CSV rounds zbar to the cent, hence 0.01.
   */
  @Test
  void reproducesThePublishedConditionalExpectations() {
    SummaryTable table = ClvTestData.cdnowWithSpend();
    GammaGamma model = GammaGamma.fit(table).get().model();
    double[] published = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
    for (int i = 0; i < published.length; i++) {
      assertThat(model.expectedAverageSpend(table.frequency(i), table.averageRepeatSpend(i)))
          .as("customer %s", table.customer(i)).isCloseTo(published[i], within(0.01));
    }
  }

  @Test
  void computesAHandCheckedCustomer() {
    GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);
    // x = 2, zbar = 22.35: 6.25 (15.44 + 44.70) / (12.5 + 2.74) = 375.875 / 15.24 = 24.6637
    assertThat(model.expectedAverageSpend(2, 22.35)).isCloseTo(24.6637, within(1e-4));
    // population mean: 6.25 · 15.44 / 2.74 = 35.2190
    assertThat(model.populationMeanSpend().get()).isCloseTo(35.2190, within(1e-4));
    assertThat(model.expectedAverageSpend(0, 0)).isEqualTo(model.populationMeanSpend().get());
  }

  @Test
  void expectedSpendLiesBetweenThePopulationMeanAndTheCustomerMean() {
    GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);
    double mean = model.populationMeanSpend().get();
    ClvTestData.qt().forAll(integers().between(1, 500), doubles().between(0, 1000))
        .checkAssert((x, zbar) -> assertThat(model.expectedAverageSpend(x, zbar))
            .isBetween(Math.min(mean, zbar) - 1e-9, Math.max(mean, zbar) + 1e-9));
  }

  @Test
  void statesWhenTheMeanIsUndefined() {
    GammaGamma heavy = new GammaGamma(0.2, 0.9, 10);
    assertThat(heavy.populationMeanSpend()).isEmpty();
    assertThat(heavy.hasFiniteMean()).isFalse();
    assertThatThrownBy(() -> heavy.expectedAverageSpend(0, 0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.gamma_gamma.mean_undefined");
    assertThat(heavy.expectedAverageSpend(5, 10)).isFinite().isPositive();
    assertThatThrownBy(() -> new GammaGamma(6, 3, 15).expectedAverageSpend(1, Double.NaN))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.gamma_gamma.input_invalid");
  }

  @Test
  void fitsAndAnswersForCustomersWithHundredsOfPurchases() {
    SummaryTable.Builder builder = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int i = 0; i < 200; i++) {
      int x = 1 + (i * 37) % 900;
      double zbar = 5 + (i * 13) % 97;
      builder.add("c" + i, x, 10, 20, zbar, zbar * (x + 1));
    }
    var fit = GammaGamma.fit(builder.build());
    assertThat(fit.isRight()).as("%s", fit).isTrue();
    assertThat(fit.get().logLikelihood()).isFinite();
    assertThat(fit.get().model().expectedAverageSpend(900, 50)).isCloseTo(50, within(1.0));
  }

  @Test
  void refusesToFitWithoutRepeatCustomers() {
    SummaryTable none = SummaryTable.builder(PeriodUnit.WEEKS).add("a", 0, 0, 10, 0, 5).build();
    assertThat(GammaGamma.fit(none).getLeft().code()).isEqualTo("value.fit.no_data");
    assertThatThrownBy(() -> new GammaGamma(-1, 0, Double.POSITIVE_INFINITY))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.violations()).hasSize(3));
  }
}
