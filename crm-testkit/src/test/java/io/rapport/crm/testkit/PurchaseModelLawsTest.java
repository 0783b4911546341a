package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.testkit.laws.PurchaseModelLaws;
import io.rapport.crm.value.BgNbd;
import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.ModifiedBgNbd;
import io.rapport.crm.value.ParetoNbd;
import io.rapport.crm.value.PurchaseModel;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The three fitted models keep the purchase-model laws, and the laws catch broken models. */
class PurchaseModelLawsTest {

  /** The CDNOW estimates (weeks) published for each model. */
  static final PurchaseModel BG_NBD = new BgNbd(0.243, 4.414, 0.793, 2.426);
  static final PurchaseModel MBG_NBD = new ModifiedBgNbd(0.525, 6.183, 0.891, 1.614);
  static final PurchaseModel PARETO_NBD = new ParetoNbd(0.553, 10.578, 0.606, 11.669);

  static final Gen<CustomerSummary> SUMMARIES = PurchaseModelLaws.summaries(500, 80);

  @Test
  void theBgNbdKeepsEveryLaw() {
    assertThatCode(() -> PurchaseModelLaws.all(BG_NBD, SUMMARIES, 104)).doesNotThrowAnyException();
  }

  @Test
  void theModifiedBgNbdKeepsEveryLaw() {
    assertThatCode(() -> PurchaseModelLaws.all(MBG_NBD, SUMMARIES, 104))
        .doesNotThrowAnyException();
  }

  @Test
  void theParetoNbdKeepsEveryLaw() {
    assertThatCode(() -> PurchaseModelLaws.all(PARETO_NBD, SUMMARIES, 104))
        .doesNotThrowAnyException();
  }

  @Test
  void catchesAProbabilityAboveOne() {
    PurchaseModel broken = new Wrapper(BG_NBD) {
      @Override
      public double probabilityAlive(int frequency, double recency, double age) {
        return 1.5 * super.probabilityAlive(frequency, recency, age);
      }
    };
    assertThatThrownBy(() -> PurchaseModelLaws.probabilityAliveIsAProbability(broken, SUMMARIES))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAProbabilityAliveThatRisesAsThePurchaseRecedes() {
    PurchaseModel broken = new Wrapper(PARETO_NBD) {
      @Override
      public double probabilityAlive(int frequency, double recency, double age) {
        // reads the recency backwards: an old last purchase looks recent
        return super.probabilityAlive(frequency, age - recency, age);
      }
    };
    assertThatThrownBy(() -> PurchaseModelLaws.probabilityAliveFallsAsTheLastPurchaseRecedes(
        broken, SUMMARIES)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAConditionalExpectationThatFallsWithTheHorizon() {
    PurchaseModel broken = new Wrapper(MBG_NBD) {
      @Override
      public double expectedPurchases(int frequency, double recency, double age, double horizon) {
        // a forecast that forgets purchases after a year
        return horizon > 52 ? 0 : super.expectedPurchases(frequency, recency, age, horizon);
      }
    };
    assertThatThrownBy(() -> PurchaseModelLaws.conditionalExpectationGrowsWithTheHorizon(broken,
        SUMMARIES, 104)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesANanExpectation() {
    PurchaseModel broken = new Wrapper(BG_NBD) {
      @Override
      public double expectedPurchases(int frequency, double recency, double age, double horizon) {
        return frequency > 300 ? Double.NaN
            : super.expectedPurchases(frequency, recency, age, horizon);
      }
    };
    assertThatThrownBy(() -> PurchaseModelLaws.conditionalExpectationGrowsWithTheHorizon(broken,
        SUMMARIES, 104)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAnUnconditionalExpectationThatFalls() {
    PurchaseModel broken = new Wrapper(PARETO_NBD) {
      @Override
      public double expectedPurchases(double t) {
        // halves the forecast past a year
        return t > 52 ? super.expectedPurchases(t) / 2 : super.expectedPurchases(t);
      }
    };
    assertThatThrownBy(() -> PurchaseModelLaws.unconditionalExpectationGrowsWithTheHorizon(broken,
        104)).isInstanceOf(AssertionError.class);
  }

  /** Passes every question to a model; a planted bug overrides one answer. */
  private static class Wrapper implements PurchaseModel {
    private final PurchaseModel model;

    Wrapper(PurchaseModel model) {
      this.model = model;
    }

    @Override
    public String name() {
      return "broken " + model.name();
    }

    @Override
    public double probabilityAlive(int frequency, double recency, double age) {
      return model.probabilityAlive(frequency, recency, age);
    }

    @Override
    public double expectedPurchases(int frequency, double recency, double age, double horizon) {
      return model.expectedPurchases(frequency, recency, age, horizon);
    }

    @Override
    public double expectedPurchases(double t) {
      return model.expectedPurchases(t);
    }
  }
}
