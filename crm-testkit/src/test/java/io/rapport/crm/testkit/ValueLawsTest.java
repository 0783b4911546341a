package io.rapport.crm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.testkit.generators.ClvGenerators;
import io.rapport.crm.testkit.laws.ValueLaws;
import io.rapport.crm.value.ClvOptions;
import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.DiscountedCashFlow;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.ModelClv;
import io.rapport.crm.value.PatternCounts;
import io.rapport.crm.value.PurchaseModel;
import io.rapport.crm.value.ValuePyramid;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The value calculations keep their laws, and each law catches a planted bug. */
class ValueLawsTest {

  /** A buyer at their own observed rate, (x + 1) / (T + 1) per week, never dying. */
  static final PurchaseModel OWN_RATE = new PurchaseModel() {
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
      return (frequency + 1) / (age + 1) * horizon;
    }

    @Override
    public double expectedPurchases(double t) {
      return t;
    }
  };

  static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);
  static final Currency EUR = Currency.getInstance("EUR");

  @Test
  void theLibraryKeepsEveryLaw() {
    assertThatCode(() -> {
      ValueLaws.clvRisesWithMargin(OWN_RATE, SPEND, ClvGenerators.summaries(),
          ClvGenerators.options());
      ValueLaws.clvFallsWithDiscountRate(OWN_RATE, SPEND, ClvGenerators.summaries(),
          ClvGenerators.options());
      ValueLaws.discountedNeverExceedsUndiscounted(OWN_RATE, SPEND, ClvGenerators.summaries(),
          ClvGenerators.options(), ClvGenerators.margins(EUR), ClvGenerators.discountRates());
      ValueLaws.pyramidIsTotalAndOrderIndependent(ClvGenerators.clvLists(),
          ValuePyramid.Cutoffs.DEFAULT);
    }).doesNotThrowAnyException();
  }

  @Test
  void catchesAClvThatFallsWithTheMargin() {
    ValueLaws.Calculator planted = new ValueLaws.Calculator() {
      @Override
      public double clv(PurchaseModel model, GammaGamma spend, CustomerSummary customer,
          ClvOptions options) {
        return ModelClv.clv(model, spend, customer, options.withMargin(1 - options.margin()));
      }
    };
    assertThatThrownBy(() -> ValueLaws.clvRisesWithMargin(OWN_RATE, SPEND,
        ClvGenerators.summaries(), ClvGenerators.options(), planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAClvThatRisesWithTheDiscountRate() {
    ValueLaws.Calculator planted = new ValueLaws.Calculator() {
      @Override
      public double clv(PurchaseModel model, GammaGamma spend, CustomerSummary customer,
          ClvOptions options) {
        return ModelClv.clv(model, spend, customer,
            options.withDiscountRate(Math.max(0, 0.1 - options.discountRate())));
      }
    };
    assertThatThrownBy(() -> ValueLaws.clvFallsWithDiscountRate(OWN_RATE, SPEND,
        ClvGenerators.summaries(), ClvGenerators.options(), planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesACashFlowThatCompoundsInsteadOfDiscounting() {
    ValueLaws.Calculator planted = new ValueLaws.Calculator() {
      @Override
      public Money discounted(Seq<Money> margins, BigDecimal rate) {
        BigDecimal growth = rate.negate().divide(BigDecimal.ONE.add(rate), MathContext.DECIMAL64);
        return DiscountedCashFlow.clv(margins, growth, RoundingMode.HALF_EVEN);
      }
    };
    assertThatThrownBy(() -> ValueLaws.discountedNeverExceedsUndiscounted(OWN_RATE, SPEND,
        ClvGenerators.summaries(), ClvGenerators.options(), ClvGenerators.margins(EUR),
        ClvGenerators.discountRates(), planted)).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAPyramidThatDropsACustomer() {
    ValueLaws.Calculator planted = new ValueLaws.Calculator() {
      @Override
      public ValuePyramid pyramid(Seq<Double> clvs, ValuePyramid.Cutoffs cutoffs) {
        return ValuePyramid.of(clvs.isEmpty() ? clvs : clvs.tail(), cutoffs);
      }
    };
    assertThatThrownBy(() -> ValueLaws.pyramidIsTotalAndOrderIndependent(
        ClvGenerators.clvLists(), ValuePyramid.Cutoffs.DEFAULT, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesAPyramidThatFavoursTheFirstRow() {
    ValueLaws.Calculator planted = new ValueLaws.Calculator() {
      @Override
      public ValuePyramid pyramid(Seq<Double> clvs, ValuePyramid.Cutoffs cutoffs) {
        return ValuePyramid.of(clvs.isEmpty() ? clvs : clvs.update(0, clvs.max().get() + 1),
            cutoffs);
      }
    };
    assertThatThrownBy(() -> ValueLaws.pyramidIsTotalAndOrderIndependent(
        ClvGenerators.clvLists(), ValuePyramid.Cutoffs.DEFAULT, planted))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void generatorsDrawValidAndVariedInputs() {
    java.util.Set<Integer> frequencies = new java.util.HashSet<>();
    java.util.Set<Boolean> ties = new java.util.HashSet<>();
    Theories.qt().forAll(ClvGenerators.summaries(), ClvGenerators.clvLists(),
        ClvGenerators.patterns(), ClvGenerators.gammaGammas()).checkAssert((s, l, p, g) -> {
          frequencies.add(Math.min(s.frequency(), 1));
          ties.add(l.distinct().size() < l.size());
          assertThat(s.recency()).isBetween(0.0, s.age());
          assertThat(PatternCounts.of(io.vavr.collection.List.of(p)).customers())
              .isEqualTo(p.count());
          assertThat(g.hasFiniteMean()).isTrue();
        });
    assertThat(frequencies).containsExactlyInAnyOrder(0, 1);
    assertThat(ties).contains(true);
  }
}
