package io.rapport.crm.testkit.laws;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.crm.kernel.Money;
import io.rapport.crm.testkit.Theories;
import io.rapport.crm.value.ClvOptions;
import io.rapport.crm.value.CustomerSummary;
import io.rapport.crm.value.DiscountedCashFlow;
import io.rapport.crm.value.GammaGamma;
import io.rapport.crm.value.ModelClv;
import io.rapport.crm.value.PurchaseModel;
import io.rapport.crm.value.ValuePyramid;
import io.vavr.collection.Seq;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.quicktheories.core.Gen;

/**
 * States the laws of customer value that a team checks on its own settings with generated
 * inputs: the model CLV rises (non-strictly) with the margin and falls with the discount rate, a
 * discounted CLV never exceeds the undiscounted sum, and the value pyramid puts every customer in
 * exactly one tier whatever the order of the input.
 *
 * <p>Each law has a form that checks the library ({@link ModelClv}, {@link DiscountedCashFlow},
 * {@link ValuePyramid}) and a form that checks any {@link Calculator}, so a team can check a
 * wrapper of its own. Each runs {@link Theories#qt()} and throws an {@link AssertionError} with
 * the smallest falsifying example and the seed.
 */
public final class ValueLaws {

  /**
   * Computes values as the library does; the laws check any implementation. Each method defaults
   * to the library, so a test overrides only what it replaces.
   */
  public interface Calculator {

    /**
     * Computes one customer's model CLV, as {@link ModelClv#clv} does.
     *
     * @param model the purchase model
     * @param spend the spend model
     * @param customer the customer
     * @param options the CLV options
     * @return the CLV
     */
    default double clv(PurchaseModel model, GammaGamma spend, CustomerSummary customer,
        ClvOptions options) {
      return ModelClv.clv(model, spend, customer, options);
    }

    /**
     * Computes a discounted cash flow, as {@link DiscountedCashFlow#clv} does.
     *
     * @param margins the per-period margins
     * @param discountRate the discount rate per period
     * @return the present value
     */
    default Money discounted(Seq<Money> margins, BigDecimal discountRate) {
      return DiscountedCashFlow.clv(margins, discountRate, RoundingMode.HALF_EVEN);
    }

    /**
     * Builds a value pyramid, as {@link ValuePyramid#of(Seq, ValuePyramid.Cutoffs)} does.
     *
     * @param clvs the CLVs
     * @param cutoffs the tiers
     * @return the pyramid
     */
    default ValuePyramid pyramid(Seq<Double> clvs, ValuePyramid.Cutoffs cutoffs) {
      return ValuePyramid.of(clvs, cutoffs);
    }
  }

  /** The library's own calculations. */
  public static final Calculator STANDARD = new Calculator() {};

  private static final double SLACK = 1e-9;

  private ValueLaws() {}

  /**
   * Checks that raising the margin never lowers the model CLV, with the library.
   *
   * @param model the team's fitted purchase model
   * @param spend the team's fitted spend model
   * @param customers generated customers
   * @param options generated CLV options
   * @throws AssertionError if the law fails
   */
  public static void clvRisesWithMargin(PurchaseModel model, GammaGamma spend,
      Gen<CustomerSummary> customers, Gen<ClvOptions> options) {
    clvRisesWithMargin(model, spend, customers, options, STANDARD);
  }

  /**
   * Checks that raising the margin never lowers the model CLV.
   *
   * @param model the team's fitted purchase model
   * @param spend the team's fitted spend model
   * @param customers generated customers
   * @param options generated CLV options
   * @param calculator the calculation under test
   * @throws AssertionError if the law fails
   */
  public static void clvRisesWithMargin(PurchaseModel model, GammaGamma spend,
      Gen<CustomerSummary> customers, Gen<ClvOptions> options, Calculator calculator) {
    requireNonNull(calculator, "calculator");
    Theories.qt().forAll(customers, options).checkAssert((c, o) -> {
      double low = calculator.clv(model, spend, c, o);
      double higher = Math.min(1, o.margin() + 0.1);
      assertThat(calculator.clv(model, spend, c, o.withMargin(higher)))
          .as("CLV at margin %s against %s", higher, o.margin())
          .isGreaterThanOrEqualTo(low - SLACK * Math.abs(low));
    });
  }

  /**
   * Checks that raising the discount rate never raises the model CLV, with the library.
   *
   * @param model the team's fitted purchase model
   * @param spend the team's fitted spend model
   * @param customers generated customers
   * @param options generated CLV options
   * @throws AssertionError if the law fails
   */
  public static void clvFallsWithDiscountRate(PurchaseModel model, GammaGamma spend,
      Gen<CustomerSummary> customers, Gen<ClvOptions> options) {
    clvFallsWithDiscountRate(model, spend, customers, options, STANDARD);
  }

  /**
   * Checks that raising the discount rate never raises the model CLV.
   *
   * @param model the team's fitted purchase model
   * @param spend the team's fitted spend model
   * @param customers generated customers
   * @param options generated CLV options
   * @param calculator the calculation under test
   * @throws AssertionError if the law fails
   */
  public static void clvFallsWithDiscountRate(PurchaseModel model, GammaGamma spend,
      Gen<CustomerSummary> customers, Gen<ClvOptions> options, Calculator calculator) {
    requireNonNull(calculator, "calculator");
    Theories.qt().forAll(customers, options).checkAssert((c, o) -> {
      double base = calculator.clv(model, spend, c, o);
      double rate = o.discountRate() + 0.02;
      assertThat(calculator.clv(model, spend, c, o.withDiscountRate(rate)))
          .as("CLV at discount rate %s against %s", rate, o.discountRate())
          .isLessThanOrEqualTo(base + SLACK * Math.abs(base));
    });
  }

