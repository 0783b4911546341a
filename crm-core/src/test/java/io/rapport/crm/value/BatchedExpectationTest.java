package io.rapport.crm.value;

import static io.rapport.crm.value.ModelPropertyChecks.histories;
import static io.rapport.crm.value.ModelPropertyChecks.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rapport.crm.kernel.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class BatchedExpectationTest {

  private static final BgNbd BG_NBD = new BgNbd(0.243, 4.414, 0.793, 2.426);
  private static final ModifiedBgNbd MBG_NBD = new ModifiedBgNbd(0.525, 6.183, 0.891, 1.614);
  private static final ParetoNbd PARETO_NBD = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
  private static final double[] MONTHS = months(12);

  private static double[] months(int count) {
    double[] horizons = new double[count];
    for (int i = 1; i <= count; i++) {
      horizons[i - 1] = i * 365.25 / 12 / 7;
    }
    return horizons;
  }

  private static void assertSameAsSingleCalls(PurchaseModel model, int x, double tx, double age,
      double[] horizons) {
    double[] into = new double[horizons.length];
    model.expectedPurchases(x, tx, age, horizons, into);
    for (int j = 0; j < horizons.length; j++) {
      double single = model.expectedPurchases(x, tx, age, horizons[j]);
      assertThat(into[j]).as("%s x=%d t_x=%s T=%s t=%s", model.name(), x, tx, age, horizons[j])
          .isCloseTo(single, within(1e-12 * Math.abs(single)));
    }
  }

  @Test
  void equalsTheSingleHorizonAnswersOnEveryCdnowRow() {
    SummaryTable table = CdnowWeeks.summary();
    int[] x = table.frequencies();
    double[] tx = table.recencies();
    double[] age = table.ages();
    for (int i = 0; i < table.size(); i++) {
      assertSameAsSingleCalls(BG_NBD, x[i], tx[i], age[i], MONTHS);
      assertSameAsSingleCalls(MBG_NBD, x[i], tx[i], age[i], MONTHS);
    }
    double[] into = new double[1];
    BG_NBD.expectedPurchases(2, 30.43, 38.86, new double[] {39}, into);
    assertThat(into[0]).isCloseTo(1.226, within(0.0005));
  }

  @Test
  void equalsTheSingleHorizonAnswersOnRandomRowsAndHorizons() {
    qt().forAll(histories(), SourceDSL.doubles().between(0, 200),
            SourceDSL.integers().between(0, 30))
        .checkAssert((h, longest, count) -> {
          double[] horizons = new double[count + 1];
          for (int j = 0; j < horizons.length; j++) {
            horizons[j] = longest * ((j * 7919) % horizons.length) / horizons.length;
          }
          for (PurchaseModel model : new PurchaseModel[] {BG_NBD, MBG_NBD, PARETO_NBD}) {
            assertSameAsSingleCalls(model, (int) h[0], h[1], h[2], horizons);
          }
        });
  }

  @Test
  void answersZeroAtAZeroHorizonAndRefusesBadInput() {
    double[] into = {7, 7};
    BG_NBD.expectedPurchases(3, 10, 20, new double[] {0, 10}, into);
    assertThat(into[0]).isZero();
    assertThat(into[1]).isPositive();
    assertThatThrownBy(() -> BG_NBD.expectedPurchases(1, 1, 2, new double[] {1, 2},
        new double[1]))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()
            .map(v -> v.code())).containsExactly("value.model.output_too_short"));
    assertThatThrownBy(() -> MBG_NBD.expectedPurchases(1, 1, 2, new double[] {1, -2},
        new double[2]))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()
            .map(v -> v.code())).containsExactly("value.model.horizon_invalid"));
    assertThatThrownBy(() -> PARETO_NBD.expectedPurchases(1, 3, 2, new double[] {1},
        new double[1]))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()
            .map(v -> v.code())).containsExactly("value.model.recency_invalid"));
  }
}
