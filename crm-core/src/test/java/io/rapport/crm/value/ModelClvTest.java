package io.rapport.crm.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.rapport.crm.kernel.InvalidValueException;
import io.rapport.crm.kernel.Money;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ModelClvTest {

  /** An always-alive Poisson buyer: E[X(T, T + t)] = λ t whatever the history. */
  record PoissonModel(double rate) implements PurchaseModel {
    @Override
    public String name() {
      return "Poisson";
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
      return 1;
    }

    @Override
    public double expectedPurchases(int frequency, double recency, double age, double horizon) {
      return rate * horizon;
    }

    @Override
    public double expectedPurchases(double t) {
      return rate * t;
    }
  }

  /** A model whose rate is the customer's own observed rate, (x + 1) / (T + 1). */
  record OwnRateModel() implements PurchaseModel {
    @Override
    public String name() {
      return "own rate";
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
      return 1;
    }

    @Override
    public double expectedPurchases(int frequency, double recency, double age, double horizon) {
      return (frequency + 1) / (age + 1) * horizon * (1 + recency / (age + 1));
    }

    @Override
    public double expectedPurchases(double t) {
      return t;
    }
  }

  private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);

  @Test
  void theParallelComputationGivesExactlyTheSequentialTable() {
    SummaryTable cdnow = ClvTestData.cdnowWithSpend();
    SummaryTable.Builder builder = SummaryTable.builder(PeriodUnit.WEEKS);
    for (int copy = 0; copy < 60; copy++) {
      for (int i = 0; i < cdnow.size(); i++) {
        builder.add(cdnow.customer(i) + "-" + copy, cdnow.frequency(i),
            cdnow.recency(i) * (1 - copy / 1000.0), cdnow.age(i),
            cdnow.averageRepeatSpend(i), cdnow.totalSpend(i));
      }
    }
    SummaryTable table = builder.build();
    BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
    GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
    ClvOptions options = new ClvOptions(12, 4.35, 0.01, 0.3);

    ClvTable sequential = ModelClv.compute(table, model, spend, options);
    ClvTable parallel = ModelClv.computeParallel(table, model, spend, options);

    assertThat(table.size()).isGreaterThan(2 * (1 << 16));
    for (int i = 0; i < table.size(); i++) {
      assertThat(parallel.clv(i)).isEqualTo(sequential.clv(i));
      assertThat(parallel.expectedPurchases(i)).isEqualTo(sequential.expectedPurchases(i));
    }
  }

  @Test
  void equalsTheClosedFormGeometricSumForAPoissonBuyer() {
    ClvOptions options = new ClvOptions(12, 4.0, 0.01, 0.3);
    double clv = ModelClv.clv(new PoissonModel(0.5), SPEND,
        new CustomerSummary("c1", 2, 30.43, 38.86, 22.35, 67.05), options);
    // 0.5 · 4 purchases per period, spend 6.25 (15.44 + 44.70) / 15.24, margin 0.3,
    // annuity factor (1 − 1.01^−12) / 0.01 = 11.2551: 2 · 24.6637 · 0.3 · 11.2551 = 166.555
    double spend = 6.25 * (15.44 + 2 * 22.35) / (6.25 * 2 + 3.74 - 1);
    double annuity = (1 - Math.pow(1.01, -12)) / 0.01;
    assertThat(clv).isCloseTo(2.0 * spend * 0.3 * annuity, within(1e-9));
    assertThat(2.0 * spend * 0.3 * annuity).isCloseTo(166.555, within(0.001));
  }

  @Test
  void withoutDiscountingItIsPurchasesTimesSpendTimesMargin() {
    ClvOptions options = new ClvOptions(10, 1.0, 0.0, 1.0);
    assertThat(ModelClv.discountedPurchases(new PoissonModel(0.25), 0, 0, 10, options))
        .isCloseTo(2.5, within(1e-12));
  }

  @Test
  void theTableAgreesWithTheCustomerByCustomerValueAndCachesRepeatedRows() {
    SummaryTable table = ClvTestData.cdnowWithSpend();
    ClvOptions options = new ClvOptions(12, 365.25 / 12 / 7, 0.01, 0.2);
    OwnRateModel model = new OwnRateModel();
    ClvTable result = ModelClv.compute(table, model, SPEND, options);
    assertThat(result.size()).isEqualTo(table.size());
    for (int i = 0; i < table.size(); i += 97) {
      assertThat(result.clv(i)).isCloseTo(ModelClv.clv(model, SPEND, table.row(i), options),
          within(1e-9));
      assertThat(result.customer(i)).isEqualTo(table.customer(i));
      assertThat(result.expectedPurchases(i)).isCloseTo(
          model.expectedPurchases(table.frequency(i), table.recency(i), table.age(i),
              12 * options.periodLength()), within(1e-9));
    }
  }

  @Test
  void aBgNbdTableOfMostlyDistinctRowsAgreesWithTheCustomerByCustomerValue() {
    // more distinct rows than the row cache holds, then CDNOW rows repeated: the cache is
    // dropped on the first part and the answers must not change
    BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
    ClvOptions options = new ClvOptions(12, 365.25 / 12 / 7, 0.01, 0.3);
    SummaryTable cdnow = ClvTestData.cdnowWithSpend();
    SummaryTable.Builder builder = SummaryTable.builder(PeriodUnit.WEEKS);
    int distinct = 70_000;
    for (int i = 0; i < distinct; i++) {
      int x = i % 9;
      double age = 27 + 12.0 * i / distinct;
      builder.add("d" + i, x, x == 0 ? 0 : age * ((i * 31) % 97) / 97.0, age, x == 0 ? 0 : 20,
          x == 0 ? 20 : 20 * (x + 1));
    }
    for (int i = 0; i < cdnow.size(); i++) {
      builder.add(cdnow.row(i));
    }
    SummaryTable table = builder.build();
    ClvTable result = ModelClv.compute(table, model, SPEND, options);
    for (int i = 0; i < table.size(); i += 331) {
      double single = ModelClv.clv(model, SPEND, table.row(i), options);
      assertThat(result.clv(i)).as("row %d", i).isCloseTo(single, within(1e-12 * single + 1e-300));
      assertThat(result.expectedPurchases(i)).isCloseTo(model.expectedPurchases(
          table.frequency(i), table.recency(i), table.age(i), 12 * options.periodLength()),
          within(1e-12));
    }
    // the published 39-week expectation of the CDNOW customer (2, 30.43, 38.86) is 1.226
    assertThat(model.expectedPurchases(2, 30.43, 38.86, 39)).isCloseTo(1.226, within(0.0005));
  }

  @Test
  void convertsToMoneyAtTheMinorUnitWithTheGivenRounding() {
    ClvTable table = ModelClv.compute(SummaryTable.builder(PeriodUnit.WEEKS)
        .add("a", 2, 30.43, 38.86, 22.35, 67.05).build(), new PoissonModel(0.5), SPEND,
        new ClvOptions(12, 4.0, 0.01, 0.3));
    Currency eur = Currency.getInstance("EUR");
    Money down = table.clvMoney(0, eur, RoundingMode.DOWN);
    Money up = table.clvMoney(0, eur, RoundingMode.UP);
    assertThat(down.amount().scale()).isEqualTo(2);
    assertThat(up.minus(down).toMinorUnits()).isEqualTo(1);
    assertThat(table.clvMoney(0, Currency.getInstance("JPY"), RoundingMode.HALF_EVEN).amount()
        .scale()).isZero();
  }

  @Test
  void propertiesRiseWithMarginFallWithDiscountNeverExceedUndiscounted() {
    PurchaseModel model = new OwnRateModel();
    ClvTestData.qt().forAll(integers().between(0, 50), doubles().between(0, 50),
        doubles().between(0, 0.2), doubles().between(0, 1)).checkAssert((x, age, d, m) -> {
          double tx = x == 0 ? 0 : age / 2;
          CustomerSummary c = new CustomerSummary("c", x, tx, age, x == 0 ? 0 : 20, 20 * x);
          ClvOptions options = new ClvOptions(12, 4.3, d, m);
          double clv = ModelClv.clv(model, SPEND, c, options);
          assertThat(ModelClv.clv(model, SPEND, c, options.withMargin(Math.min(1, m + 0.1))))
              .isGreaterThanOrEqualTo(clv);
          assertThat(ModelClv.clv(model, SPEND, c, options.withDiscountRate(d + 0.05)))
              .isLessThanOrEqualTo(clv);
          assertThat(clv).isLessThanOrEqualTo(ModelClv.clv(model, SPEND, c,
              options.withDiscountRate(0)) * (1 + 1e-12)).isGreaterThanOrEqualTo(0);
        });
  }

  @Test
  void refusesBadOptionsAndNonFiniteModels() {
    var invalid = ClvOptions.validated(0, Double.NaN, -1, 1.5);
    assertThat(invalid.getError().map(v -> v.code())).containsExactly("value.clv.periods_invalid",
        "value.clv.period_length_invalid", "value.clv.discount_invalid",
        "value.clv.margin_invalid");
    SummaryTable one = SummaryTable.builder(PeriodUnit.WEEKS).add("a", 0, 0, 5, 0, 10).build();
    assertThatThrownBy(() -> ModelClv.compute(one, new PoissonModel(Double.NaN), SPEND,
        new ClvOptions(3, 1, 0.01, 0.5))).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.clv.model_not_finite");
    assertThatThrownBy(() -> ModelClv.compute(one, new PoissonModel(1), new GammaGamma(1, 0.5, 1),
        new ClvOptions(3, 1, 0.01, 0.5))).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("value.gamma_gamma.mean_undefined");
  }
}