  /**
   * Checks that a non-negative discount rate never makes the model CLV or a discounted cash flow
   * of non-negative margins exceed its undiscounted value, with the library.
   *
   * @param model the team's fitted purchase model
   * @param spend the team's fitted spend model
   * @param customers generated customers
   * @param options generated CLV options, with non-negative discount rates
   * @param margins generated non-negative margins
   * @param rates generated non-negative discount rates
   * @throws AssertionError if the law fails
   */
  public static void discountedNeverExceedsUndiscounted(PurchaseModel model, GammaGamma spend,
      Gen<CustomerSummary> customers, Gen<ClvOptions> options, Gen<Seq<Money>> margins,
      Gen<BigDecimal> rates) {
    discountedNeverExceedsUndiscounted(model, spend, customers, options, margins, rates,
        STANDARD);
  }

  /**
   * Checks that a non-negative discount rate never makes the model CLV or a discounted cash flow
   * of non-negative margins exceed its undiscounted value.
   *
   * @param model the team's fitted purchase model
   * @param spend the team's fitted spend model
   * @param customers generated customers
   * @param options generated CLV options, with non-negative discount rates
   * @param margins generated non-negative margins
   * @param rates generated non-negative discount rates
   * @param calculator the calculation under test
   * @throws AssertionError if the law fails
   */
  public static void discountedNeverExceedsUndiscounted(PurchaseModel model, GammaGamma spend,
      Gen<CustomerSummary> customers, Gen<ClvOptions> options, Gen<Seq<Money>> margins,
      Gen<BigDecimal> rates, Calculator calculator) {
    requireNonNull(calculator, "calculator");
    Theories.qt().forAll(customers, options).checkAssert((c, o) -> {
      double discounted = calculator.clv(model, spend, c, o);
      double undiscounted = calculator.clv(model, spend, c, o.withDiscountRate(0));
      assertThat(discounted).as("model CLV at rate %s against rate 0", o.discountRate())
          .isLessThanOrEqualTo(undiscounted + SLACK * Math.abs(undiscounted));
    });
    Theories.qt().forAll(margins, rates).checkAssert((m, d) -> {
      Money undiscounted = DiscountedCashFlow.undiscounted(m);
      assertThat(calculator.discounted(m, d).isGreaterThan(undiscounted))
          .as("cash flow at rate %s against %s", d, undiscounted).isFalse();
    });
  }

  /**
   * Checks that the pyramid puts every customer in exactly one tier and that the result does
   * not depend on the order of the input, with the library.
   *
   * @param clvs generated lists of CLVs
   * @param cutoffs the team's tiers
   * @throws AssertionError if the law fails
   */
  public static void pyramidIsTotalAndOrderIndependent(Gen<Seq<Double>> clvs,
      ValuePyramid.Cutoffs cutoffs) {
    pyramidIsTotalAndOrderIndependent(clvs, cutoffs, STANDARD);
  }

  /**
   * Checks that the pyramid puts every customer in exactly one tier and that the result does
   * not depend on the order of the input (reversed, and rotated by one).
   *
   * @param clvs generated lists of CLVs
   * @param cutoffs the team's tiers
   * @param calculator the calculation under test
   * @throws AssertionError if the law fails
   */
  public static void pyramidIsTotalAndOrderIndependent(Gen<Seq<Double>> clvs,
      ValuePyramid.Cutoffs cutoffs, Calculator calculator) {
    requireNonNull(cutoffs, "cutoffs");
    requireNonNull(calculator, "calculator");
    Theories.qt().forAll(clvs).checkAssert(values -> {
      ValuePyramid pyramid = calculator.pyramid(values, cutoffs);
      assertThat(pyramid.size()).as("customers placed").isEqualTo(values.size());
      assertThat(pyramid.tiers().map(ValuePyramid.Tier::customers).sum().intValue())
          .as("customers counted over the tiers").isEqualTo(values.size());
      for (int i = 0; i < values.size(); i++) {
        assertThat(pyramid.tierIndex(i)).as("tier of row %s", i)
            .isBetween(0, cutoffs.names().size() - 1);
      }
      Seq<Double> reversed = values.reverse();
      Seq<Double> rotated = values.isEmpty() ? values : values.tail().append(values.head());
      for (Seq<Double> reordered : java.util.List.of(reversed, rotated)) {
        ValuePyramid other = calculator.pyramid(reordered, cutoffs);
        assertThat(other.tiers().map(ValuePyramid.Tier::customers))
            .as("tier sizes after reordering")
            .isEqualTo(pyramid.tiers().map(ValuePyramid.Tier::customers));
        for (int i = 0; i < values.size(); i++) {
          double clv = values.get(i);
          assertThat(other.tierIndex(reordered.indexOf(clv)))
              .as("tier of CLV %s after reordering", clv).isEqualTo(pyramid.tierIndex(i));
        }
      }
    });
  }
}
